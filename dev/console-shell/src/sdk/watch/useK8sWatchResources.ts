import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type {
  ResourcesObject,
  WatchK8sResources,
  WatchK8sResults,
  WatchK8sResultsObject,
} from '@openshift-console/dynamic-plugin-sdk';
import { NoModelError } from '../http-error';
import { useDeepCompareMemoize } from '../utils/useDeepCompareMemoize';
import type { ResolvedWatch } from './resolve-watch';
import { resolveWatch } from './resolve-watch';
import type { WatchState } from './resource-watch';
import type { WatchStore } from './watch-store';
import { useWatchStore } from './WatchStoreContext';

interface Entry {
  key: string;
  isList: boolean;
  target: ResolvedWatch;
}
type AnyResult = WatchK8sResultsObject<ResourcesObject[string]>;

const toResult = ({ isList, target }: Entry, state: WatchState | undefined): AnyResult => {
  const empty = (isList ? [] : {}) as AnyResult['data'];
  if (target.kind === 'no-model') {
    return { data: empty, loaded: true, loadError: new NoModelError() };
  }
  if (!state) {
    return { data: empty, loaded: false, loadError: undefined };
  }
  return {
    data: state.data,
    loaded: state.loaded,
    loadError: state.loadError,
  };
};

/** The last snapshot per hook (its `entries` array), reused until one of its watches changes. */
const snapshots = new WeakMap<Entry[], { states: (WatchState | undefined)[]; result: unknown }>();

/** useSyncExternalStore needs the same object back while nothing changed. */
const snapshotOf = (entries: Entry[], store: WatchStore): unknown => {
  const states = entries.map(({ target }) =>
    target.kind === 'watch' ? store.getState(target.key) : undefined,
  );
  const cached = snapshots.get(entries);
  if (cached && states.every((state, i) => state === cached.states[i])) {
    return cached.result;
  }
  const result = Object.fromEntries(
    entries.map((entry, i) => [entry.key, toResult(entry, states[i])]),
  );
  snapshots.set(entries, { states, result });
  return result;
};

/**
 * console's useK8sWatchResources: one `{data, loaded, loadError}` per key. Each descriptor joins
 * the shared watch for it, so a key watched elsewhere on the page costs nothing extra.
 */
export const useK8sWatchResources: typeof SDK.useK8sWatchResources = <R extends ResourcesObject>(
  initResources: WatchK8sResources<R>,
): WatchK8sResults<R> => {
  const resources = useDeepCompareMemoize(initResources);
  const store = useWatchStore();
  const entries = useMemo<Entry[]>(
    () =>
      Object.entries(resources).map(([key, resource]) => ({
        key,
        isList: !!resource.isList,
        target: resolveWatch(resource),
      })),
    [resources],
  );

  useEffect(() => {
    const releases = entries.flatMap(({ target }) =>
      target.kind === 'watch' ? [store.acquire(target.request)] : [],
    );
    return () => {
      releases.forEach((release) => {
        release();
      });
    };
  }, [store, entries]);

  const subscribe = useCallback(
    (listener: () => void) => {
      const unsubscribes = entries.flatMap(({ target }) =>
        target.kind === 'watch' ? [store.subscribe(target.key, listener)] : [],
      );
      return () => {
        unsubscribes.forEach((unsubscribe) => {
          unsubscribe();
        });
      };
    },
    [store, entries],
  );

  const getSnapshot = useCallback(
    () => snapshotOf(entries, store) as WatchK8sResults<R>,
    [store, entries],
  );
  return useSyncExternalStore(subscribe, getSnapshot);
};
