import { memo } from 'react';
import { Table, Tbody } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { NodeSortKey, SortDirection } from './node-table-model';
import NodeTableHeader from './NodeTableHeader';
import NodeTableRows from './NodeTableRows';

interface NodeTableProps {
  /** The current / desired config column. */
  showConfigs: boolean;
  /** Nodes matching the search and filter, on every page. */
  matchingCount: number;
  sortBy: NodeSortKey;
  direction: SortDirection;
  /** Stable: the table is memoised. */
  onSort: (sortBy: NodeSortKey, direction: SortDirection) => void;
}

/**
 * The table element, memoised on what it shows itself; its rows come from NodeTableRowsContext, so that
 * new rows do not re-render it (see NodeTableRows).
 */
const NodeTable = ({ showConfigs, matchingCount, sortBy, direction, onSort }: NodeTableProps) => {
  const { t } = usePluginTranslation();
  return (
    <Table
      aria-label={t('Nodes')}
      variant="compact"
      data-test="node-table"
      data-matching={matchingCount}
    >
      <NodeTableHeader
        showConfigs={showConfigs}
        sortBy={sortBy}
        direction={direction}
        onSort={onSort}
      />
      <Tbody>
        <NodeTableRows />
      </Tbody>
    </Table>
  );
};

export default memo(NodeTable);
