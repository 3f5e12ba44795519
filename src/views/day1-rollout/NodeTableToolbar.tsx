import { memo } from 'react';
import {
  PaginationVariant,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { NodePhase } from '../../rollout';
import NodePhaseFilter from './NodePhaseFilter';
import NodeTablePagination from './NodeTablePagination';
import { nodePhaseText } from '../shared/rollout-text';

interface NodeTableToolbarProps {
  search: string;
  phases: readonly NodePhase[];
  counts: Readonly<Record<NodePhase, number>>;
  itemCount: number;
  page: number;
  perPage: number;
  /** Stable callbacks: the toolbar is memoised. */
  onSearch: (search: string) => void;
  onTogglePhase: (phase: NodePhase) => void;
  onClearPhases: () => void;
  onClearAll: () => void;
  onSetPage: (page: number) => void;
  onPerPageSelect: (perPage: number) => void;
}

/** Search, the phase filter with its counts, and the top pagination. */
const NodeTableToolbar = ({
  search,
  phases,
  counts,
  itemCount,
  page,
  perPage,
  onSearch,
  onTogglePhase,
  onClearPhases,
  onClearAll,
  onSetPage,
  onPerPageSelect,
}: NodeTableToolbarProps) => {
  const { t } = usePluginTranslation();
  return (
    <Toolbar
      clearAllFilters={onClearAll}
      clearFiltersButtonText={t('Clear all filters')}
      data-test="node-toolbar"
    >
      <ToolbarContent>
        <ToolbarItem>
          <SearchInput
            placeholder={t('Search by node name')}
            aria-label={t('Search by node name')}
            value={search}
            onChange={(_event, value) => {
              onSearch(value);
            }}
            onClear={() => {
              onSearch('');
            }}
            data-test="node-search"
          />
        </ToolbarItem>
        <ToolbarFilter
          categoryName={t('Phase')}
          labels={phases.map((phase) => ({ key: phase, node: nodePhaseText(t, phase) }))}
          deleteLabel={(_category, label) => {
            onTogglePhase((typeof label === 'string' ? label : label.key) as NodePhase);
          }}
          deleteLabelGroup={onClearPhases}
        >
          <NodePhaseFilter selected={phases} counts={counts} onToggle={onTogglePhase} />
        </ToolbarFilter>
        <ToolbarItem variant="pagination">
          <NodeTablePagination
            itemCount={itemCount}
            page={page}
            perPage={perPage}
            variant={PaginationVariant.top}
            onSetPage={onSetPage}
            onPerPageSelect={onPerPageSelect}
          />
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};

export default memo(NodeTableToolbar);
