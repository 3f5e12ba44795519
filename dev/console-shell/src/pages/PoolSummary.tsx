import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Title,
} from '@patternfly/react-core';
import type { K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';
import { ResourceLink } from '../sdk/components/ResourceLink';
import { getGroupVersionKindForModel } from '../sdk/k8s-ref';
import { MachineConfigModel } from '../sdk/models';

const COUNTS: [string, string][] = [
  ['machineCount', 'Machines'],
  ['readyMachineCount', 'Ready machines'],
  ['updatedMachineCount', 'Updated machines'],
  ['unavailableMachineCount', 'Unavailable machines'],
  ['degradedMachineCount', 'Degraded machines'],
];

/** A MachineConfigPool's rendered configuration and machine counts (console's pool details). */
export const PoolSummary = ({ pool }: { pool: K8sResourceKind }) => {
  const rendered = (pool.status?.configuration as { name?: string } | undefined)?.name;
  return (
    <>
      <Title headingLevel="h2" className="pf-v6-u-mt-xl pf-v6-u-mb-md">
        Machine config pool
      </Title>
      <DescriptionList isHorizontal data-test="pool-summary">
        <DescriptionListGroup>
          <DescriptionListTerm>Current configuration</DescriptionListTerm>
          <DescriptionListDescription>
            {rendered ? (
              <ResourceLink
                groupVersionKind={getGroupVersionKindForModel(MachineConfigModel)}
                name={rendered}
              />
            ) : (
              '-'
            )}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Paused</DescriptionListTerm>
          <DescriptionListDescription>
            {pool.spec?.paused ? 'Yes' : 'No'}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Max unavailable</DescriptionListTerm>
          <DescriptionListDescription>
            {String((pool.spec?.maxUnavailable as number | string | undefined) ?? 1)}
          </DescriptionListDescription>
        </DescriptionListGroup>
        {COUNTS.map(([field, label]) => (
          <DescriptionListGroup key={field}>
            <DescriptionListTerm>{label}</DescriptionListTerm>
            <DescriptionListDescription data-test={`pool-${field}`}>
              {String((pool.status?.[field] as number | undefined) ?? 0)}
            </DescriptionListDescription>
          </DescriptionListGroup>
        ))}
      </DescriptionList>
    </>
  );
};
