import {
  Alert,
  Bullseye,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Spinner,
} from '@patternfly/react-core';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { CubesIcon, SearchIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../shared/error-message';
import Day1ConfigsTable from './Day1ConfigsTable';
import Day1ConfigsToolbar from './Day1ConfigsToolbar';
import type { Day1Configs } from './useDay1Configs';

interface Day1ConfigsContentProps extends Day1Configs {
  emptyTitle: string;
  emptyBody: string;
  /** The empty state's call to action, e.g. the Create button. */
  emptyAction?: ReactNode;
}

/** The name filter's query parameter, as console's list pages keep theirs in the URL. */
const NAME_PARAM = 'name';

/** The Day 1 configs table with its name filter, or its loading, error or empty state. */
const Day1ConfigsContent = ({
  rows,
  loaded,
  error,
  emptyTitle,
  emptyBody,
  emptyAction,
}: Day1ConfigsContentProps) => {
  const { t } = usePluginTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const name = searchParams.get(NAME_PARAM) ?? '';
  const setName = (value: string) => {
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        if (value) next.set(NAME_PARAM, value);
        else next.delete(NAME_PARAM);
        return next;
      },
      { replace: true },
    );
  };
  const shownRows = useMemo(() => {
    const needle = name.trim().toLowerCase();
    return needle
      ? rows.filter((row) => row.summary.machineConfigName.toLowerCase().includes(needle))
      : rows;
  }, [rows, name]);

  if (error) {
    return (
      <Alert
        variant="danger"
        isInline
        title={t('Could not load MachineConfigs')}
        data-test="day1-configs-error"
      >
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!loaded) {
    return (
      <Bullseye>
        <Spinner
          aria-label={t('Loading Day 1 kernel module configs')}
          data-test="day1-configs-loading"
        />
      </Bullseye>
    );
  }
  if (rows.length === 0) {
    return (
      <EmptyState
        titleText={emptyTitle}
        headingLevel="h2"
        icon={CubesIcon}
        data-test="day1-configs-empty"
      >
        <EmptyStateBody>{emptyBody}</EmptyStateBody>
        {emptyAction && (
          <EmptyStateFooter>
            <EmptyStateActions>{emptyAction}</EmptyStateActions>
          </EmptyStateFooter>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <Day1ConfigsToolbar
        name={name}
        onNameChange={setName}
        shownCount={shownRows.length}
        totalCount={rows.length}
      />
      {shownRows.length > 0 ? (
        <Day1ConfigsTable rows={shownRows} />
      ) : (
        <EmptyState
          titleText={t('No Day 1 kernel module configs match')}
          headingLevel="h2"
          icon={SearchIcon}
          variant="sm"
          data-test="day1-configs-no-match"
        >
          <EmptyStateBody>{t('No config name contains "{{name}}".', { name })}</EmptyStateBody>
          <EmptyStateFooter>
            <EmptyStateActions>
              <Button
                variant="link"
                onClick={() => {
                  setName('');
                }}
              >
                {t('Clear the filter')}
              </Button>
            </EmptyStateActions>
          </EmptyStateFooter>
        </EmptyState>
      )}
    </>
  );
};

export default Day1ConfigsContent;
