import { useCallback, useEffect, useState } from 'react';
import { consoleFetchText } from '@openshift-console/dynamic-plugin-sdk';
import { errorMessage } from '../shared/error-message';
import { day1JournalUrl, lastLines } from '../shared/day1-journal';

export type NodeJournal =
  { state: 'loading' } | { state: 'loaded'; lines: string[] } | { state: 'error'; error: string };

/**
 * The last lines of the Day 1 units' journal on `node`, fetched when the drawer shows it (and again on
 * `reload`), cancelled when it closes. `enabled` false (no access to nodes/proxy) fetches nothing.
 */
export const useNodeJournal = (
  node: string,
  machineConfigs: readonly string[],
  enabled: boolean,
): { journal: NodeJournal; reload: () => void } => {
  const [journal, setJournal] = useState<NodeJournal>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = machineConfigs.join(',');

  useEffect(() => {
    if (!enabled || key === '') return undefined;
    const controller = new AbortController();
    setJournal({ state: 'loading' });
    consoleFetchText(day1JournalUrl(node, key.split(',')), { signal: controller.signal })
      .then((text: unknown) => {
        if (!controller.signal.aborted) {
          setJournal({ state: 'loaded', lines: lastLines(typeof text === 'string' ? text : '') });
        }
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setJournal({ state: 'error', error: errorMessage(error) });
      });
    return () => {
      controller.abort();
    };
  }, [node, key, enabled, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  return { journal, reload };
};
