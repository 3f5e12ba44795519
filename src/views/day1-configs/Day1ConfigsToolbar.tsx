import {
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarFilter,
  ToolbarItem,
} from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';

interface Day1ConfigsToolbarProps {
  /** The name filter's text. */
  name: string;
  onNameChange: (name: string) => void;
  /** Configs shown out of all. */
  shownCount: number;
  totalCount: number;
}

/**
 * The list's name filter, as console's list pages have one. A PatternFly toolbar: the SDK's
 * ListPageFilter and useListPageFilter are deprecated in SDK 4.22 in favour of PatternFly's own.
 */
const Day1ConfigsToolbar = ({
  name,
  onNameChange,
  shownCount,
  totalCount,
}: Day1ConfigsToolbarProps) => {
  const { t } = usePluginTranslation();
  const clear = () => {
    onNameChange('');
  };
  return (
    <Toolbar
      clearAllFilters={clear}
      clearFiltersButtonText={t('Clear all filters')}
      data-test="day1-configs-toolbar"
    >
      <ToolbarContent>
        <ToolbarFilter
          categoryName={t('Name')}
          labels={name ? [name] : []}
          deleteLabel={clear}
          deleteLabelGroup={clear}
        >
          <SearchInput
            placeholder={t('Filter by name')}
            aria-label={t('Filter by name')}
            value={name}
            onChange={(_event, value) => {
              onNameChange(value);
            }}
            onClear={clear}
            data-test="day1-configs-name-filter"
          />
        </ToolbarFilter>
        {name && (
          <ToolbarItem alignSelf="center" data-test="day1-configs-count">
            {t('{{shown}} of {{total}} shown', { shown: shownCount, total: totalCount })}
          </ToolbarItem>
        )}
      </ToolbarContent>
    </Toolbar>
  );
};

export default Day1ConfigsToolbar;
