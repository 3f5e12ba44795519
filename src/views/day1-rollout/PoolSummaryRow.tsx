import { memo, useMemo } from 'react';
import { Progress, ProgressMeasureLocation, ProgressSize } from '@patternfly/react-core';
import { ExpandableRowContent, Tbody, Td, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { PoolDay1, PoolRollout } from '../../rollout';
import PoolStateLabel from '../shared/PoolStateLabel';
import { day1RolloutPath } from '../shared/paths';
import PoolRolloutCard from './PoolRolloutCard';
import { samePoolDay1, samePoolSummary } from './pool-card-model';
import { poolTimeLeftText } from './pool-time-left';

/** The table's columns, the expand toggle's included. */
const POOL_SUMMARY_COLUMNS = 8;

/** A cell that shows one value: the same element while its label and value are. */
const useValueCell = (dataLabel: string, testId: string, value: string | number) =>
  useMemo(
    () => (
      <Td dataLabel={dataLabel} data-test={testId}>
        {value}
      </Td>
    ),
    [dataLabel, testId, value],
  );

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
    const { name, state, completion, machineCount, unavailableMachineCount, degradedMachineCount } =
      pool;
    const updated = pool.phaseCounts.Updated;
    const timeLeft = poolTimeLeftText(t, pool, true);
    // Each cell is the same element while what it shows is: a rollout event changes a count or two,
    // and PatternFly's cells measure their width after each render of their own.
    const toggleCell = useMemo(
      () => (
        <Td
          expand={{
            rowIndex,
            isExpanded,
            onToggle: () => {
              onToggle(name);
            },
            expandId: 'pool-summary-toggle',
          }}
          data-test="pool-summary-toggle"
        />
      ),
      [rowIndex, isExpanded, onToggle, name],
    );
    const nameCell = useMemo(
      () => (
        // PatternFly labels the toggle with the cell of this id, and the toggle's own text.
        <Td dataLabel={t('Pool')} id={`simple-node${String(rowIndex)}`}>
          <Link to={day1RolloutPath(name)} data-test="pool-summary-link">
            {name}
          </Link>
        </Td>
      ),
      [t, rowIndex, name],
    );
    const stateCell = useMemo(
      () => (
        <Td dataLabel={t('State')}>
          <PoolStateLabel state={state} />
        </Td>
      ),
      [t, state],
    );
    const progressCell = useMemo(
      () => (
        <Td dataLabel={t('Nodes updated')} width={20}>
          <Progress
            value={completion}
            label={t('{{updated}} of {{total}}', { updated, total: machineCount })}
            valueText={t('{{updated}} of {{count}} nodes updated', {
              updated,
              count: machineCount,
              defaultValue_one: '{{updated}} of {{count}} node updated',
            })}
            aria-label={t('Nodes of {{pool}} updated', { pool: name })}
            measureLocation={ProgressMeasureLocation.outside}
            size={ProgressSize.sm}
            data-test="pool-summary-progress"
          />
        </Td>
      ),
      [t, completion, updated, machineCount, name],
    );
    const machineCountCell = useValueCell(t('Nodes'), 'pool-summary-machine-count', machineCount);
    const unavailableCell = useValueCell(
      t('Unavailable'),
      'pool-summary-unavailable-count',
      unavailableMachineCount,
    );
    const degradedCell = useValueCell(
      t('Degraded'),
      'pool-summary-degraded-count',
      degradedMachineCount,
    );
    const timeLeftCell = useValueCell(t('Time left'), 'pool-summary-time-left', timeLeft);
    return (
      <Tbody isExpanded={isExpanded}>
        <Tr data-test={`pool-summary-${name}`} data-state={state}>
          {toggleCell}
          {nameCell}
          {stateCell}
          {progressCell}
          {machineCountCell}
          {unavailableCell}
          {degradedCell}
          {timeLeftCell}
        </Tr>
        <Tr isExpanded={isExpanded}>
          <Td colSpan={POOL_SUMMARY_COLUMNS}>
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

export default PoolSummaryRow;
