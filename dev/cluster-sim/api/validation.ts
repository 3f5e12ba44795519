/**
 * What the API server checks before it stores an object: metadata.name, the CRD openAPIV3Schema of the
 * real MachineConfig, MachineConfigPool and MachineConfigNode CRDs (compiled with ajv, as
 * test/support/schema-checks.ts does), and MCO's ValidatingAdmissionPolicy for custom pools.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import type { SimObject } from '../core/kube-types';
import type { ResourceDef } from '../core/resources';
import { ApiError } from './status';
import type { StatusCause } from './status';
import { groupResource, MACHINE_CONFIG_POOLS, NAMESPACES, RESOURCES } from '../core/resources';

interface CustomResourceDefinition {
  kind?: string;
  spec?: {
    group?: string;
    names?: { plural?: string };
    versions?: { name: string; schema?: { openAPIV3Schema?: object } }[];
  };
}

/** Compiled CRD schemas by `group/plural/version`. */
export class CrdSchemas {
  private readonly validators = new Map<string, ValidateFunction>();

  /**
   * Loads every CRD in `directory`. Throws when the directory is absent or lacks the schema of a custom
   * resource the simulator serves: a simulator that quietly stores what the API server would refuse hides
   * the plugin's mistakes.
   */
  static load(directory: string): CrdSchemas {
    if (!existsSync(directory)) {
      throw new Error(`CRD schemas not found at ${directory} (pass --schemas DIR)`);
    }
    const schemas = new CrdSchemas();
    // Kubernetes structural schemas use OpenAPI keywords (nullable, x-kubernetes-*) and int formats.
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const format of ['int32', 'int64', 'date-time', 'byte', 'uri'])
      ajv.addFormat(format, true);
    for (const file of readdirSync(directory)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      for (const document of loadAll(readFileSync(join(directory, file), 'utf8'))) {
        const crd = document as CustomResourceDefinition | null;
        if (crd?.kind !== 'CustomResourceDefinition' || crd.spec?.group === undefined) continue;
        for (const version of crd.spec.versions ?? []) {
          const schema = version.schema?.openAPIV3Schema;
          if (schema === undefined) continue;
          const key = `${crd.spec.group}/${crd.spec.names?.plural ?? ''}/${version.name}`;
          // The first file wins, so several variants of one CRD in the directory do not clash.
          if (!schemas.validators.has(key)) schemas.validators.set(key, ajv.compile(schema));
        }
      }
    }
    const missing = RESOURCES.filter((resource) => resource.custom && !schemas.has(resource));
    if (missing.length > 0) {
      throw new Error(
        `${directory} has no CRD schema for ${missing.map(groupResource).join(', ')} (pass --schemas DIR)`,
      );
    }
    return schemas;
  }

  has(resource: ResourceDef): boolean {
    return this.validators.has(`${resource.group}/${resource.plural}/${resource.version}`);
  }

  /** Schema violations as Status causes, worded like the API server's. */
  validate(resource: ResourceDef, object: unknown): StatusCause[] {
    const validator = this.validators.get(
      `${resource.group}/${resource.plural}/${resource.version}`,
    );
    if (validator === undefined || validator(object)) return [];
    return causesFrom(validator.errors ?? [], object);
  }
}

const fieldPath = (instancePath: string): string =>
  instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
      '',
    );

const valueAt = (object: unknown, instancePath: string): unknown =>
  instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (value, part) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined,
      object,
    );

const jsonType = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number'
        ? Number.isInteger(value)
          ? 'integer'
          : 'number'
        : typeof value;

/** One ajv error as the API server's field error. */
const causeFrom = (error: ErrorObject, object: unknown): StatusCause => {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const missing = String(params.missingProperty);
    const field = [fieldPath(error.instancePath), missing].filter(Boolean).join('.');
    return { reason: 'FieldValueRequired', message: 'Required value', field };
  }
  const field = fieldPath(error.instancePath);
  const value = valueAt(object, error.instancePath);
  const shown = JSON.stringify(
    typeof value === 'object' && value !== null ? jsonType(value) : value,
  );
  switch (error.keyword) {
    case 'type':
    case 'anyOf':
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${jsonType(value)}": ${field} in body must be of type ${error.keyword === 'anyOf' ? 'integer,string' : String(params.type)}: "${jsonType(value)}"`,
        field,
      };
    case 'enum':
      return {
        reason: 'FieldValueNotSupported',
        message: `Unsupported value: ${shown}: supported values: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        field,
      };
    case 'maxLength':
      return {
        reason: 'FieldValueTooLong',
        message: `Too long: may not be more than ${String(params.limit)} bytes`,
        field,
      };
    case 'maxItems':
      return {
        reason: 'FieldValueTooMany',
        message: `Too many: ${String(Array.isArray(value) ? value.length : 0)}: must have at most ${String(params.limit)} items`,
        field,
      };
    case 'pattern':
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${shown}: ${field} in body should match '${String(params.pattern)}'`,
        field,
      };
    case 'minimum':
    case 'maximum':
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${shown}: ${field} in body should be ${error.keyword === 'minimum' ? 'greater' : 'less'} than or equal to ${String(params.limit)}`,
        field,
      };
    default:
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${shown}: ${error.message ?? error.keyword}`,
        field,
      };
  }
};

const causesFrom = (errors: ErrorObject[], object: unknown): StatusCause[] => {
  // An int-or-string field fails each anyOf branch and the anyOf itself; report the anyOf once.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  const kept = errors.filter(
    (e) => e.keyword === 'anyOf' || !anyOfPaths.some((path) => e.schemaPath.startsWith(`${path}/`)),
  );
  const seen = new Set<string>();
  return kept
    .map((e) => causeFrom(e, object))
    .filter((cause) => {
      const key = `${cause.field ?? ''}|${cause.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
};

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** metadata.name checks, with apimachinery's messages. */
export const nameCauses = (resource: ResourceDef, name: string): StatusCause[] => {
  if (resource === NAMESPACES) {
    if (name.length > 63 || !DNS1123_LABEL.test(name)) {
      return [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.name',
          message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        },
      ];
    }
    return [];
  }
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    return [
      {
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
        message: `Invalid value: ${JSON.stringify(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      },
    ];
  }
  return [];
};

const ROLE_LABEL = 'machineconfiguration.openshift.io/role';
const BUILT_IN_ROLES = ['master', 'worker', 'arbiter'];

interface PoolSelectorShape {
  spec?: {
    machineConfigSelector?: {
      matchLabels?: Record<string, string>;
      matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
    };
  };
}

/**
 * MCO's `custom-machine-config-pool-selector` ValidatingAdmissionPolicy (OpenShift 4.18+): a pool must
 * select a built-in role by label, or inherit the worker configs through an In/NotIn expression.
 */
export const checkPoolAdmission = (resource: ResourceDef, object: SimObject): void => {
  if (resource !== MACHINE_CONFIG_POOLS) return;
  const selector = (object as PoolSelectorShape).spec?.machineConfigSelector;
  const roleLabel = selector?.matchLabels?.[ROLE_LABEL];
  const expressions = (selector?.matchExpressions ?? []).filter((e) => e.key === ROLE_LABEL);
  const ok =
    (roleLabel !== undefined && BUILT_IN_ROLES.includes(roleLabel)) ||
    expressions.some((e) => e.operator === 'In' && (e.values ?? []).includes('worker')) ||
    expressions.some((e) => e.operator === 'NotIn' && !(e.values ?? []).includes('worker'));
  if (ok) return;
  throw new ApiError(
    422,
    'Invalid',
    `machineconfigpools.machineconfiguration.openshift.io "${object.metadata.name}" is forbidden: ValidatingAdmissionPolicy 'custom-machine-config-pool-selector' with binding 'custom-machine-config-pool-selector-binding' denied request: All custom MachineConfigPools must inherit from the worker pool and must have a machineConfigSelector that matches for a 'machineconfiguration.openshift.io/role: worker' label`,
    { name: object.metadata.name, group: resource.group, kind: resource.plural },
  );
};
