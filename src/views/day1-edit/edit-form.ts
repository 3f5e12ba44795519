/**
 * The edit page's rules about objects: the form filled from a config in the cluster, the object an
 * update sends (the produced config over the one in the cluster, keeping what others put on it), and
 * the two as comparable documents for the diff.
 */
import type { MachineConfig, ObjectMeta } from '../../k8s/types';
import { DEFAULT_WORKER_IMAGE } from '../../producer';
import type { Day1Options } from '../../producer';
import { initialFormValues } from '../day1-create/create-form';
import type { CreateFormValues } from '../day1-create/create-form';

/**
 * The create form's values for an existing config (its summary as read from the cluster, or the
 * parameters of a reapplied edit): its name and pool fixed, its parameters as given.
 */
export const formValuesFromSummary = (summary: Day1Options): CreateFormValues => ({
  ...initialFormValues(summary.machineConfigPoolRef),
  machineConfigName: summary.machineConfigName,
  nameEdited: true,
  kernelModuleImage: summary.kernelModuleImage,
  kernelModuleName: summary.kernelModuleName,
  inTreeModulesToRemove: [...(summary.inTreeModulesToRemove ?? [])],
  workerImage: summary.workerImage ?? DEFAULT_WORKER_IMAGE,
  firmwareFilesPath: summary.firmwareFilesPath ?? '',
});

/** Metadata the API server writes: not the user's to change, and noise in a diff. */
const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
] as const;

/**
 * The config as a document to compare: what a user writes (name, labels, annotations, owners and
 * spec), without what the API server adds. `kind` and `apiVersion` are always set: list items from a
 * watch may lack them.
 */
export const comparableMachineConfig = (machineConfig: MachineConfig): MachineConfig => {
  const metadata: Record<string, unknown> = { ...machineConfig.metadata };
  for (const key of SERVER_METADATA) Reflect.deleteProperty(metadata, key);
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata: metadata as unknown as MachineConfig['metadata'],
    spec: machineConfig.spec,
  };
};

/**
 * The object to send with the update: `base` (the config as the user last loaded it, with its
 * resourceVersion, so that the API server refuses the update if it changed since) with the produced
 * config's labels and spec. Other labels, annotations and owner references are kept.
 */
export const updatedMachineConfig = (
  base: MachineConfig,
  produced: MachineConfig,
): MachineConfig => {
  const metadata: ObjectMeta & { name: string; labels: Record<string, string> } = {
    ...base.metadata,
    labels: { ...base.metadata.labels, ...produced.metadata.labels },
  };
  return {
    ...base,
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata,
    spec: { ...base.spec, ...produced.spec },
  };
};

/** JSON with object keys sorted, so two equal objects give the same text whatever their key order. */
const canonicalJSON = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );

/** The two configs say the same thing (server metadata aside). */
export const sameMachineConfig = (a: MachineConfig, b: MachineConfig): boolean =>
  canonicalJSON(comparableMachineConfig(a)) === canonicalJSON(comparableMachineConfig(b));
