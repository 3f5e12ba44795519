import { useMemo, useState } from 'react';
import { Checkbox, FormGroup, SearchInput, Content } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Node } from '../../k8s/types';
import { customPoolEligibility } from '../../mco';
import type { NodePool } from '../../mco';
import FieldHelper from './FieldHelper';

interface NodeChooserProps {
  fieldId: string;
  nodes: Node[];
  membership: Map<string, NodePool>;
  chosen: string[];
  onChange: (nodeNames: string[]) => void;
  /** The label the chosen nodes get, e.g. node-role.kubernetes.io/sfc. */
  labelKey: string;
  /** Why no node can be chosen (no permission to label nodes). */
  disabledReason?: string;
  errors?: string[];
}

/** Enough rows to choose from; a filter finds the others in large clusters. */
const MAX_ROWS = 50;

/** The nodes to label into a new custom pool, with the pool each one is in now. */
const NodeChooser = ({
  fieldId,
  nodes,
  membership,
  chosen,
  onChange,
  labelKey,
  disabledReason,
  errors,
}: NodeChooserProps) => {
  const { t } = usePluginTranslation();
  const [filter, setFilter] = useState('');
  const columns = {
    node: t('Node'),
    pool: t('Current pool'),
    kernel: t('Kernel version'),
  };

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return nodes
      .filter((node) => needle === '' || node.metadata.name.toLowerCase().includes(needle))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }, [nodes, filter]);
  const chosenSet = new Set(chosen);
  // Not inside the t() call below, where i18next-parser would not see it.
  const chosenText = chosen.length > 0 ? chosen.join(', ') : t('none');

  const currentPool = (pool: NodePool | undefined): string => {
    if (!pool || 'none' in pool) return t('None');
    if ('windows' in pool) return t('None: Windows node');
    if ('conflict' in pool)
      return t('Several custom pools: {{pools}}', { pools: pool.conflict.join(', ') });
    return pool.pool;
  };

  const ineligibleReason = (pool: NodePool | undefined): string | undefined => {
    if (!pool) return undefined;
    const eligibility = customPoolEligibility(pool);
    if (eligibility.eligible) return undefined;
    switch (eligibility.reason) {
      case 'control-plane':
        return t('A control plane node stays in the {{pool}} pool whatever its labels.', {
          pool: eligibility.pools[0],
        });
      case 'custom-pool':
        return t('Already in the custom pool {{pool}}: a node can be in one custom pool only.', {
          pool: eligibility.pools[0],
        });
      case 'conflict':
        return t(
          'In several custom pools already, so the Machine Config Operator does not manage it.',
        );
      case 'windows':
        return t('The Machine Config Operator does not manage Windows nodes.');
    }
  };

  return (
    <FormGroup role="group" label={t('Nodes for the new pool')} fieldId={fieldId} isRequired>
      <Content component="p" data-test={`${fieldId}-explanation`}>
        {disabledReason ??
          t(
            'The chosen nodes get the label {{label}}, which moves them from the worker pool to the new pool.',
            {
              label: labelKey,
            },
          )}
      </Content>
      <SearchInput
        placeholder={t('Filter nodes by name')}
        aria-label={t('Filter nodes by name')}
        value={filter}
        onChange={(_event, value) => {
          setFilter(value);
        }}
        onClear={() => {
          setFilter('');
        }}
        data-test={`${fieldId}-filter`}
      />
      <Table aria-label={t('Nodes')} variant="compact" data-test={`${fieldId}-table`}>
        <Thead>
          <Tr>
            <Th>{columns.node}</Th>
            <Th>{columns.pool}</Th>
            <Th>{columns.kernel}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.slice(0, MAX_ROWS).map((node) => {
            const name = node.metadata.name;
            const pool = membership.get(name);
            const reason = ineligibleReason(pool);
            const id = `${fieldId}-${name}`;
            return (
              <Tr
                key={name}
                data-test={`${fieldId}-row-${name}`}
                isRowSelected={chosenSet.has(name)}
              >
                <Td dataLabel={columns.node}>
                  <Checkbox
                    id={id}
                    data-test={id}
                    label={name}
                    description={reason}
                    isChecked={chosenSet.has(name)}
                    isDisabled={
                      disabledReason !== undefined || (reason !== undefined && !chosenSet.has(name))
                    }
                    onChange={(_event, checked) => {
                      onChange(checked ? [...chosen, name] : chosen.filter((n) => n !== name));
                    }}
                  />
                </Td>
                <Td dataLabel={columns.pool}>{currentPool(pool)}</Td>
                <Td dataLabel={columns.kernel}>
                  {node.status?.nodeInfo?.kernelVersion ?? t('Unknown')}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {rows.length > MAX_ROWS && (
        <Content component="small" data-test={`${fieldId}-more`}>
          {t('Showing {{shown}} of {{count}} nodes. Filter by name to find the others.', {
            shown: MAX_ROWS,
            count: rows.length,
            defaultValue_one:
              'Showing {{shown}} of {{count}} node. Filter by name to find the other.',
          })}
        </Content>
      )}
      <FieldHelper
        fieldId={fieldId}
        errors={errors}
        helper={t('Chosen: {{chosen}}', { chosen: chosenText })}
      />
    </FormGroup>
  );
};

export default NodeChooser;
