import { formatFieldError } from './english';

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

/** The parameters of a code that needs none. */
type NoParams = Record<string, undefined>;

/** Why an image reference does not parse (parseImageReference). */
export type ImageReferenceProblem =
  | { code: 'imageHasSpaces'; params: NoParams }
  | { code: 'imageInvalidDigest'; params: { digest: string } }
  | { code: 'imageInvalidTag'; params: { tag: string } }
  | { code: 'imageNoRegistryHost'; params: NoParams }
  | { code: 'imageInvalidRegistryHost'; params: { host: string } }
  | { code: 'imageInvalidPathComponent'; params: { component: string } }
  | { code: 'imageNameTooLong'; params: { length: number; max: number } };

/** Why a kernel module name is not one modprobe takes. */
export type ModuleNameProblem =
  | { code: 'moduleNameInvalid'; params: { name: string } }
  | { code: 'moduleNameLeadingDash'; params: { name: string } }
  | { code: 'moduleNameTooLong'; params: { name: string; length: number; max: number } };

/** Why a pool name is not valid; shared by the Day 1 options and a new custom pool. */
export interface PoolNameProblem {
  code: 'poolNameInvalid';
  params: { name: string; max: number };
}

/**
 * One problem with one option, as a code and its parameters: the views translate it, and the CLI
 * words it with formatFieldError (./english). `entry` counts the in-tree list from 1.
 */
export type FieldProblem =
  | { code: 'required'; params: NoParams }
  | { code: 'notString'; params: NoParams }
  | { code: 'notList'; params: NoParams }
  | { code: 'machineConfigNameTooLong'; params: { length: number; max: number; suffix: string } }
  | { code: 'machineConfigNameInvalid'; params: { name: string } }
  | { code: 'machineConfigNameRendered'; params: NoParams }
  | PoolNameProblem
  | ModuleNameProblem
  | { code: 'imageInvalid'; params: { image: string; problem: ImageReferenceProblem } }
  | { code: 'imageHasTag'; params: { image: string; tag: string; repository: string } }
  | { code: 'imageHasDigest'; params: { image: string; digest: string; repository: string } }
  | { code: 'firmwarePathTooLong'; params: { length: number; max: number } }
  | { code: 'firmwarePathControlCharacters'; params: NoParams }
  | { code: 'firmwarePathNotAbsolute'; params: { path: string } }
  | { code: 'firmwarePathNotNormalised'; params: { path: string } }
  | { code: 'inTreeEntryEmpty'; params: { entry: number } }
  | { code: 'inTreeEntryInvalid'; params: { entry: number; problem: ModuleNameProblem } }
  | { code: 'inTreeEntryRepeats'; params: { entry: number; name: string; earlier: string } };

/** One problem with one option. `field` is the Day1Options key it concerns. */
export type FieldError = { field: keyof Day1Options } & FieldProblem;

/** Thrown by the producer for invalid options; `errors` lists every field problem. */
export class Day1ValidationError extends Error {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    super(
      `invalid Day 1 options:\n${errors.map((e) => `  ${e.field}: ${formatFieldError(e)}`).join('\n')}`,
    );
    this.name = 'Day1ValidationError';
    this.errors = errors;
  }
}
