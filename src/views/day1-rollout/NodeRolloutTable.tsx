import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { EmptyState, EmptyStateBody, PaginationVariant } from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { Table, Tbody } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import type { NodePhase, NodeRollout } from '../../rollout';
import { DEFAULT_NODE_QUERY, countPhases, pageOf, selectNodes } from './node-table-model';
import type { NodeQuery, NodeSortKey, SortDirection } from './node-table-model';
import NodeRolloutRow from './NodeRolloutRow';
import NodeTableHeader from './NodeTableHeader';
import NodeTablePagination from './NodeTablePagination';
import NodeTableToolbar from './NodeTableToolbar';
import type { Verification } from './useVerifications';

interface NodeRolloutTableProps {
  nodes: readonly NodeRollout[];
  /** Pools whose target has a Day 1 config. */
  day1Pools: ReadonlySet<string>;
  verifications: ReadonlyMap<string, Verification>;
  selectedNode?: string;
  onSelect: (name: string) => void;
  onVerify: (name: string) => void;
}

/**
 * The nodes of the shown pools: searchable by name, filterable by phase, sortable, and paginated, so
 * that 2,000 nodes render a page of rows. The toolbar, header, pagination and rows are memoised with
 * stable callbacks, so that a node event re-renders the rows of the nodes it changed and little else.
 */
const NodeRolloutTable = ({
  nodes,
  day1Pools,
  verifications,
  selectedNode,
  onSelect,
  onVerify,
}: NodeRolloutTableProps) => {
  const { t } = useTranslation('plugin__kmm-day1-console-plugin');
  const [query, setQuery] = useState<NodeQuery>(DEFAULT_NODE_QUERY);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(50);
  // Typing stays responsive while a large list is filtered.
  const deferredQuery = useDeferredValue(query);

  const counts = useMemo(() => countPhases(nodes), [nodes]);
  const matching = useMemo(() => selectNodes(nodes, deferredQuery), [nodes, deferredQuery]);
  const shown = pageOf(matching, page, perPage);

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
      <Table
        aria-label={t('Nodes')}
        variant="compact"
        data-test="node-table"
        data-matching={matching.length}
      >
        <NodeTableHeader sortBy={query.sortBy} direction={query.direction} onSort={sort} />
        <Tbody>
          {shown.items.map((node) => (
            <NodeRolloutRow
              key={node.name}
              node={node}
              hasDay1={node.pool !== undefined && day1Pools.has(node.pool)}
              verification={verifications.get(node.name)}
              isSelected={node.name === selectedNode}
              onSelect={onSelect}
              onVerify={onVerify}
            />
          ))}
        </Tbody>
      </Table>
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

export default NodeRolloutTable;
