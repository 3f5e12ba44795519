/**
 * MCO's render controller (pkg/controller/render): for each pool, the MachineConfigs its
 * machineConfigSelector picks, validated and merged into `rendered-<pool>-<hash>`, owned by the pool and
 * named in `spec.configuration`. A config MCO would reject sets RenderDegraded and leaves the pool on
 * its current rendered config.
 */
import { createHash } from 'node:crypto';
import type { MachineConfigObject, PoolObject, SimObject } from '../core/kube-types';
import { isEmptySelector, selectorMatches, selectorString } from '../core/selectors';
import {
  ANNOTATIONS,
  CONTROLLER_VERSION,
  EXTENSIONS_IMAGE,
  MCO_API_VERSION,
  OS_IMAGE_URL,
  RELEASE_VERSION,
  RENDERED_IGNITION_VERSION,
  ROLE_LABEL,
} from './constants';
import { irreconcilableReason, machineConfigError, mergeIgnition } from './ignition';

type Json = Record<string, unknown>;

export interface RenderedConfig {
  name: string;
  spec: Json;
  /** The source MachineConfigs, in merge order (worker configs first, then the rest, each by name). */
  sources: MachineConfigObject[];
  /** The release it was rendered for (`release-image-version`). */
  releaseVersion: string;
}

/** What MCO takes from the release it runs (its ControllerConfig): the version and the OS image. */
export interface ReleaseImages {
  version: string;
  osImageURL: string;
}

/** The release a scenario's cluster was installed with. */
export const INSTALLED_RELEASE: ReleaseImages = {
  version: RELEASE_VERSION,
  osImageURL: OS_IMAGE_URL,
};

export type RenderOutcome =
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; rendered: RenderedConfig };

/** JSON with object keys sorted, so equal specs hash equally whatever their key order. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

const isOwnedByPool = (mc: SimObject): boolean =>
  (mc.metadata.ownerReferences ?? []).some((o) => o.kind === 'MachineConfigPool');

/** The configs a pool selects, in MCO's merge order. */
const selectConfigs = (
  pool: PoolObject,
  machineConfigs: MachineConfigObject[],
): MachineConfigObject[] => {
  const selected = machineConfigs.filter(
    (mc) =>
      !isOwnedByPool(mc) && selectorMatches(pool.spec.machineConfigSelector, mc.metadata.labels),
  );
  const byName = (a: MachineConfigObject, b: MachineConfigObject) =>
    a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  const isWorker = (mc: MachineConfigObject) => mc.metadata.labels[ROLE_LABEL] === 'worker';
  return [
    ...selected.filter(isWorker).sort(byName),
    ...selected.filter((mc) => !isWorker(mc)).sort(byName),
  ];
};

const specOf = (mc: MachineConfigObject): Json => mc.spec;

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? (value as unknown[]).map(String) : [];

/** MergeMachineConfigs: one spec from the pool's configs. */
const mergeSpecs = (configs: MachineConfigObject[], releaseOsImageURL: string): Json => {
  const specs = configs.map(specOf);
  const ignition = mergeIgnition(
    specs.map((s) => s.config).filter((c) => c !== undefined && c !== null),
    RENDERED_IGNITION_VERSION,
  );
  // Rendered configs carry every Ignition section, as Go's json.Marshal of ign3types.Config writes them.
  const config: Json = {
    ignition: {
      config: { replace: { verification: {} } },
      proxy: {},
      security: { tls: {} },
      timeouts: {},
      version: RENDERED_IGNITION_VERSION,
    },
    kernelArguments: ignition.kernelArguments ?? {},
    passwd: ignition.passwd ?? {},
    storage: ignition.storage ?? {},
    systemd: ignition.systemd ?? {},
  };
  const kernelTypes = specs.map((s) => s.kernelType);
  const kernelType =
    [...kernelTypes].reverse().find((t) => t === 'realtime' || t === '64k-pages') ?? 'default';
  // Only a user's MachineConfig (not one MCO generated) overrides the release OS image.
  const override = configs
    .filter((mc) => !mc.metadata.annotations?.[ANNOTATIONS.generatedByControllerVersion])
    .map((mc) => specOf(mc).osImageURL)
    .filter((url): url is string => typeof url === 'string' && url !== '')
    .pop();
  return {
    baseOSExtensionsContainerImage: EXTENSIONS_IMAGE,
    config,
    extensions: [...new Set(specs.flatMap((s) => stringList(s.extensions)))],
    fips: specs.some((s) => s.fips === true),
    kernelArguments: specs.flatMap((s) => stringList(s.kernelArguments)),
    kernelType,
    osImageURL: override ?? releaseOsImageURL,
  };
};

/** `rendered-<pool>-<md5 of the spec>`: identical specs share a hash across pools, as in MCO. */
const renderedName = (pool: string, spec: Json): string =>
  `rendered-${pool}-${createHash('md5').update(canonicalJson(spec)).digest('hex')}`;

const reconciliationError = (
  current: MachineConfigObject,
  merged: Json,
  sources: MachineConfigObject[],
): string | undefined => {
  const oldSpec = specOf(current);
  const oldConfig = (oldSpec.config ?? {}) as Json;
  const oldFips = oldSpec.fips === true;
  const full = irreconcilableReason(
    oldConfig,
    merged.config as Json,
    oldFips,
    merged.fips === true,
  );
  if (full === undefined) return undefined;
  // As MCO does, name the first source config that is irreconcilable on its own for the same reason.
  for (const source of sources) {
    const spec = specOf(source);
    const single = irreconcilableReason(
      oldConfig,
      (spec.config ?? {}) as Json,
      oldFips,
      spec.fips === true || oldFips,
    );
    if (single !== undefined && single === full) {
      return `reconciliation failed between current config "${current.metadata.name}" and base config "${source.metadata.name}": ${full}`;
    }
  }
  return `render reconciliation error: ${full}; component errors: <nil>`;
};

/**
 * What the render controller does for one pool. `current` is the rendered config the pool targets now,
 * if any: since OpenShift 4.16 the new config must be reconcilable with it.
 */
export const renderPool = (
  pool: PoolObject,
  machineConfigs: MachineConfigObject[],
  current: MachineConfigObject | undefined,
  release: ReleaseImages = INSTALLED_RELEASE,
): RenderOutcome => {
  const selector = pool.spec.machineConfigSelector;
  if (isEmptySelector(selector)) {
    return {
      kind: 'skip',
      reason:
        'This machineconfigpool is selecting all machineconfigs. A non-empty selector is required.',
    };
  }
  const sources = selectConfigs(pool, machineConfigs);
  if (sources.length === 0) {
    return {
      kind: 'error',
      message: `no MachineConfigs found matching selector ${selector === undefined ? '' : selectorString(selector)}`,
    };
  }
  for (const source of sources) {
    const error = machineConfigError(source.spec);
    if (error !== undefined)
      return { kind: 'error', message: `could not generate rendered MachineConfig: ${error}` };
  }
  const spec = mergeSpecs(sources, release.osImageURL);
  if (current !== undefined) {
    const error = reconciliationError(current, spec, sources);
    if (error !== undefined)
      return { kind: 'error', message: `could not generate rendered MachineConfig: ${error}` };
  }
  return {
    kind: 'ok',
    rendered: {
      name: renderedName(pool.metadata.name, spec),
      spec,
      sources,
      releaseVersion: release.version,
    },
  };
};

/** The rendered MachineConfig object, owned by its pool. */
export const renderedMachineConfig = (
  pool: PoolObject,
  rendered: RenderedConfig,
): MachineConfigObject => ({
  apiVersion: MCO_API_VERSION,
  kind: 'MachineConfig',
  metadata: {
    name: rendered.name,
    labels: {},
    annotations: {
      [ANNOTATIONS.generatedByControllerVersion]: CONTROLLER_VERSION,
      [ANNOTATIONS.releaseImageVersion]: rendered.releaseVersion,
    },
    ownerReferences: [
      {
        apiVersion: MCO_API_VERSION,
        kind: 'MachineConfigPool',
        name: pool.metadata.name,
        uid: pool.metadata.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: rendered.spec as MachineConfigObject['spec'],
});

/** The pool's spec.configuration for a rendered config. */
export const configurationFor = (rendered: RenderedConfig) => ({
  name: rendered.name,
  source: rendered.sources.map((mc) => ({
    apiVersion: MCO_API_VERSION,
    kind: 'MachineConfig',
    name: mc.metadata.name,
  })),
});
