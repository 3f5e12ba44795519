#!/usr/bin/env node
/**
 * Regenerates locales/<lang>/<namespace>.json from the `t('…')` calls in src/ and the
 * `%plugin__…~…%` labels in console-extensions.json (config: i18next-parser.config.js).
 *
 *   node scripts/i18n.mjs          rewrite the locale files
 *   node scripts/i18n.mjs --check  exit 1 and list the differences if they are out of date
 *
 * Both fail when the code uses a key the parser did not extract (scripts/i18n-usage.mjs finds every
 * t() call and <Trans> by syntax), or uses a key in a way that cannot be checked.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanSource } from './i18n-usage.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const localesDir = path.join(root, 'locales');
const NAMESPACE = 'plugin__kmm-day1-console-plugin';
/** The plural forms i18next looks up for `count` in English, as i18next-parser writes them. */
const PLURAL_SUFFIXES = new Intl.PluralRules('en')
  .resolvedOptions()
  .pluralCategories.map((category) => `_${category}`);

/** @param {string} dir @returns {string[]} paths relative to dir of every .json file below it */
const jsonFiles = (dir) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))
    : [];

/** @param {string} file @returns {Record<string, string>} */
const readCatalog = (file) =>
  fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};

/** Sorted, and laid out as Prettier lays out JSON, so `prettier --check` agrees. */
const serialize = (/** @type {Record<string, string>} */ catalog) =>
  `${JSON.stringify(
    Object.fromEntries(Object.entries(catalog).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    null,
    2,
  )}\n`;

/**
 * Runs i18next-parser into `outDir` (empty, so the result does not depend on what is committed).
 * @param {string} outDir
 * @returns {string[]} the parser's warnings and errors
 */
const extract = (outDir) => {
  const parser = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/i18next-parser/bin/cli.js'),
      '--config',
      path.join(root, 'i18next-parser.config.js'),
      '--output',
      path.join(outDir, '$LOCALE/$NAMESPACE.json'),
      // e.g. a t() call whose key is not a string literal, which cannot be extracted.
      '--fail-on-warnings',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  // Not --silent, which would hide the warnings too: keep only the problem lines.
  const problems = parser.stdout.split('\n').filter((line) => /\[(warning|error)\]/.test(line));
  return parser.status === 0 ? problems : [...problems, `i18next-parser exited ${parser.status}`];
};

/** The sources i18next-parser reads (i18next-parser.config.js `input`), relative to the root. */
const sourceFiles = () =>
  fs
    .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join('src', f).split(path.sep).join('/'))
    .sort();

/**
 * Every key the code uses that is not in the extracted catalog, and every use that cannot be checked.
 * @param {Record<string, string>} extracted the catalog i18next-parser wrote for the plugin namespace
 * @returns {string[]}
 */
const unextractedKeys = (extracted) => {
  const problems = [];
  for (const file of sourceFiles()) {
    const scan = scanSource(file, fs.readFileSync(path.join(root, file), 'utf8'));
    problems.push(...scan.problems);
    for (const { key, plural, where } of scan.usages) {
      const needed = plural ? PLURAL_SUFFIXES.map((suffix) => key + suffix) : [key];
      for (const k of needed.filter((n) => !(n in extracted))) {
        problems.push(
          `${where}: ${JSON.stringify(k)} is used but i18next-parser does not extract it`,
        );
      }
    }
  }
  return problems;
};

/**
 * @param {string} file locale file, relative to locales/
 * @param {Record<string, string>} expected
 * @param {Record<string, string>} committed
 */
const reportDifferences = (file, expected, committed) => {
  const missing = Object.keys(expected).filter((k) => !(k in committed));
  const extra = Object.keys(committed).filter((k) => !(k in expected));
  const changed = Object.keys(expected).filter(
    (k) => k in committed && committed[k] !== expected[k],
  );
  console.error(`locales/${file} is out of date (run \`npm run i18n\`):`);
  for (const k of missing) console.error(`  missing: ${JSON.stringify(k)}`);
  for (const k of extra) console.error(`  extra:   ${JSON.stringify(k)}`);
  for (const k of changed) console.error(`  value:   ${JSON.stringify(k)}`);
  if (missing.length + extra.length + changed.length === 0) console.error('  (order or format)');
};

/** @param {boolean} check @returns {number} exit code */
const main = (check) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kmm-day1-i18n-'));
  try {
    const problems = extract(tmp);
    if (problems.length > 0) {
      console.error(['i18next-parser failed:', ...problems].join('\n'));
      return 1;
    }
    const unextracted = unextractedKeys(readCatalog(path.join(tmp, 'en', `${NAMESPACE}.json`)));
    if (unextracted.length > 0) {
      console.error(['Keys the locale file would miss:', ...unextracted].join('\n'));
      return 1;
    }
    let stale = 0;
    for (const file of new Set([...jsonFiles(tmp), ...jsonFiles(localesDir)])) {
      const expected = readCatalog(path.join(tmp, file));
      const target = path.join(localesDir, file);
      const text = serialize(expected);
      if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) continue;
      stale += 1;
      if (check) {
        reportDifferences(file, expected, readCatalog(target));
      } else {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
        console.log(`updated locales/${file}`);
      }
    }
    if (check && stale === 0) console.log('locales are up to date');
    return check && stale > 0 ? 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};

process.exitCode = main(process.argv.includes('--check'));
