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
  5: 'since',
};

const MESSAGE_COLUMN = 4;

interface NodeTableHeaderProps {
  sortBy: NodeSortKey;
  direction: SortDirection;
  /** Stable: the header is memoised. */
  onSort: (sortBy: NodeSortKey, direction: SortDirection) => void;
}

/**
 * The node table's column headers. Memoised, so that node events do not re-render them: PatternFly's
 * Th measures itself (offsetWidth) after every render, which forces a layout of the page.
 */
const NodeTableHeader = ({ sortBy, direction, onSort }: NodeTableHeaderProps) => {
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
  ];
  return (
    <Thead>
      <Tr>
        {columns.map((title, index) => (
          <Th
            key={title}
            sort={sortParams(index)}
            modifier="wrap"
            // Messages come and go as nodes move through their update: a set width keeps the
            // columns from shifting with them (and the browser from laying out every cell again).
            width={index === MESSAGE_COLUMN ? 15 : undefined}
          >
            {title}
          </Th>
        ))}
        <Th screenReaderText={t('Actions')} />
      </Tr>
    </Thead>
  );
};

export default memo(NodeTableHeader);
