import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../shared/error-message';
import { day1JournalUrl, lastLines } from '../shared/day1-journal';
import { fetchNodeProxyText } from '../shared/node-proxy-text';

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
  const [attempt, setAttempt] = useState(0);
  const key = machineConfigs.join(',');
  // What was fetched, and for which request: another node, configs or attempt is loading again.
  const request = `${node}|${key}|${String(attempt)}`;
  const [fetched, setFetched] = useState<{ request: string; journal: NodeJournal }>();

  useEffect(() => {
    if (!enabled || key === '') return undefined;
    const controller = new AbortController();
    fetchNodeProxyText(day1JournalUrl(node, key.split(',')), controller.signal)
      .then((text) => {
        if (!controller.signal.aborted) {
          setFetched({ request, journal: { state: 'loaded', lines: lastLines(text) } });
        }
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setFetched({ request, journal: { state: 'error', error: errorMessage(error) } });
        }
      });
    return () => {
      controller.abort();
    };
  }, [node, key, enabled, request]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);
  const journal: NodeJournal =
    fetched?.request === request ? fetched.journal : { state: 'loading' };
  return { journal, reload };
};
