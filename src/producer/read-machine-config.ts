import type { K8sObject, MachineConfig } from '../k8s/types';
import { ROLE_LABEL } from './machine-config';
import { REPLACE_UNIT_SUFFIX } from './node-layout';
import { DEFAULT_WORKER_IMAGE } from './options';
import { readEnvironment } from './systemd';

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
}

const isReplaceUnit = (name: string) =>
  name.endsWith(REPLACE_UNIT_SUFFIX) || name === REPLACE_UNIT_SUFFIX.slice(1);

/**
 * Recognises a Day 1 MachineConfig by its load unit (`<name>-replace-kernel-module.service`, or the
 * unprefixed name of KMM releases before 2.2) and reads its parameters from the unit's Environment lines.
 * Returns null for any other MachineConfig, including malformed ones.
 */
export const readDay1MachineConfig = (
  machineConfig: MachineConfig | K8sObject,
): Day1ConfigSummary | null => {
  const mc = machineConfig as Partial<MachineConfig>;
  const units = mc.spec?.config?.systemd?.units;
  if (!Array.isArray(units)) return null;
  const unit = units.find(
    (u) => typeof u?.name === 'string' && isReplaceUnit(u.name) && typeof u.contents === 'string',
  );
  if (!unit?.contents) return null;
  const env = readEnvironment(unit.contents);
  if (!env.KERNEL_MODULE_IMAGE || !env.KERNEL_MODULE) return null;
  // KMM 2.2-2.4 used a single IN_TREE_MODULE_TO_REMOVE.
  const inTree = env.IN_TREE_MODULES_TO_REMOVE ?? env.IN_TREE_MODULE_TO_REMOVE ?? '';
  return {
    machineConfigName: mc.metadata?.name ?? '',
    machineConfigPoolRef: mc.metadata?.labels?.[ROLE_LABEL] ?? '',
    kernelModuleImage: env.KERNEL_MODULE_IMAGE,
    kernelModuleName: env.KERNEL_MODULE,
    inTreeModulesToRemove: inTree.split(/\s+/).filter(Boolean),
    workerImage: env.WORKER_IMAGE || DEFAULT_WORKER_IMAGE,
    firmwareFilesPath: env.FIRMWARE_FILES_PATH || undefined,
    producedBy: env.KMM_DAY1_NAME ? 'kmm-day1-console-plugin' : 'kmm',
  };
};
