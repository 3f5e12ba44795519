import type { ReactNode } from 'react';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  PageSection,
  Title,
} from '@patternfly/react-core';
import type { K8sResourceKind, PageComponentProps } from '@openshift-console/dynamic-plugin-sdk';
import { Timestamp } from '../sdk/components/Timestamp';
import { conditions } from './k8s-helpers';
import { ConditionsTable } from './ConditionsTable';
import { PoolSummary } from './PoolSummary';

const Item = ({ term, children }: { term: string; children: ReactNode }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription
      data-test={`details-item-${term.toLowerCase().replace(/\s+/g, '-')}`}
    >
      {children}
    </DescriptionListDescription>
  </DescriptionListGroup>
);

/** The Details tab: metadata, a MachineConfigPool's machine counts, and status conditions. */
export const DetailsTab = ({ obj }: PageComponentProps<K8sResourceKind>) => {
  if (!obj) {
    return null;
  }
  const labels = Object.entries(obj.metadata?.labels ?? {});
  const statusConditions = conditions(obj);
  return (
    <PageSection hasBodyWrapper={false} data-test="details-tab">
      <Title headingLevel="h2" className="pf-v6-u-mb-md">
        {obj.kind} details
      </Title>
      <DescriptionList isHorizontal>
        <Item term="Name">{obj.metadata?.name}</Item>
        {obj.metadata?.namespace && <Item term="Namespace">{obj.metadata.namespace}</Item>}
        <Item term="Labels">
          {labels.length === 0 ? (
            'No labels'
          ) : (
            <LabelGroup numLabels={20}>
              {labels.map(([k, v]) => (
                <Label key={k} variant="outline">
                  {v ? `${k}=${v}` : k}
                </Label>
              ))}
            </LabelGroup>
          )}
        </Item>
        <Item term="Annotations">
          {String(Object.keys(obj.metadata?.annotations ?? {}).length)} annotations
        </Item>
        <Item term="Created">
          <Timestamp timestamp={obj.metadata?.creationTimestamp} />
        </Item>
        <Item term="UID">{obj.metadata?.uid ?? '-'}</Item>
      </DescriptionList>
      {obj.kind === 'MachineConfigPool' && <PoolSummary pool={obj} />}
      {statusConditions.length > 0 && (
        <>
          <Title headingLevel="h2" className="pf-v6-u-mt-xl pf-v6-u-mb-md">
            Conditions
          </Title>
          <ConditionsTable conditions={statusConditions} />
        </>
      )}
    </PageSection>
  );
};
