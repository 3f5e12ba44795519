import { useMemo } from 'react';
import type { PaginationTitles } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';

/** PatternFly Pagination's words, translated. */
export const usePaginationTitles = (): PaginationTitles => {
  const { t } = usePluginTranslation();
  return useMemo(
    () => ({
      items: t('nodes'),
      page: t('page'),
      pages: t('pages'),
      itemsPerPage: t('Nodes per page'),
      perPageSuffix: t('per page'),
      ofWord: t('of'),
      toFirstPageAriaLabel: t('Go to first page'),
      toPreviousPageAriaLabel: t('Go to previous page'),
      toLastPageAriaLabel: t('Go to last page'),
      toNextPageAriaLabel: t('Go to next page'),
      optionsToggleAriaLabel: t('Nodes per page'),
      currPageAriaLabel: t('Current page'),
      paginationAriaLabel: t('Node table pagination'),
    }),
    [t],
  );
};
