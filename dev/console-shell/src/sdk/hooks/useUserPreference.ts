import { useCallback, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

const storageKey = (key: string) => `kmm-day1-shell.preference.${key}`;

const read = <T>(key: string, defaultValue: T | undefined): T | undefined => {
  try {
    const raw = window.localStorage.getItem(storageKey(key));
    return raw === null ? defaultValue : (JSON.parse(raw) as T);
  } catch {
    return defaultValue;
  }
};

/**
 * console's useUserPreference, kept in localStorage instead of a ConfigMap:
 * `[value, setValue, loaded]`, always loaded.
 */
export const useUserPreference: typeof SDK.useUserPreference = <T>(
  key: string,
  defaultValue?: T,
) => {
  const [value, setValue] = useState<T | undefined>(() => read(key, defaultValue));
  const update = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => {
      setValue((current) => {
        const resolved = typeof next === 'function' ? (next as (prev: T) => T)(current as T) : next;
        window.localStorage.setItem(storageKey(key), JSON.stringify(resolved));
        return resolved;
      });
    },
    [key],
  );
  return [value as T, update, true];
};
