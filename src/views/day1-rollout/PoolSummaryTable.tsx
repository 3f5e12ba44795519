import { useMemo, useState } from 'react';
import { Table, Th, Thead, Tr } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { PoolDay1, PoolRollout } from '../../rollout';
import PoolSummaryRows, { PoolSummaryRowsContext } from './PoolSummaryRows';

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
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [onToggle] = useState(() => (name: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });
  });
  const { t } = usePluginTranslation();
  // The table and its header render again only when the language changes: the rows come through
  // PoolSummaryRowsContext (see PoolSummaryRows).
  const frame = useMemo(
    () => (
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
        <PoolSummaryRows />
      </Table>
    ),
    [t],
  );
  const rows = useMemo(
    () => ({ pools, day1, expanded, onToggle }),
    [pools, day1, expanded, onToggle],
  );
  return <PoolSummaryRowsContext.Provider value={rows}>{frame}</PoolSummaryRowsContext.Provider>;
};

export default PoolSummaryTable;
