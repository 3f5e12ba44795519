/**
 * KMM's BootModuleConfig (BMC, KMM 2.5 and later): a namespaced resource from which KMM's controller
 * writes a Day 1 MachineConfig (`spec.machineConfigName`, role label from
 * `spec.machineConfigPoolName`). A MachineConfig a BMC manages must be changed through the BMC: KMM
 * would put its own version back over an edit made anywhere else.
 */
import type { K8sObject } from './types';

const BOOT_MODULE_CONFIG_GROUP = 'kmm.sigs.x-k8s.io';

export interface BootModuleConfig extends K8sObject {
  metadata: { name: string; namespace?: string };
  spec?: {
    machineConfigName?: string;
    machineConfigPoolName?: string;
    kernelModuleImage?: string;
    kernelModuleName?: string;
    inTreeModulesToRemove?: string[];
    firmwareFilesPath?: string;
    workerImage?: string;
  };
}

interface OwnerReference {
  apiVersion?: unknown;
  kind?: unknown;
  name?: unknown;
}

/** The BMC that manages a MachineConfig: its name, and its namespace when the BMC itself is known. */
export interface ManagingBootModuleConfig {
  name: string;
  namespace?: string;
  /** How we know: an owner reference on the MachineConfig, or the BMC's `spec.machineConfigName`. */
  through: 'ownerReference' | 'machineConfigName';
}

const ownerReferencesOf = (machineConfig: unknown): OwnerReference[] => {
  const refs = (machineConfig as { metadata?: { ownerReferences?: unknown } } | null)?.metadata
    ?.ownerReferences;
  return Array.isArray(refs) ? (refs as OwnerReference[]) : [];
};

const isBmcReference = (ref: OwnerReference): boolean =>
  ref.kind === 'BootModuleConfig' &&
  typeof ref.apiVersion === 'string' &&
  ref.apiVersion.split('/')[0] === BOOT_MODULE_CONFIG_GROUP &&
  typeof ref.name === 'string';

/**
 * The BootModuleConfig that manages `machineConfig`, if any: one it names as an owner, or one whose
 * `spec.machineConfigName` is its name. `bootModuleConfigs` are the BMCs listed in the cluster (empty
 * where KMM is not installed, or when they cannot be listed: the owner reference still tells).
 */
export const managingBootModuleConfig = (
  machineConfig: { metadata?: { name?: string } } | null | undefined,
  bootModuleConfigs: readonly BootModuleConfig[],
): ManagingBootModuleConfig | undefined => {
  const name = machineConfig?.metadata?.name;
  const owner = ownerReferencesOf(machineConfig).find(isBmcReference);
  if (owner !== undefined) {
    const ownerName = owner.name as string;
    // An owner reference names no namespace: a BMC of that name, if there is exactly one, is it.
    const candidates = bootModuleConfigs.filter((bmc) => bmc.metadata.name === ownerName);
    return {
      name: ownerName,
      namespace: candidates.length === 1 ? candidates[0].metadata.namespace : undefined,
      through: 'ownerReference',
    };
  }
  if (name === undefined) return undefined;
  const bmc = bootModuleConfigs.find((b) => b.spec?.machineConfigName === name);
  return bmc === undefined
    ? undefined
    : { name: bmc.metadata.name, namespace: bmc.metadata.namespace, through: 'machineConfigName' };
};
