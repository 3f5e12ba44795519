import { memo } from 'react';
import { Pagination, PaginationVariant } from '@patternfly/react-core';
import { usePaginationTitles } from './usePaginationTitles';

const PER_PAGE_OPTIONS = [20, 50, 100, 200].map((value) => ({
  title: String(value),
  value,
}));

interface NodeTablePaginationProps {
  itemCount: number;
  page: number;
  perPage: number;
  variant: PaginationVariant;
  /** Stable callbacks: the pagination is memoised. */
  onSetPage: (page: number) => void;
  onPerPageSelect: (perPage: number) => void;
}

/**
 * The node table's pagination. Memoised: node events rarely change the count of matching nodes, and
 * PatternFly's Pagination (with its per-page menu) is costly to render on every event.
 */
const NodeTablePagination = ({
  itemCount,
  page,
  perPage,
  variant,
  onSetPage,
  onPerPageSelect,
}: NodeTablePaginationProps) => {
  const titles = usePaginationTitles();
  return (
    <Pagination
      itemCount={itemCount}
      page={page}
      perPage={perPage}
      perPageOptions={PER_PAGE_OPTIONS}
      onSetPage={(_event, value) => {
        onSetPage(value);
      }}
      onPerPageSelect={(_event, value) => {
        onPerPageSelect(value);
      }}
      variant={variant}
      isCompact={variant === PaginationVariant.top}
      titles={titles}
      data-test={`node-pagination-${variant}`}
    />
  );
};

export default memo(NodeTablePagination);
