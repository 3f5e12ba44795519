import { useCallback, useSyncExternalStore } from 'react';
import type { WatchStoreStatus } from './watch-store';
import { useWatchStore } from './WatchStoreContext';

/**
 * Shell-only (not in the console SDK): how many watches are open and how many are reconnecting
 * after a dropped WebSocket. The masthead shows it; pages may read it to explain stale data.
 */
export const useWatchConnectionStatus = (): WatchStoreStatus => {
  const store = useWatchStore();
  const subscribe = useCallback((listener: () => void) => store.subscribeStatus(listener), [store]);
  const getSnapshot = useCallback(() => store.getStatus(), [store]);
  return useSyncExternalStore(subscribe, getSnapshot);
};
