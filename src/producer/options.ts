/** The Day 1 parameters, named as in KMM's API and the seed document. */
export interface Day1Options {
  /** metadata.name of the MachineConfig; also prefixes the unit, script, pod and state names on the node. */
  machineConfigName: string;
  /** The MachineConfigPool whose nodes load the module (the MachineConfig's role label). */
  machineConfigPoolRef: string;
  /** Kernel module image without a tag: the node appends `:$(uname -r)`. */
  kernelModuleImage: string;
  /** The out-of-tree module to load, as modprobe names it. */
  kernelModuleName: string;
  /** In-tree modules to unload first, if they are present on the node. */
  inTreeModulesToRemove?: string[];
  /** The KMM worker image that runs `kmod load`. */
  workerImage?: string;
  /** Directory inside the kernel module image whose files are copied to /var/lib/firmware. */
  firmwareFilesPath?: string;
}

/** One problem with one option. `field` is the Day1Options key it concerns. */
export interface FieldError {
  field: keyof Day1Options;
  message: string;
  /** For a list option (inTreeModulesToRemove), the 0-based entry the problem is about. */
  index?: number;
}

export const DEFAULT_WORKER_IMAGE =
  'quay.io/edge-infrastructure/kernel-module-management-worker:latest';

/** Thrown by the producer for invalid options; `errors` lists every field problem. */
export class Day1ValidationError extends Error {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    super(`invalid Day 1 options:\n${errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}`);
    this.name = 'Day1ValidationError';
    this.errors = errors;
  }
}
