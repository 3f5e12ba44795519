/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { scanSource } from './i18n-usage.mjs';

// Fails `npm test` when a t('…') key or an extension label is missing from (or stale in) the locale
// file, or when the code uses a key the parser does not extract.
it('locales/ is in sync with the source (npm run i18n)', () => {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'i18n.mjs'), '--check'], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 60_000);

describe('scanSource', () => {
  const scan = (text: string, file = 'src/views/x/View.tsx') => scanSource(file, text);

  it('finds a t() nested in the options of another t(), which i18next-parser misses', () => {
    const { usages, problems } = scan(
      "const a = t('Chosen: {{chosen}}', { chosen: list.length > 0 ? list : t('none') });",
    );
    expect(problems).toEqual([]);
    expect(usages.map((u) => [u.key, u.plural, u.where])).toEqual([
      ['Chosen: {{chosen}}', false, 'src/views/x/View.tsx:1'],
      ['none', false, 'src/views/x/View.tsx:1'],
    ]);
  });

  it('marks a call with a count as plural', () => {
    const { usages } = scan("t('{{count}} nodes', { count, defaultValue_one: '{{count}} node' });");
    expect(usages).toEqual([
      { key: '{{count}} nodes', plural: true, where: 'src/views/x/View.tsx:1' },
    ]);
  });

  it('refuses keys it cannot see: variables, templates with substitutions', () => {
    const { usages, problems } = scan('t(key);\nt(`Pool ${pool}`);\ni18n.t(LABELS[state]);');
    expect(usages).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/^src\/views\/x\/View.tsx:1: t\(\) needs a literal key/),
      expect.stringMatching(/^src\/views\/x\/View.tsx:2: t\(\) needs a literal key/),
      expect.stringMatching(/^src\/views\/x\/View.tsx:3: t\(\) needs a literal key/),
    ]);
  });

  it('takes the key of <Trans> from its literal i18nKey, and refuses children', () => {
    const good = scan(
      '<Trans t={t} i18nKey="Deleting <strong>{{name}}</strong>" values={{ name }} components={{ strong: <strong /> }} />',
    );
    expect(good).toEqual({
      usages: [
        {
          key: 'Deleting <strong>{{name}}</strong>',
          plural: false,
          where: 'src/views/x/View.tsx:1',
        },
      ],
      problems: [],
    });
    const bad = scan(
      "<Trans t={t} values={{ name }}>\n  Deleting <strong>{'{{name}}'}</strong>\n</Trans>",
    );
    expect(bad.usages).toEqual([]);
    expect(bad.problems).toEqual([
      'src/views/x/View.tsx:1: <Trans> needs a literal i18nKey',
      expect.stringMatching(/^src\/views\/x\/View.tsx:1: <Trans> takes no children/),
    ]);
  });

  it('allows useTranslation in the hook only, and a translate function only under the name t', () => {
    const direct = "import { useTranslation } from 'react-i18next';";
    expect(scan(direct).problems).toEqual([
      expect.stringMatching(/View.tsx:1: use usePluginTranslation/),
    ]);
    expect(scan(direct, 'src/views/shared/usePluginTranslation.ts').problems).toEqual([]);
    expect(scan('const word = (translate: Translate) => translate("x");').problems).toEqual([
      expect.stringMatching(/View.tsx:1: name a translate function t/),
    ]);
    expect(scan("const word = (t: Translate) => t('x');").problems).toEqual([]);
  });
});
