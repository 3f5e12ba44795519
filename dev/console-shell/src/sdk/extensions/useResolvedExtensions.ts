import { useCallback, useState } from 'react';
import { useResolvedExtensions as useResolvedExtensionsBase } from '@openshift/dynamic-plugin-sdk';
import type { Extension, ExtensionPredicate } from '@openshift/dynamic-plugin-sdk';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { useTranslatedExtensions } from './useTranslatedExtensions';

const OPTIONS = { useExtensionsImpl: useTranslatedExtensions };

/** Keeps the previous array while its elements are the same (type guards are usually stable). */
const useStableArray = <T>(items: T[]): T[] => {
  const [memo, setMemo] = useState(() => items);
  if (memo.length !== items.length || memo.some((item, i) => item !== items[i])) {
    setMemo(() => items);
    return items;
  }
  return memo;
};

/**
 * console's useResolvedExtensions(...typeGuards): extensions matching any guard, labels
 * translated, code references resolved. Backed by the PluginStore from the shell's
 * PluginStoreProvider, as in console.
 */
export const useResolvedExtensions: typeof SDK.useResolvedExtensions = <E extends Extension>(
  ...typeGuards: ExtensionPredicate<E>[]
) => {
  const guards = useStableArray(typeGuards);
  const predicate = useCallback(
    (e: Extension): e is E => guards.some((guard) => guard(e)),
    [guards],
  );
  return useResolvedExtensionsBase<E>(predicate, OPTIONS);
};
