import rootPackage from '../../../../package.json';

/** The plugin the shell loads: the repository's own, served by the shell server at its bridge path. */
const PLUGIN_NAME = rootPackage.consolePlugin.name;
const PLUGIN_BASE_URL = `/api/plugins/${PLUGIN_NAME}/`;
export const PLUGIN_MANIFEST_URL = `${PLUGIN_BASE_URL}plugin-manifest.json`;
export const PLUGIN_I18N_NAMESPACE = `plugin__${PLUGIN_NAME}`;
export const PLUGIN_LOCALE_URL = `${PLUGIN_BASE_URL}locales/en/${PLUGIN_I18N_NAMESPACE}.json`;

/** The console version the shell stands in for (the SDK it implements). */
export const CONSOLE_VERSION = '4.22.0';
