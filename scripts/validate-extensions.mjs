#!/usr/bin/env node
/**
 * Strict check of console-extensions.json.
 *
 * ConsoleRemotePlugin validates against the SDK schema too, but that schema's top level is
 * `anyOf[SupportedExtension, CustomExtension]` and CustomExtension accepts anything, so an unknown
 * type, a misspelt property or a wrong value type all build green. Here each extension is validated
 * against the one definition whose `properties.type.const` is its type, and every `$codeRef`
 * must name a module in package.json#consolePlugin.exposedModules.
 *
 * Usage: node scripts/validate-extensions.mjs [console-extensions.json] [package.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parse } from 'comment-json';

const SCHEMA_PATH =
  'node_modules/@openshift-console/dynamic-plugin-sdk-webpack/schema/console-extensions.json';

/** Keys console reads from an extension; the schema allows others, but they would be ignored. */
const ENVELOPE_KEYS = new Set(['type', 'properties', 'flags']);

/** @param {string} file */
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** @param {string} [file] */
const loadSchema = (file = path.resolve(SCHEMA_PATH)) => readJson(file);

/**
 * Every `$codeRef` value in an extension's properties, with its JSON path.
 * @param {unknown} value
 * @param {string} pointer
 * @returns {{ pointer: string, ref: string }[]}
 */
const findCodeRefs = (value, pointer) => {
  if (Array.isArray(value)) return value.flatMap((v, i) => findCodeRefs(v, `${pointer}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === '$codeRef' && typeof v === 'string'
      ? [{ pointer, ref: v }]
      : findCodeRefs(v, `${pointer}/${key}`),
  );
};

/**
 * Validates parsed extensions. Returns one message per problem (empty when valid).
 * @param {unknown} extensions the parsed console-extensions.json
 * @param {Record<string, string>} exposedModules package.json#consolePlugin.exposedModules
 * @param {Record<string, any>} [schema] the SDK's console-extensions schema
 * @returns {string[]}
 */
export const validateExtensions = (extensions, exposedModules, schema = loadSchema()) => {
  if (!Array.isArray(extensions)) return ['console-extensions.json must be an array'];

  // allowUnionTypes: the SDK schema uses `type: [..]` unions, which ajv's strict mode rejects.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addSchema(schema, 'sdk');
  /** @type {Map<string, string>} extension type -> definition name */
  const definitionByType = new Map();
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    const type = def?.properties?.type?.const;
    if (typeof type === 'string') definitionByType.set(type, name);
  }

  /** @type {string[]} */
  const errors = [];
  extensions.forEach((ext, index) => {
    const type = typeof ext?.type === 'string' ? ext.type : '(no type)';
    const where = `extension[${index}] (${type})`;
    const definition = definitionByType.get(type);
    if (!definition) {
      errors.push(`${where} /type: unknown extension type`);
      return;
    }
    const validate = ajv.getSchema(`sdk#/definitions/${definition}`);
    if (validate && !validate(ext)) {
      // anyOf also reports every failed branch; its own "must match a schema in anyOf" is enough.
      for (const e of (validate.errors ?? []).filter(
        (err) => !err.schemaPath.includes('/anyOf/'),
      )) {
        const extra =
          e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
        errors.push(`${where} ${e.instancePath || '/'}: ${e.message ?? e.keyword}${extra}`);
      }
    }
    for (const key of Object.keys(ext ?? {})) {
      if (!ENVELOPE_KEYS.has(key)) errors.push(`${where} /${key}: unknown top-level key`);
    }
    for (const { pointer, ref } of findCodeRefs(ext?.properties, '/properties')) {
      const moduleName = ref.split('.')[0];
      if (!Object.hasOwn(exposedModules, moduleName)) {
        errors.push(
          `${where} ${pointer}/$codeRef: module '${moduleName}' is not in consolePlugin.exposedModules`,
        );
      }
    }
  });
  return errors;
};

/**
 * Reads both files and validates them.
 * @param {string} [extensionsFile]
 * @param {string} [packageFile]
 */
export const validateExtensionsFile = (
  extensionsFile = 'console-extensions.json',
  packageFile = 'package.json',
) => {
  // comment-json: console-extensions.json is JSONC (console's own parser accepts comments).
  const extensions = parse(fs.readFileSync(extensionsFile, 'utf8'), undefined, true);
  const exposedModules = readJson(packageFile).consolePlugin?.exposedModules ?? {};
  return validateExtensions(extensions, exposedModules);
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [extensionsFile = 'console-extensions.json', packageFile] = process.argv.slice(2);
  const errors = validateExtensionsFile(extensionsFile, packageFile);
  if (errors.length > 0) {
    console.error(`${extensionsFile}: ${errors.length} problem(s)\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`${extensionsFile}: OK`);
}
