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
import type { Day1Outcome, NodePhase } from '../../rollout';
import NodePhaseFilter from './NodePhaseFilter';
import NodeDay1Filter from './NodeDay1Filter';
import { day1OutcomeText } from '../shared/day1-state-text';
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
  /** The Day 1 filter, for pools with Day 1 configs. */
  day1?: { selected: readonly Day1Outcome[]; counts: Readonly<Record<Day1Outcome, number>> };
  onToggleDay1?: (outcome: Day1Outcome) => void;
  onClearDay1?: () => void;
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
  day1,
  onToggleDay1,
  onClearDay1,
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
        {day1 && onToggleDay1 && (
          <ToolbarFilter
            categoryName={t('Day 1')}
            labels={day1.selected.map((outcome) => ({
              key: outcome,
              node: day1OutcomeText(t, outcome),
            }))}
            deleteLabel={(_category, label) => {
              onToggleDay1((typeof label === 'string' ? label : label.key) as Day1Outcome);
            }}
            deleteLabelGroup={onClearDay1}
          >
            <NodeDay1Filter selected={day1.selected} counts={day1.counts} onToggle={onToggleDay1} />
          </ToolbarFilter>
        )}
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
