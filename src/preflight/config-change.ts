/**
 * What an edit of a Day 1 config changes, and so what it costs the nodes. Every change to a
 * MachineConfig makes MCO render, drain and reboot each node of the pools it reaches once. A new kernel
 * module image or worker image also makes each node pull it after that reboot and reboot a second time
 * (the Day 1 pull unit), as on first apply; any other change (in-tree modules, module name, firmware
 * path, or the config rewritten in this product's shape) reuses the images already on the nodes: one
 * reboot.
 */
import { DEFAULT_WORKER_IMAGE } from '../producer';
import type { Day1ConfigSummary, Day1Options } from '../producer';

/** The Day 1 parameters an edit can change (the name and pool are fixed). */
export type EditableField =
  | 'kernelModuleImage'
  | 'kernelModuleName'
  | 'inTreeModulesToRemove'
  | 'workerImage'
  | 'firmwareFilesPath';

export interface ConfigChange {
  /** The parameters whose value differs from the config in the cluster, in the form's order. */
  fields: EditableField[];
  /** The nodes need images they do not have yet: a pull and a second reboot. */
  newImage: boolean;
  /**
   * The MachineConfig differs from the one in the cluster even where the parameters do not (a config
   * KMM's tools made, or an earlier version of this product): saving rewrites its units and scripts.
   */
  rewritten: boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * The change from the config in the cluster (`before`, as the producer reads it back) to the
 * parameters in the form. `sameMachineConfig` says whether the produced MachineConfig equals the one
 * in the cluster (labels and spec), which the parameters alone cannot tell.
 */
export const configChange = (
  before: Day1ConfigSummary,
  after: Day1Options,
  sameMachineConfig: boolean,
): ConfigChange => {
  const fields: EditableField[] = [];
  if (before.kernelModuleImage !== after.kernelModuleImage) fields.push('kernelModuleImage');
  if (before.kernelModuleName !== after.kernelModuleName) fields.push('kernelModuleName');
  if (!sameList(before.inTreeModulesToRemove, after.inTreeModulesToRemove ?? []))
    fields.push('inTreeModulesToRemove');
  if (before.workerImage !== (after.workerImage ?? DEFAULT_WORKER_IMAGE))
    fields.push('workerImage');
  if ((before.firmwareFilesPath ?? '') !== (after.firmwareFilesPath ?? ''))
    fields.push('firmwareFilesPath');
  return {
    fields,
    newImage: fields.includes('kernelModuleImage') || fields.includes('workerImage'),
    rewritten: fields.length === 0 && !sameMachineConfig,
  };
};

/** Saving would change nothing in the cluster. */
export const isNoChange = (change: ConfigChange): boolean =>
  change.fields.length === 0 && !change.rewritten;
