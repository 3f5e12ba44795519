import { ResourceLink, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import {
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { MachineConfigGVK, MachineConfigPoolGVK } from '../../k8s/gvk';
import type { Day1ConfigRow } from '../shared/day1-config-row';

/** The Day 1 parameters read back from the MachineConfig, as console shows an object's details. */
const ConfigParameters = ({ row }: { row: Day1ConfigRow }) => {
  const { t } = usePluginTranslation();
  const { summary } = row;
  const items: [string, string, ReactNode][] = [
    [
      'pool',
      t('MachineConfigPool'),
      <ResourceLink
        key="pool"
        groupVersionKind={MachineConfigPoolGVK}
        name={summary.machineConfigPoolRef}
      />,
    ],
    ['image', t('Kernel module image'), summary.kernelModuleImage],
    ['module', t('Kernel module'), summary.kernelModuleName],
    [
      'in-tree',
      t('In-tree modules removed'),
      summary.inTreeModulesToRemove.length > 0
        ? summary.inTreeModulesToRemove.join(', ')
        : t('None'),
    ],
    ['worker-image', t('Worker image'), summary.workerImage],
    ['firmware', t('Firmware path'), summary.firmwareFilesPath ?? t('None')],
    [
      'made-by',
      t('Made by'),
      summary.producedBy === 'kmm' ? t('KMM’s tools') : t('This console plugin'),
    ],
    ['created', t('Created'), <Timestamp key="created" timestamp={row.creationTimestamp} />],
    [
      'machine-config',
      t('MachineConfig'),
      <ResourceLink
        key="machine-config"
        groupVersionKind={MachineConfigGVK}
        name={summary.machineConfigName}
      />,
    ],
  ];
  return (
    <DescriptionList
      isHorizontal
      horizontalTermWidthModifier={{ default: '22ch' }}
      data-test="config-parameters"
    >
      {items.map(([id, term, value]) => (
        <DescriptionListGroup key={id}>
          <DescriptionListTerm>{term}</DescriptionListTerm>
          <DescriptionListDescription data-test={`config-${id}`}>
            {value}
          </DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
};

export default ConfigParameters;
