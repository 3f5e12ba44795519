import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState, EmptyStateBody, PaginationVariant } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { sameItems } from '../../rollout';
import type { Day1Outcome, NodeDay1State, NodePhase, NodeRollout } from '../../rollout';
import {
  DAY1_FILTER_PARAM,
  DEFAULT_NODE_QUERY,
  countDay1Outcomes,
  countPhases,
  parseDay1Filter,
  sameDay1Counts,
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
interface NodeRolloutTableProps extends Omit<NodeTableRowsValue, 'nodes' | 'day1States'> {
  nodes: readonly NodeRollout[];
  day1States: ReadonlyMap<string, NodeDay1State>;
}

const NO_OUTCOMES: readonly Day1Outcome[] = [];

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
  day1States,
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
  // The Day 1 filter lives in the URL, so that a pool card links to the table filtered on it.
  const [searchParams, setSearchParams] = useSearchParams();
  const day1Param = searchParams.get(DAY1_FILTER_PARAM);
  const day1Filter = useMemo(
    () => (day1Param === null ? NO_OUTCOMES : parseDay1Filter(day1Param)),
    [day1Param],
  );
  const fullQuery = useMemo(() => ({ ...query, day1: day1Filter }), [query, day1Filter]);
  // Typing stays responsive while a large list is filtered.
  const deferredQuery = useDeferredValue(fullQuery);

  // Node events change the counts object but rarely a count: the toolbar then stays as it is.
  const counts = useStableValue(
    useMemo(() => countPhases(nodes), [nodes]),
    samePhaseCounts,
  );
  const day1Counts = useStableValue(
    useMemo(() => countDay1Outcomes(nodes, day1States), [nodes, day1States]),
    sameDay1Counts,
  );
  const day1Toolbar = useMemo(
    () => (day1Pools.size > 0 ? { selected: day1Filter, counts: day1Counts } : undefined),
    [day1Pools, day1Filter, day1Counts],
  );
  // Filtering on Day 1 outcomes follows each status read; otherwise the states do not matter here.
  const filterStates = day1Filter.length > 0 ? day1States : undefined;
  const matching = useMemo(
    () => selectNodes(nodes, deferredQuery, filterStates),
    [nodes, deferredQuery, filterStates],
  );
  const shown = pageOf(matching, page, perPage);
  // Events about nodes on other pages leave this page's rows as they are.
  const pageNodes = useStableValue(shown.items, sameItems);
  const rows = useMemo<NodeTableRowsValue>(
    () => ({
      nodes: pageNodes,
      day1Pools,
      verifications,
      day1States,
      selectedNode,
      showConfigs,
      onSelect,
      onVerify,
    }),
    [
      pageNodes,
      day1Pools,
      verifications,
      day1States,
      selectedNode,
      showConfigs,
      onSelect,
      onVerify,
    ],
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
  const setDay1Filter = useCallback(
    (outcomes: readonly Day1Outcome[]) => {
      setSearchParams(
        (params) => {
          const next = new URLSearchParams(params);
          if (outcomes.length > 0) next.set(DAY1_FILTER_PARAM, outcomes.join(','));
          else next.delete(DAY1_FILTER_PARAM);
          return next;
        },
        { replace: true },
      );
      setPage(1);
    },
    [setSearchParams],
  );
  const toggleDay1 = useCallback(
    (outcome: Day1Outcome) => {
      setDay1Filter(
        day1Filter.includes(outcome)
          ? day1Filter.filter((o) => o !== outcome)
          : [...day1Filter, outcome],
      );
    },
    [day1Filter, setDay1Filter],
  );
  const clearDay1 = useCallback(() => {
    setDay1Filter([]);
  }, [setDay1Filter]);
  const clearAll = useCallback(() => {
    update({ search: '', phases: [] });
    setDay1Filter([]);
  }, [update, setDay1Filter]);
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
        day1={day1Toolbar}
        onToggleDay1={toggleDay1}
        onClearDay1={clearDay1}
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
          <EmptyStateBody>
            {t('Change the search, the phase filter or the Day 1 filter.')}
          </EmptyStateBody>
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
