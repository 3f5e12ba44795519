import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { retryDelayMs } from '../../k8s/retry-backoff';

export interface LoadRetry {
  /** Changes with each attempt: the page remounts its watches with it, so that they list again. */
  attempt: number;
  /** Failed attempts in a row (0 once loaded). */
  failures: number;
  /** The last attempt's error, while failing. */
  lastError?: unknown;
  /** When the next automatic attempt starts (ms since the epoch), while one is scheduled. */
  nextAttemptAt?: number;
  /** Failed attempts before the page last loaded, until the user dismisses the notice. */
  recoveredAfter?: number;
  /** Starts an attempt now. */
  retryNow: () => void;
  /** The attempt's load failed: schedule the next one with backoff. Once per attempt. */
  reportFailure: (error: unknown) => void;
  /** The attempt loaded (by itself or because the watches retried on their own). */
  reportLoaded: () => void;
  dismissRecovery: () => void;
}

/**
 * Retries a page's first load by itself, 1 s after the first failure and doubling up to 30 s, and by
 * hand. Console's watches also retry a failed list (every 15 s); a new attempt releases and acquires
 * them again, which lists at once. Remembers that the page recovered, so that it can say so.
 */
export const useLoadRetry = (): LoadRetry => {
  const [attempt, setAttempt] = useState(0);
  const [failures, setFailures] = useState(0);
  const [lastError, setLastError] = useState<unknown>(undefined);
  const [nextAttemptAt, setNextAttemptAt] = useState<number | undefined>(undefined);
  const [recoveredAfter, setRecoveredAfter] = useState<number | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failuresRef = useRef(0);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    setNextAttemptAt(undefined);
  }, []);

  const retryNow = useCallback(() => {
    cancel();
    setAttempt((n) => n + 1);
  }, [cancel]);

  const reportFailure = useCallback((error: unknown) => {
    failuresRef.current += 1;
    setFailures(failuresRef.current);
    setLastError(error);
    setRecoveredAfter(undefined);
    const delay = retryDelayMs(failuresRef.current);
    clearTimeout(timer.current);
    setNextAttemptAt(Date.now() + delay);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      setNextAttemptAt(undefined);
      setAttempt((n) => n + 1);
    }, delay);
  }, []);

  const reportLoaded = useCallback(() => {
    cancel();
    if (failuresRef.current > 0) setRecoveredAfter(failuresRef.current);
    failuresRef.current = 0;
    setFailures(0);
    setLastError(undefined);
  }, [cancel]);

  const dismissRecovery = useCallback(() => {
    setRecoveredAfter(undefined);
  }, []);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );

  return useMemo(
    () => ({
      attempt,
      failures,
      lastError,
      nextAttemptAt,
      recoveredAfter,
      retryNow,
      reportFailure,
      reportLoaded,
      dismissRecovery,
    }),
    [
      attempt,
      failures,
      lastError,
      nextAttemptAt,
      recoveredAfter,
      retryNow,
      reportFailure,
      reportLoaded,
      dismissRecovery,
    ],
  );
};
