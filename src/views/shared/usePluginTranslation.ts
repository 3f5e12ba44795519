import { useTranslation } from 'react-i18next';

/**
 * react-i18next's useTranslation bound to the plugin's namespace (console loads
 * locales/<lang>/plugin__kmm-day1-console-plugin.json for it): the one way views get `t`. The
 * namespace is a literal so that i18next-parser can read it.
 */
export const usePluginTranslation = () => useTranslation('plugin__kmm-day1-console-plugin');

/** The `t` that usePluginTranslation returns, for helpers that word codes for a view. */
export type Translate = ReturnType<typeof usePluginTranslation>['t'];
