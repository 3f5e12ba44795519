import { memo } from 'react';
import { Th, Thead, Tr } from '@patternfly/react-table';
import type { ThProps } from '@patternfly/react-table';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { NodeSortKey, SortDirection } from './node-table-model';

/** Sortable columns, by their index in the header. */
const SORT_COLUMNS: Partial<Record<number, NodeSortKey>> = {
  0: 'name',
  1: 'pool',
  2: 'phase',
  3: 'day1',
  5: 'since',
};

const DAY1_COLUMN = 3;
const MESSAGE_COLUMN = 4;
const CONFIGS_COLUMN = 6;
const ESTIMATE_COLUMN = 7;

/**
 * Set widths (percent of the table) for the columns whose text wraps: the browser would otherwise give
 * them what the others leave, down to a few characters. They also keep the columns from shifting as
 * messages come and go while nodes update.
 */
const COLUMN_WIDTHS: Partial<Record<number, ThProps['width']>> = {
  [DAY1_COLUMN]: 15,
  [MESSAGE_COLUMN]: 25,
};

/**
 * The current and desired configs take the width of two long names: only from PatternFly's 2xl
 * breakpoint on, where the other columns keep theirs. The node details show them at every width.
 */
export const CONFIGS_VISIBILITY: ThProps['visibility'] = ['hidden', 'visibleOn2Xl'];
/** The estimate too: below 2xl the Day 1 and message columns need the width; the details show it. */
export const ESTIMATE_VISIBILITY: ThProps['visibility'] = ['hidden', 'visibleOn2Xl'];

interface NodeTableHeaderProps {
  /** The current / desired config column, left out while the node details take part of the width. */
  showConfigs: boolean;
  sortBy: NodeSortKey;
  direction: SortDirection;
  /** Stable: the header is memoised. */
  onSort: (sortBy: NodeSortKey, direction: SortDirection) => void;
}

/**
 * The node table's column headers. Memoised, so that node events do not re-render them: PatternFly's
 * Th measures itself (offsetWidth) after every render, which forces a layout of the page.
 */
const NodeTableHeader = ({ showConfigs, sortBy, direction, onSort }: NodeTableHeaderProps) => {
  const { t } = usePluginTranslation();
  const activeIndex = Number(Object.entries(SORT_COLUMNS).find(([, key]) => key === sortBy)?.[0]);
  const sortParams = (columnIndex: number): ThProps['sort'] => {
    const key = SORT_COLUMNS[columnIndex];
    if (key === undefined) return undefined;
    return {
      sortBy: { index: activeIndex, direction },
      onSort: (_event, _index, newDirection) => {
        onSort(key, newDirection);
      },
      columnIndex,
    };
  };
  const columns = [
    t('Name'),
    t('Pool'),
    t('Phase'),
    t('Day 1 follow-up'),
    t('Message'),
    t('Since'),
    t('Current / desired config'),
    // oc adm upgrade status's EST.
    t('Done in'),
  ];
  return (
    <Thead>
      <Tr>
        {columns.map((title, index) =>
          index === CONFIGS_COLUMN && !showConfigs ? null : (
            <Th
              key={title}
              sort={sortParams(index)}
              modifier="wrap"
              width={COLUMN_WIDTHS[index]}
              visibility={
                index === CONFIGS_COLUMN
                  ? CONFIGS_VISIBILITY
                  : index === ESTIMATE_COLUMN
                    ? ESTIMATE_VISIBILITY
                    : undefined
              }
            >
              {title}
            </Th>
          ),
        )}
        <Th screenReaderText={t('Actions')} />
      </Tr>
    </Thead>
  );
};

export default memo(NodeTableHeader);
