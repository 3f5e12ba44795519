import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { reportBootError } from './boot-errors';
import { CONSOLE_I18N_OPTIONS } from './console-i18n-options';
import { PLUGIN_I18N_NAMESPACE, PLUGIN_LOCALE_URL } from './plugin-info';

declare global {
  interface Window {
    /** Console collects missing i18n keys here; integration tests can assert it stays empty. */
    windowError?: string;
  }
}

/**
 * i18next as console configures it, with the plugin's English catalog loaded from the plugin's own
 * dist before first render.
 */
export const initI18n = async (): Promise<void> => {
  await i18n.use(initReactI18next).init({
    ...CONSOLE_I18N_OPTIONS,
    ns: ['public', PLUGIN_I18N_NAMESPACE],
    defaultNS: 'public',
    react: { useSuspense: true, transSupportBasicHtmlNodes: true },
    resources: { en: { public: {} } },
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      const message = `Missing i18n key "${key}" in namespace "${ns}" and language "${lngs.join(',')}".`;
      window.windowError = `${window.windowError ?? ''};${message}`;
      console.error(message);
    },
  });
  try {
    const response = await fetch(PLUGIN_LOCALE_URL);
    if (!response.ok) {
      throw new Error(`HTTP ${String(response.status)}`);
    }
    const catalog = (await response.json()) as Record<string, string>;
    i18n.addResourceBundle('en', PLUGIN_I18N_NAMESPACE, catalog, true, true);
  } catch (e) {
    reportBootError(
      `Could not load the plugin's locale file ${PLUGIN_LOCALE_URL}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
};
