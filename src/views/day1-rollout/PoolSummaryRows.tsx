import { createContext, useContext } from 'react';
import type { PoolDay1, PoolRollout } from '../../rollout';
import PoolSummaryRow from './PoolSummaryRow';

export interface PoolSummaryRowsValue {
  pools: readonly PoolRollout[];
  day1?: ReadonlyMap<string, PoolDay1>;
  expanded: ReadonlySet<string>;
  onToggle: (name: string) => void;
}

/**
 * The rows reach PoolSummaryRows through this context, not through PatternFly's Table, which gives its
 * cells a new context value whenever it renders: each cell would render again on every rollout event
 * and measure its width after, forcing a layout (as NodeTableRows does for the node table).
 */
export const PoolSummaryRowsContext = createContext<PoolSummaryRowsValue | undefined>(undefined);

/** The pools' rows, each memoised: a rollout event re-renders the rows of the pools it changed. */
const PoolSummaryRows = () => {
  const value = useContext(PoolSummaryRowsContext);
  if (value === undefined) return null;
  const { pools, day1, expanded, onToggle } = value;
  return (
    <>
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
    </>
  );
};

export default PoolSummaryRows;
