// i18next-parser config, used by scripts/i18n.mjs. Keys are the English text itself.
const { EventEmitter } = require('node:events');
const { parse } = require('comment-json');

const NAMESPACE = 'plugin__kmm-day1-console-plugin';

/** Extracts console's `%namespace~Key%` label strings from JSON(C) files (console-extensions.json). */
class ConsoleExtensionsLexer extends EventEmitter {
  extract(content) {
    const keys = [];
    const visit = (value) => {
      if (typeof value === 'string') {
        const match = /^%(.+)%$/.exec(value);
        if (match) keys.push({ key: match[1] });
      } else if (value && typeof value === 'object') {
        Object.values(value).forEach(visit);
      }
    };
    visit(parse(content, undefined, true));
    return keys;
  }
}

module.exports = {
  input: ['src/**/*.{ts,tsx}', '!src/**/*.spec.{ts,tsx}', 'console-extensions.json'],
  output: 'locales/$LOCALE/$NAMESPACE.json',
  locales: ['en'],
  // Views get t from usePluginTranslation() (src/views/shared), which takes no namespace argument:
  // their keys land in this default namespace.
  defaultNamespace: NAMESPACE,
  keySeparator: false,
  namespaceSeparator: '~',
  // English values are the keys (i18next-parser 9 replaced useKeysAsDefaultValue with this), except
  // a plural form given in the call, e.g. `t('{{count}} nodes', { count, defaultValue_one: '{{count}} node' })`.
  defaultValue: (_locale, _namespace, key, value) => value || key,
  sort: true,
  createOldCatalogs: false,
  keepRemoved: false,
  lexers: {
    ts: ['JavascriptLexer'],
    tsx: ['JsxLexer'],
    json: [ConsoleExtensionsLexer],
    default: ['JavascriptLexer'],
  },
};
