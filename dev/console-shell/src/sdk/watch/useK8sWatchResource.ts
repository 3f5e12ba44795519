import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type {
  K8sResourceCommon,
  WatchK8sResource,
  WatchK8sResult,
} from '@openshift-console/dynamic-plugin-sdk';
import { NoModelError } from '../http-error';
import { useDeepCompareMemoize } from '../utils/useDeepCompareMemoize';
import { resolveWatch } from './resolve-watch';
import type { WatchState } from './resource-watch';
import { useWatchStore } from './WatchStoreContext';

const noop = () => undefined;

/**
 * The watch state behind a descriptor, or undefined when the descriptor is null, has no model,
 * or nobody has started its watch yet (the first render). Shared by the two hooks below.
 */
const useWatchState = (
  resource: WatchK8sResource | null,
): { state: WatchState | undefined; noModel: boolean } => {
  const store = useWatchStore();
  const target = useMemo(() => resolveWatch(resource), [resource]);

  useEffect(
    () => (target.kind === 'watch' ? store.acquire(target.request) : undefined),
    [store, target],
  );
  const subscribe = useCallback(
    (listener: () => void) =>
      target.kind === 'watch' ? store.subscribe(target.key, listener) : noop,
    [store, target],
  );
  const getSnapshot = useCallback(
    () => (target.kind === 'watch' ? store.getState(target.key) : undefined),
    [store, target],
  );
  const state = useSyncExternalStore(subscribe, getSnapshot);
  return { state, noModel: target.kind === 'no-model' };
};

/**
 * console's useK8sWatchResource: `[data, loaded, loadError]` for one resource or a list.
 * `null` disables the watch (`[undefined, true, undefined]`); before the first load a list is
 * `[]` and an object `{}`; an unknown kind gives a NoModelError.
 */
export const useK8sWatchResource: typeof SDK.useK8sWatchResource = <
  R extends K8sResourceCommon | K8sResourceCommon[],
>(
  initResource: WatchK8sResource | null,
): WatchK8sResult<R> => {
  const resource = useDeepCompareMemoize(initResource);
  const { state, noModel } = useWatchState(resource);
  return useMemo((): WatchK8sResult<R> => {
    if (!resource) {
      return [undefined as unknown as R, true, undefined];
    }
    const empty = (resource.isList ? [] : {}) as R;
    if (noModel) {
      return [empty, true, new NoModelError()];
    }
    if (!state) {
      return [empty, false, undefined];
    }
    return [state.data as R, state.loaded, state.loadError];
  }, [resource, state, noModel]);
};
