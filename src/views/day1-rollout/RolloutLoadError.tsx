import { useEffect, useState } from 'react';
import { Alert, AlertActionCloseButton, AlertActionLink, Content } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { errorMessage } from '../shared/error-message';
import type { LoadRetry } from './useLoadRetry';

/**
 * Whole seconds until `at`, updated every second while there is one. Its user mounts anew for each
 * `at`, so the clock starts when `at` is set.
 */
const useSecondsUntil = (at: number | undefined): number | undefined => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return undefined;
    const id = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(id);
    };
  }, [at]);
  return at === undefined ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
};

interface RolloutLoadErrorProps {
  error: unknown;
  retry: LoadRetry;
}

/**
 * The rollout could not be listed: why, when the page tries again by itself, and a Retry button. Stays
 * up while an attempt runs, so that the page does not flicker between the error and the spinner.
 */
export const RolloutLoadError = ({ error, retry }: RolloutLoadErrorProps) => {
  const { t } = usePluginTranslation();
  const seconds = useSecondsUntil(retry.nextAttemptAt);
  return (
    <Alert
      variant="danger"
      isInline
      title={t('Could not load the rollout')}
      data-test="rollout-error"
      actionLinks={
        <AlertActionLink onClick={retry.retryNow} data-test="rollout-retry">
          {t('Retry')}
        </AlertActionLink>
      }
    >
      <Content component="p">{errorMessage(error)}</Content>
      <Content component="p" data-test="rollout-retry-status">
        {seconds === undefined
          ? t('Trying again…')
          : t('Failed {{count}} times. Trying again by itself in {{seconds}} s.', {
              count: retry.failures,
              seconds,
              defaultValue_one: 'Failed {{count}} time. Trying again by itself in {{seconds}} s.',
            })}
      </Content>
    </Alert>
  );
};

/** The page loaded after failed attempts: says so until closed. */
export const RolloutRecoveredAlert = ({ retry }: { retry: LoadRetry }) => {
  const { t } = usePluginTranslation();
  if (retry.recoveredAfter === undefined) return null;
  return (
    <Alert
      variant="success"
      isInline
      title={t('Connected again')}
      data-test="rollout-recovered"
      actionClose={<AlertActionCloseButton onClose={retry.dismissRecovery} />}
    >
      {t('The rollout loaded after {{count}} failed attempts. It is live again.', {
        count: retry.recoveredAfter,
        defaultValue_one: 'The rollout loaded after {{count}} failed attempt. It is live again.',
      })}
    </Alert>
  );
};
