import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Spinner,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { CubesIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { errorMessage } from '../shared/error-message';
import Day1ConfigsTable from './Day1ConfigsTable';
import type { Day1Configs } from './useDay1Configs';

interface Day1ConfigsContentProps extends Day1Configs {
  emptyTitle: string;
  emptyBody: string;
  /** The empty state's call to action, e.g. the Create button. */
  emptyAction?: ReactNode;
}

/** The Day 1 configs table, or its loading, error or empty state. */
const Day1ConfigsContent = ({
  rows,
  loaded,
  error,
  emptyTitle,
  emptyBody,
  emptyAction,
}: Day1ConfigsContentProps) => {
  const { t } = usePluginTranslation();
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
  return <Day1ConfigsTable rows={rows} />;
};

export default Day1ConfigsContent;
