import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CONSOLE_I18N_OPTIONS } from './dev/console-shell/src/boot/console-i18n-options';

// Console's test-id convention is `data-test`, not `data-testid`.
configure({ testIdAttribute: 'data-test' });

// jsdom lacks TextEncoder/TextDecoder, which every browser running console has.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

// The real i18next with the committed English catalog, configured as console configures it, so the
// views render the catalog's text (plural forms included), not their keys.
const NAMESPACE = 'plugin__kmm-day1-console-plugin';
const catalog = JSON.parse(
  readFileSync(path.join(__dirname, 'locales/en', `${NAMESPACE}.json`), 'utf8'),
) as Record<string, string>;
const missingKeys: string[] = [];
void i18n.use(initReactI18next).init({
  ...CONSOLE_I18N_OPTIONS,
  ns: [NAMESPACE],
  defaultNS: NAMESPACE,
  resources: { en: { [NAMESPACE]: catalog } },
  initAsync: false,
  showSupportNotice: false,
  react: { useSuspense: false, transSupportBasicHtmlNodes: true },
  saveMissing: true,
  missingKeyHandler: (_languages, namespace, key) => {
    missingKeys.push(`${namespace}~${key}`);
  },
});

// A key missing from the catalog shows its raw key in console: fail the test that rendered it.
afterEach(() => {
  const missing = missingKeys.splice(0);
  if (missing.length > 0) {
    throw new Error(
      `Missing i18n keys (run \`npm run i18n\`): ${missing.map((k) => JSON.stringify(k)).join(', ')}`,
    );
  }
});
