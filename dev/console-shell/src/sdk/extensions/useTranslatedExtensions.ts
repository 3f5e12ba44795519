import { useMemo } from 'react';
import { useExtensions } from '@openshift/dynamic-plugin-sdk';
import type { Extension, ExtensionPredicate, LoadedExtension } from '@openshift/dynamic-plugin-sdk';
import { useTranslation } from 'react-i18next';
import { translateValue } from './translate';

/** useExtensions with `%ns~key%` labels translated, as console's own useExtensions does. */
export const useTranslatedExtensions = <E extends Extension>(
  predicate?: ExtensionPredicate<E>,
): LoadedExtension<E>[] => {
  const extensions = useExtensions(predicate);
  const { t } = useTranslation();
  return useMemo(
    () =>
      extensions.map((e) => ({
        ...e,
        properties: translateValue(e.properties, (key) => t(key)) as E['properties'],
      })),
    [extensions, t],
  );
};
