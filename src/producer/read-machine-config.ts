import { ROLE_LABEL } from '../mco/names';
import { PULL_UNIT_SUFFIX, REPLACE_UNIT_SUFFIX } from './node-layout';
import { DEFAULT_WORKER_IMAGE } from './worker-image';
import { readEnvironment, readUnitList } from './systemd';

/** The Day 1 parameters read back from a MachineConfig made by this plugin or by KMM's tools. */
export interface Day1ConfigSummary {
  machineConfigName: string;
  machineConfigPoolRef: string;
  kernelModuleImage: string;
  kernelModuleName: string;
  inTreeModulesToRemove: string[];
  workerImage: string;
  firmwareFilesPath?: string;
  producedBy: 'kmm-day1-console-plugin' | 'kmm';
  /**
   * Whether the pull unit runs before the kubelet, so that its reboot for the image happens while MCO
   * still counts the node as updating (this product's units since the node-safety fix). KMM's units,
   * and ours from before, reboot after MCO has marked the node done, outside `maxUnavailable`.
   */
  pullRebootInMcoWindow: boolean;
}

const isReplaceUnit = (name: string) =>
  name.endsWith(REPLACE_UNIT_SUFFIX) || name === REPLACE_UNIT_SUFFIX.slice(1);

/** What we may find in a MachineConfig from the cluster: any field can be missing or of the wrong type. */
interface UntrustedMachineConfig {
  metadata?: {
    name?: unknown;
    labels?: Record<string, unknown> | null;
    annotations?: Record<string, unknown> | null;
  } | null;
  spec?: { config?: { systemd?: { units?: unknown } | null } | null } | null;
}

const stringOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value !== '' ? value : fallback;

const isPullUnit = (name: string) =>
  name.endsWith(PULL_UNIT_SUFFIX) || name === PULL_UNIT_SUFFIX.slice(1);

const unitContents = (units: unknown, isWanted: (name: string) => boolean): string | undefined => {
  if (!Array.isArray(units)) return undefined;
  for (const unit of units as unknown[]) {
    const { name, contents } = (unit ?? {}) as { name?: unknown; contents?: unknown };
    if (typeof name === 'string' && isWanted(name) && typeof contents === 'string') return contents;
  }
  return undefined;
};

/** The units that start the kubelet; a unit ordered before either runs before MCO can mark the node done. */
const KUBELET_UNITS = new Set(['kubelet.service', 'kubelet-dependencies.target']);

/** MCO merges a pool's configs into `rendered-<pool>-<hash>`: it contains our units, but it is not ours. */
const isRenderedByMCO = (mc: UntrustedMachineConfig): boolean =>
  (typeof mc.metadata?.name === 'string' && mc.metadata.name.startsWith('rendered-')) ||
  mc.metadata?.annotations?.[GENERATED_BY_ANNOTATION] !== undefined;

const GENERATED_BY_ANNOTATION = 'machineconfiguration.openshift.io/generated-by-controller-version';

/**
 * Recognises a Day 1 MachineConfig by its load unit (`<name>-replace-kernel-module.service`, or the
 * unprefixed name of KMM releases before 2.2) and reads its parameters from the unit's Environment lines.
 * Returns null for any other MachineConfig, including malformed ones and the configs MCO renders.
 */
export const readDay1MachineConfig = (machineConfig: unknown): Day1ConfigSummary | null => {
  if (typeof machineConfig !== 'object' || machineConfig === null) return readSummary({});
  // Watches hand back the same object until it changes, and the rollout reads each pool's configs on
  // every event: read each object once.
  let summary = summaries.get(machineConfig);
  if (summary === undefined) {
    summary = readSummary(machineConfig);
    summaries.set(machineConfig, summary);
  }
  return summary;
};

const summaries = new WeakMap<object, Day1ConfigSummary | null>();

const readSummary = (mc: UntrustedMachineConfig): Day1ConfigSummary | null => {
  if (isRenderedByMCO(mc)) return null;
  const units = mc.spec?.config?.systemd?.units;
  const contents = unitContents(units, isReplaceUnit);
  if (contents === undefined) return null;
  const env = readEnvironment(contents);
  const image = stringOr(env.KERNEL_MODULE_IMAGE, '');
  const module = stringOr(env.KERNEL_MODULE, '');
  if (image === '' || module === '') return null;
  // KMM 2.2-2.4 used a single IN_TREE_MODULE_TO_REMOVE.
  const inTree = env.IN_TREE_MODULES_TO_REMOVE ?? env.IN_TREE_MODULE_TO_REMOVE ?? '';
  const firmware = stringOr(env.FIRMWARE_FILES_PATH, '');
  return {
    machineConfigName: stringOr(mc.metadata?.name, ''),
    machineConfigPoolRef: stringOr(mc.metadata?.labels?.[ROLE_LABEL], ''),
    kernelModuleImage: image,
    kernelModuleName: module,
    inTreeModulesToRemove: inTree.split(/\s+/).filter(Boolean),
    workerImage: stringOr(env.WORKER_IMAGE, DEFAULT_WORKER_IMAGE),
    firmwareFilesPath: firmware === '' ? undefined : firmware,
    producedBy: 'KMM_DAY1_NAME' in env ? 'kmm-day1-console-plugin' : 'kmm',
    pullRebootInMcoWindow: readUnitList(unitContents(units, isPullUnit) ?? '', 'Before').some(
      (unit) => KUBELET_UNITS.has(unit),
    ),
  };
};
