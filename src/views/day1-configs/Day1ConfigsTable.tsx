import { ResourceLink, Timestamp } from '@openshift-console/dynamic-plugin-sdk';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { MachineConfigGVK, MachineConfigPoolGVK } from '../../k8s/models';
import type { Day1ConfigRow } from './types';

interface Day1ConfigsTableProps {
  rows: Day1ConfigRow[];
}

const Day1ConfigsTable = ({ rows }: Day1ConfigsTableProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const columns = {
    name: t('Name'),
    pool: t('MachineConfigPool'),
    image: t('Kernel module image'),
    module: t('Kernel module'),
    removed: t('In-tree modules removed'),
    created: t('Created'),
  };

  return (
    <Table aria-label={t('Day 1 kernel module configs')} data-test="day1-configs-table">
      <Thead>
        <Tr>
          <Th>{columns.name}</Th>
          <Th>{columns.pool}</Th>
          <Th>{columns.image}</Th>
          <Th>{columns.module}</Th>
          <Th>{columns.removed}</Th>
          <Th>{columns.created}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map(({ summary, creationTimestamp }) => (
          <Tr
            key={summary.machineConfigName}
            data-test={`day1-config-row-${summary.machineConfigName}`}
          >
            <Td dataLabel={columns.name}>
              <ResourceLink groupVersionKind={MachineConfigGVK} name={summary.machineConfigName} />
            </Td>
            <Td dataLabel={columns.pool}>
              <ResourceLink
                groupVersionKind={MachineConfigPoolGVK}
                name={summary.machineConfigPoolRef}
              />
            </Td>
            <Td dataLabel={columns.image} modifier="breakWord">
              {summary.kernelModuleImage}
            </Td>
            <Td dataLabel={columns.module}>{summary.kernelModuleName}</Td>
            <Td dataLabel={columns.removed}>
              {summary.inTreeModulesToRemove.length > 0
                ? summary.inTreeModulesToRemove.join(', ')
                : t('None')}
            </Td>
            <Td dataLabel={columns.created}>
              <Timestamp timestamp={creationTimestamp} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

export default Day1ConfigsTable;
