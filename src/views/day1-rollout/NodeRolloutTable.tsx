import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { EmptyState, EmptyStateBody, PaginationVariant } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { sameItems } from '../../rollout';
import type { NodePhase, NodeRollout } from '../../rollout';
import {
  DEFAULT_NODE_QUERY,
  countPhases,
  pageOf,
  samePhaseCounts,
  selectNodes,
} from './node-table-model';
import type { NodeQuery, NodeSortKey, SortDirection } from './node-table-model';
import NodeTable from './NodeTable';
import NodeTablePagination from './NodeTablePagination';
import { NodeTableRowsContext } from './NodeTableRows';
import type { NodeTableRowsValue } from './NodeTableRows';
import NodeTableToolbar from './NodeTableToolbar';
import { useStableValue } from './useStableValue';

/** What the rows need, with every node of the shown pools instead of one page of them. */
interface NodeRolloutTableProps extends Omit<NodeTableRowsValue, 'nodes'> {
  nodes: readonly NodeRollout[];
}

/**
 * The nodes of the shown pools: searchable by name, filterable by phase, sortable, and paginated, so
 * that 2,000 nodes render a page of rows. It and its toolbar, table, pagination and rows are memoised
 * with stable callbacks, so that a node event re-renders the rows of the nodes it changed and little
 * else, and a pool event none of it.
 */
const NodeRolloutTable = ({
  nodes,
  day1Pools,
  verifications,
  selectedNode,
  showConfigs,
  onSelect,
  onVerify,
}: NodeRolloutTableProps) => {
  const { t } = usePluginTranslation();
  const [query, setQuery] = useState<NodeQuery>(DEFAULT_NODE_QUERY);
  const [page, setPage] = useState(1);
  // About a screen of rows below the pool cards; 50 to 200 are a click away.
  const [perPage, setPerPage] = useState(20);
  // Typing stays responsive while a large list is filtered.
  const deferredQuery = useDeferredValue(query);

  // Node events change the counts object but rarely a count: the toolbar then stays as it is.
  const counts = useStableValue(
    useMemo(() => countPhases(nodes), [nodes]),
    samePhaseCounts,
  );
  const matching = useMemo(() => selectNodes(nodes, deferredQuery), [nodes, deferredQuery]);
  const shown = pageOf(matching, page, perPage);
  // Events about nodes on other pages leave this page's rows as they are.
  const pageNodes = useStableValue(shown.items, sameItems);
  const rows = useMemo<NodeTableRowsValue>(
    () => ({
      nodes: pageNodes,
      day1Pools,
      verifications,
      selectedNode,
      showConfigs,
      onSelect,
      onVerify,
    }),
    [pageNodes, day1Pools, verifications, selectedNode, showConfigs, onSelect, onVerify],
  );

  const update = useCallback((changes: Partial<NodeQuery>) => {
    setQuery((previous) => ({ ...previous, ...changes }));
    setPage(1);
  }, []);
  const search = useCallback(
    (value: string) => {
      update({ search: value });
    },
    [update],
  );
  const togglePhase = useCallback((phase: NodePhase) => {
    setQuery((previous) => ({
      ...previous,
      phases: previous.phases.includes(phase)
        ? previous.phases.filter((p) => p !== phase)
        : [...previous.phases, phase],
    }));
    setPage(1);
  }, []);
  const clearPhases = useCallback(() => {
    update({ phases: [] });
  }, [update]);
  const clearAll = useCallback(() => {
    update({ search: '', phases: [] });
  }, [update]);
  const sort = useCallback(
    (sortBy: NodeSortKey, direction: SortDirection) => {
      update({ sortBy, direction });
    },
    [update],
  );
  const selectPerPage = useCallback((value: number) => {
    setPerPage(value);
    setPage(1);
  }, []);

  return (
    <>
      <NodeTableToolbar
        search={query.search}
        phases={query.phases}
        counts={counts}
        itemCount={matching.length}
        page={shown.page}
        perPage={perPage}
        onSearch={search}
        onTogglePhase={togglePhase}
        onClearPhases={clearPhases}
        onClearAll={clearAll}
        onSetPage={setPage}
        onPerPageSelect={selectPerPage}
      />
      <NodeTableRowsContext.Provider value={rows}>
        <NodeTable
          showConfigs={showConfigs}
          matchingCount={matching.length}
          sortBy={query.sortBy}
          direction={query.direction}
          onSort={sort}
        />
      </NodeTableRowsContext.Provider>
      {matching.length === 0 && (
        <EmptyState
          titleText={t('No nodes match')}
          headingLevel="h3"
          icon={SearchIcon}
          variant="sm"
          data-test="node-table-no-match"
        >
          <EmptyStateBody>{t('Change the search or the phase filter.')}</EmptyStateBody>
        </EmptyState>
      )}
      <NodeTablePagination
        itemCount={matching.length}
        page={shown.page}
        perPage={perPage}
        variant={PaginationVariant.bottom}
        onSetPage={setPage}
        onPerPageSelect={selectPerPage}
      />
    </>
  );
};

export default memo(NodeRolloutTable);
