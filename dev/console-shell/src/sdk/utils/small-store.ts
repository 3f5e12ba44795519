import { useSyncExternalStore } from 'react';

/** A tiny observable value for shell-wide state (flags, namespace, perspective). */
export interface SmallStore<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export const createSmallStore = <T>(initial: T): SmallStore<T> => {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (!Object.is(next, value)) {
        value = next;
        [...listeners].forEach((listener) => {
          listener();
        });
      }
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};

export const useSmallStore = <T>(store: SmallStore<T>): T =>
  useSyncExternalStore(store.subscribe, store.get);
