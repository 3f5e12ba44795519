import { useDeferredValue, useMemo, useState } from 'react';
import {
  EmptyState,
  EmptyStateBody,
  Pagination,
  PaginationVariant,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
} from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { Table, Tbody, Th, Thead, Tr } from '@patternfly/react-table';
import type { ThProps } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import type { NodePhase, NodeRollout } from '../../rollout';
import { DEFAULT_NODE_QUERY, countPhases, pageOf, selectNodes } from './node-table-model';
import type { NodeQuery, NodeSortKey } from './node-table-model';
import NodePhaseFilter from './NodePhaseFilter';
import NodeRolloutRow from './NodeRolloutRow';
import { nodePhaseText } from '../shared/rollout-text';
import { usePaginationTitles } from './usePaginationTitles';
import type { Verification } from './useVerifications';

const PER_PAGE_OPTIONS = [20, 50, 100, 200].map((value) => ({
  title: String(value),
  value,
}));

/** Sortable columns, by their index in the header. */
const SORT_COLUMNS: Partial<Record<number, NodeSortKey>> = {
  0: 'name',
  1: 'pool',
  2: 'phase',
  5: 'since',
};

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
 * that 2,000 nodes render a page of rows and one node's change re-renders one row.
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
  const paginationTitles = usePaginationTitles();
  const [query, setQuery] = useState<NodeQuery>(DEFAULT_NODE_QUERY);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(50);
  // Typing stays responsive while a large list is filtered.
  const deferredQuery = useDeferredValue(query);

  const counts = useMemo(() => countPhases(nodes), [nodes]);
  const matching = useMemo(() => selectNodes(nodes, deferredQuery), [nodes, deferredQuery]);
  const shown = pageOf(matching, page, perPage);

  const update = (changes: Partial<NodeQuery>) => {
    setQuery((previous) => ({ ...previous, ...changes }));
    setPage(1);
  };
  const togglePhase = (phase: NodePhase) => {
    update({
      phases: query.phases.includes(phase)
        ? query.phases.filter((p) => p !== phase)
        : [...query.phases, phase],
    });
  };
  const sortParams = (columnIndex: number): ThProps['sort'] => {
    const key = SORT_COLUMNS[columnIndex];
    if (key === undefined) return undefined;
    const activeIndex = Object.entries(SORT_COLUMNS).find(([, k]) => k === query.sortBy)?.[0];
    return {
      sortBy: { index: Number(activeIndex), direction: query.direction },
      onSort: (_event, _index, direction) => {
        update({ sortBy: key, direction });
      },
      columnIndex,
    };
  };
  const pagination = (variant: PaginationVariant) => (
    <Pagination
      itemCount={matching.length}
      page={shown.page}
      perPage={perPage}
      perPageOptions={PER_PAGE_OPTIONS}
      onSetPage={(_event, value) => {
        setPage(value);
      }}
      onPerPageSelect={(_event, value) => {
        setPerPage(value);
        setPage(1);
      }}
      variant={variant}
      isCompact={variant === PaginationVariant.top}
      titles={paginationTitles}
      data-test={`node-pagination-${variant}`}
    />
  );
  const columns = [
    t('Name'),
    t('Pool'),
    t('Phase'),
    t('Day 1 follow-up'),
    t('Message'),
    t('Since'),
    t('Current / desired config'),
  ];

  return (
    <>
      <Toolbar
        clearAllFilters={() => {
          update({ search: '', phases: [] });
        }}
        clearFiltersButtonText={t('Clear all filters')}
        data-test="node-toolbar"
      >
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput
              placeholder={t('Search by node name')}
              aria-label={t('Search by node name')}
              value={query.search}
              onChange={(_event, value) => {
                update({ search: value });
              }}
              onClear={() => {
                update({ search: '' });
              }}
              data-test="node-search"
            />
          </ToolbarItem>
          <ToolbarFilter
            categoryName={t('Phase')}
            labels={query.phases.map((phase) => ({ key: phase, node: nodePhaseText(t, phase) }))}
            deleteLabel={(_category, label) => {
              const key = typeof label === 'string' ? label : label.key;
              togglePhase(key as NodePhase);
            }}
            deleteLabelGroup={() => {
              update({ phases: [] });
            }}
          >
            <NodePhaseFilter selected={query.phases} counts={counts} onToggle={togglePhase} />
          </ToolbarFilter>
          <ToolbarItem variant="pagination">{pagination(PaginationVariant.top)}</ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table
        aria-label={t('Nodes')}
        variant="compact"
        data-test="node-table"
        data-matching={matching.length}
      >
        <Thead>
          <Tr>
            {columns.map((title, index) => (
              <Th key={title} sort={sortParams(index)} modifier="wrap">
                {title}
              </Th>
            ))}
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
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
      {pagination(PaginationVariant.bottom)}
    </>
  );
};

export default NodeRolloutTable;
