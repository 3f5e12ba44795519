import type { InitOptions } from 'i18next';

/**
 * i18next as console configures it: `~` separates namespace and key, and keys (our English text) may
 * contain `.` and `:`. The shell and the unit tests (setup-tests.ts) both start from these.
 */
export const CONSOLE_I18N_OPTIONS = {
  lng: 'en',
  fallbackLng: 'en',
  load: 'languageOnly',
  nsSeparator: '~',
  keySeparator: false,
  contextSeparator: '~',
  interpolation: { escapeValue: false },
} satisfies InitOptions;
