/**
 * Checks that a produced object is what the cluster accepts: the real MachineConfig and MachineConfigPool
 * CRD schemas, the Ignition 3.2 JSON schema, and the Ignition rules that schema does not encode
 * (from Ignition's Go validation: clean absolute paths, mode range, data URLs, unit name suffixes,
 * duplicates, overwrite with a source).
 */
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const ROOT = join(__dirname, '..', '..');
/** Verbatim copies of the CRDs and the Ignition schema, with their sources in each folder's README. */
const SCHEMAS = join(ROOT, 'schemas');
/** Real `oc` dumps of cluster states, with their source in the folder's README. */
export const CLUSTER_STATES = join(ROOT, 'test', 'fixtures', 'cluster-states');

const crdSchema = (file: string): object => {
  const crd = load(readFileSync(join(SCHEMAS, 'crds', file), 'utf8')) as {
    spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] };
  };
  const v1 = crd.spec.versions.find((v) => v.name === 'v1');
  if (!v1) throw new Error(`${file} has no v1 schema`);
  return v1.schema.openAPIV3Schema;
};

// Kubernetes structural schemas: OpenAPI keywords (nullable, x-kubernetes-*) and int32/int64 formats.
const openAPI = new Ajv({ allErrors: true, strict: false });
for (const format of ['int32', 'int64', 'date-time', 'byte']) openAPI.addFormat(format, true);
const machineConfigSchema = openAPI.compile(
  crdSchema('0000_80_machine-config_01_machineconfigs.crd.yaml'),
);
const machineConfigPoolSchema = openAPI.compile(
  crdSchema('0000_80_machine-config_01_machineconfigpools.crd.yaml'),
);

const ignition = new AjvDraft04({ allErrors: true, strict: false });
const ignition32Schema = ignition.compile(
  JSON.parse(
    readFileSync(join(SCHEMAS, 'ignition', 'ignition-v3_2.schema.json'), 'utf8'),
  ) as object,
);

const errorsOf = (what: string, validate: ValidateFunction, value: unknown): string[] =>
  validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message ?? ''}`);

const UNIT_SUFFIXES = [
  '.service',
  '.socket',
  '.device',
  '.mount',
  '.automount',
  '.swap',
  '.target',
  '.path',
  '.timer',
  '.snapshot',
  '.slice',
  '.scope',
];

const isCleanAbsolute = (path: string) =>
  path.startsWith('/') &&
  !path
    .slice(1)
    .split('/')
    .some((s) => s === '' || s === '.' || s === '..');

interface IgnitionLike {
  ignition?: { version?: string };
  storage?: {
    files?: { path: string; mode?: number; overwrite?: boolean; contents?: { source?: string } }[];
  };
  systemd?: { units?: { name: string; contents?: string; mask?: boolean; enabled?: boolean }[] };
}

/** Ignition's own validation of what its JSON schema lets through. */
const ignitionRuleErrors = (config: IgnitionLike): string[] => {
  const errors: string[] = [];
  if (config.ignition?.version !== '3.2.0')
    errors.push(`ignition.version is ${String(config.ignition?.version)}`);
  const paths = new Set<string>();
  for (const file of config.storage?.files ?? []) {
    if (!isCleanAbsolute(file.path))
      errors.push(`file path ${file.path} is not clean and absolute`);
    if (paths.has(file.path)) errors.push(`duplicate file ${file.path}`);
    paths.add(file.path);
    if (file.mode !== undefined && (file.mode < 0 || file.mode > 0o7777))
      errors.push(`file ${file.path} mode out of range`);
    const source = file.contents?.source;
    if (file.overwrite === true && source === undefined)
      errors.push(`file ${file.path} overwrites without a source`);
    if (source !== undefined && !/^data:[^,]*;base64,[A-Za-z0-9+/]*={0,2}$/.test(source)) {
      errors.push(`file ${file.path} source is not a valid base64 data URL`);
    }
  }
  const units = new Set<string>();
  for (const unit of config.systemd?.units ?? []) {
    if (!UNIT_SUFFIXES.some((suffix) => unit.name.endsWith(suffix)))
      errors.push(`unit ${unit.name} has no valid unit suffix`);
    if (unit.name.includes('/')) errors.push(`unit ${unit.name} contains "/"`);
    if (units.has(unit.name)) errors.push(`duplicate unit ${unit.name}`);
    units.add(unit.name);
    if (unit.mask === true && unit.enabled === true)
      errors.push(`unit ${unit.name} is both masked and enabled`);
  }
  return errors;
};

/** Every reason the cluster would refuse this MachineConfig; empty when it would accept it. */
export const machineConfigErrors = (machineConfig: unknown): string[] => {
  const config = (machineConfig as { spec?: { config?: IgnitionLike } }).spec?.config ?? {};
  return [
    ...errorsOf('MachineConfig', machineConfigSchema, machineConfig),
    ...errorsOf('Ignition 3.2', ignition32Schema, config),
    ...ignitionRuleErrors(config),
  ];
};

export const machineConfigPoolErrors = (pool: unknown): string[] =>
  errorsOf('MachineConfigPool', machineConfigPoolSchema, pool);
