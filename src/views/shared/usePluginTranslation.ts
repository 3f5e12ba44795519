import { useTranslation } from 'react-i18next';

/** The plugin's i18next namespace: console loads locales/<lang>/<namespace>.json for it. */
export const PLUGIN_NAMESPACE = 'plugin__kmm-day1-console-plugin';

/** react-i18next's useTranslation bound to the plugin's namespace: the one way views get `t`. */
export const usePluginTranslation = () => useTranslation(PLUGIN_NAMESPACE);

/** The `t` that usePluginTranslation returns, for helpers that word codes for a view. */
export type Translate = ReturnType<typeof usePluginTranslation>['t'];
