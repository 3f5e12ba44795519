import { createContext, useContext } from 'react';
import type { NodeDay1State, NodeRollout } from '../../rollout';
import NodeRolloutRow from './NodeRolloutRow';
import type { Verification } from './useVerifications';

export interface NodeTableRowsValue {
  /** The nodes of the page shown. */
  nodes: readonly NodeRollout[];
  /** Pools whose target has a Day 1 config. */
  day1Pools: ReadonlySet<string>;
  verifications: ReadonlyMap<string, Verification>;
  /** Each node's Day 1 state from its status files; a state keeps its identity while unchanged. */
  day1States?: ReadonlyMap<string, NodeDay1State>;
  selectedNode?: string;
  /** The current / desired config column. */
  showConfigs: boolean;
  onSelect: (name: string) => void;
  onVerify: (name: string) => void;
}

/**
 * The rows reach NodeTableRows through a context, not through PatternFly's Table: Table gives its cells
 * a new context value whenever it renders, which re-renders every cell of the page (and each cell then
 * measures itself, forcing a layout). This way new rows render their own cells only.
 */
export const NodeTableRowsContext = createContext<NodeTableRowsValue | undefined>(undefined);

/** The page's rows, each memoised: a node event re-renders the rows of the nodes it changed. */
const NodeTableRows = () => {
  const value = useContext(NodeTableRowsContext);
  if (value === undefined) return null;
  const {
    nodes,
    day1Pools,
    verifications,
    day1States,
    selectedNode,
    showConfigs,
    onSelect,
    onVerify,
  } = value;
  return (
    <>
      {nodes.map((node) => (
        <NodeRolloutRow
          key={node.name}
          node={node}
          hasDay1={node.pool !== undefined && day1Pools.has(node.pool)}
          verification={verifications.get(node.name)}
          day1={day1States?.get(node.name)}
          isSelected={node.name === selectedNode}
          showConfigs={showConfigs}
          onSelect={onSelect}
          onVerify={onVerify}
        />
      ))}
    </>
  );
};

export default NodeTableRows;
