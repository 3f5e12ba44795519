import { memo, useState } from 'react';
import { Progress, ProgressMeasureLocation, ProgressSize } from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { PoolDay1, PoolRollout } from '../../rollout';
import PoolStateLabel from '../shared/PoolStateLabel';
import { day1RolloutPath } from '../shared/paths';
import PoolRolloutCard from './PoolRolloutCard';
import { samePoolDay1, samePoolSummary } from './pool-card-model';
import { poolTimeLeftText } from './pool-time-left';

/** The table's columns, the expand toggle's included. */
const COLUMN_COUNT = 8;

interface PoolSummaryRowProps {
  pool: PoolRollout;
  rowIndex: number;
  isExpanded: boolean;
  onToggle: (name: string) => void;
  /** The nodes' Day 1 states, for the card. */
  day1?: PoolDay1;
}

/**
 * One pool in a row: name, state, progress and MCO's counts, expandable to the pool's full card. The
 * toggle is a button (PatternFly's expandable row), so the keyboard reaches and opens it. Memoised on
 * what it shows, as the cards are.
 */
const PoolSummaryRow = memo(
  ({ pool, rowIndex, isExpanded, onToggle, day1 }: PoolSummaryRowProps) => {
    const { t } = usePluginTranslation();
    const updated = pool.phaseCounts.Updated;
    return (
      <Tbody isExpanded={isExpanded}>
        <Tr data-test={`pool-summary-${pool.name}`} data-state={pool.state}>
          <Td
            expand={{
              rowIndex,
              isExpanded,
              onToggle: () => {
                onToggle(pool.name);
              },
              expandId: 'pool-summary-toggle',
            }}
            data-test="pool-summary-toggle"
          />
          {/* PatternFly labels the toggle with the cell of this id, and the toggle's own text. */}
          <Td dataLabel={t('Pool')} id={`simple-node${String(rowIndex)}`}>
            <Link to={day1RolloutPath(pool.name)} data-test="pool-summary-link">
              {pool.name}
            </Link>
          </Td>
          <Td dataLabel={t('State')}>
            <PoolStateLabel state={pool.state} />
          </Td>
          <Td dataLabel={t('Nodes updated')} width={20}>
            <Progress
              value={pool.completion}
              label={t('{{updated}} of {{total}}', { updated, total: pool.machineCount })}
              valueText={t('{{updated}} of {{count}} nodes updated', {
                updated,
                count: pool.machineCount,
                defaultValue_one: '{{updated}} of {{count}} node updated',
              })}
              aria-label={t('Nodes of {{pool}} updated', { pool: pool.name })}
              measureLocation={ProgressMeasureLocation.outside}
              size={ProgressSize.sm}
              data-test="pool-summary-progress"
            />
          </Td>
          <Td dataLabel={t('Nodes')} data-test="pool-summary-machine-count">
            {pool.machineCount}
          </Td>
          <Td dataLabel={t('Unavailable')} data-test="pool-summary-unavailable-count">
            {pool.unavailableMachineCount}
          </Td>
          <Td dataLabel={t('Degraded')} data-test="pool-summary-degraded-count">
            {pool.degradedMachineCount}
          </Td>
          <Td dataLabel={t('Time left')} data-test="pool-summary-time-left">
            {poolTimeLeftText(t, pool, true)}
          </Td>
        </Tr>
        <Tr isExpanded={isExpanded}>
          <Td colSpan={COLUMN_COUNT}>
            {isExpanded && (
              <ExpandableRowContent>
                <PoolRolloutCard pool={pool} linkToPoolPage day1={day1} />
              </ExpandableRowContent>
            )}
          </Td>
        </Tr>
      </Tbody>
    );
  },
  (a, b) =>
    a.rowIndex === b.rowIndex &&
    a.isExpanded === b.isExpanded &&
    a.onToggle === b.onToggle &&
    samePoolSummary(a.pool, b.pool) &&
    samePoolDay1(a.day1, b.day1),
);
PoolSummaryRow.displayName = 'PoolSummaryRow';

/**
 * The pools of a cluster with many of them, one row each, so that the node table stays near the top of
 * the page; each row opens the pool's full card.
 */
const PoolSummaryTable = ({
  pools,
  day1,
}: {
  pools: readonly PoolRollout[];
  /** By pool name, for pools whose target has Day 1 configs. */
  day1?: ReadonlyMap<string, PoolDay1>;
}) => {
  const { t } = usePluginTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [onToggle] = useState(() => (name: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  });
  return (
    <Table aria-label={t('Pools')} variant="compact" data-test="pool-summary-table">
      <Thead>
        <Tr>
          <Th screenReaderText={t('Show the pool card')} />
          <Th>{t('Pool')}</Th>
          <Th>{t('State')}</Th>
          <Th>{t('Nodes updated')}</Th>
          <Th>{t('Nodes')}</Th>
          <Th>{t('Unavailable')}</Th>
          <Th>{t('Degraded')}</Th>
          <Th>{t('Time left')}</Th>
        </Tr>
      </Thead>
      {pools.map((pool, rowIndex) => (
        <PoolSummaryRow
          key={pool.name}
          pool={pool}
          rowIndex={rowIndex}
          isExpanded={expanded.has(pool.name)}
          onToggle={onToggle}
          day1={day1?.get(pool.name)}
        />
      ))}
    </Table>
  );
};

export default PoolSummaryTable;
