/**
 * The producer's problems in English, for the CLI and for error messages. The console pages word the
 * same codes through the translation catalog (src/views/day1-create/validation-text.ts), whose English
 * is this text.
 */
import type { PoolProblem } from './pool-options';
import type { Day1Warning } from './warnings';
import type {
  Day1Options,
  FieldError,
  FieldProblem,
  ImageReferenceProblem,
  ModuleNameProblem,
} from './options';

/** What a required or typed option is called at the start of a sentence. */
const SUBJECT: Record<keyof Day1Options, string> = {
  machineConfigName: 'The MachineConfig name',
  machineConfigPoolRef: 'The MachineConfigPool name',
  kernelModuleImage: 'The kernel module image',
  kernelModuleName: 'The kernel module name',
  inTreeModulesToRemove: 'The in-tree modules',
  workerImage: 'The worker image',
  firmwareFilesPath: 'The firmware path',
};

/** `"<image>" …`: the problem follows the image it is about. */
const formatImageReferenceProblem = (image: string, problem: ImageReferenceProblem): string => {
  switch (problem.code) {
    case 'imageHasSpaces':
      return `"${image}" must not contain spaces`;
    case 'imageInvalidDigest':
      return `"${image}" has an invalid digest "@${problem.params.digest}" (expected "@sha256:" and 64 hex digits)`;
    case 'imageInvalidTag':
      return `"${image}" has an invalid tag ":${problem.params.tag}" (up to 128 letters, digits, "_", "." and "-", not starting with "." or "-")`;
    case 'imageNoRegistryHost':
      return `"${image}" has no registry host; give a fully qualified image such as "quay.io/acme/sfc-kmod" (nodes pull without a terminal, and podman will not guess the registry of a short name)`;
    case 'imageInvalidRegistryHost':
      return `"${image}" has an invalid registry host "${problem.params.host}"`;
    case 'imageInvalidPathComponent':
      return `"${image}" has an invalid repository path component "${problem.params.component}" (use lowercase letters and digits, separated by ".", "_", "__" or "-")`;
    case 'imageNameTooLong':
      return `"${image}" is ${String(problem.params.length)} characters long without its tag; at most ${String(problem.params.max)} are allowed`;
  }
};

const formatModuleNameProblem = (problem: ModuleNameProblem): string => {
  const { name } = problem.params;
  switch (problem.code) {
    case 'moduleNameInvalid':
      return `"${name}" is not a valid kernel module name: use letters, digits, "_" and "-" only (modprobe treats "-" and "_" alike), without the .ko suffix`;
    case 'moduleNameLeadingDash':
      return `"${name}" must start with a letter, digit or "_": modprobe would read a leading "-" as an option`;
    case 'moduleNameTooLong':
      return `"${name}" is ${String(problem.params.length)} characters long; kernel module names have at most ${String(problem.params.max)}`;
  }
};

const formatFieldProblem = (field: keyof Day1Options, problem: FieldProblem): string => {
  switch (problem.code) {
    case 'required':
      return `${SUBJECT[field]} is required`;
    case 'notString':
      return `${SUBJECT[field]} must be a string`;
    case 'notList':
      return 'must be a list of module names';
    case 'machineConfigNameTooLong':
      return `is ${String(problem.params.length)} characters long; at most ${String(problem.params.max)} are allowed, because it prefixes systemd unit names such as "<name>${problem.params.suffix}" (255 characters at most)`;
    case 'machineConfigNameInvalid':
      return `"${problem.params.name}" is not a valid name: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (for example "99-sfc-day1")`;
    case 'machineConfigNameRendered':
      return 'must not start with "rendered-": the Machine Config Operator uses that prefix for the configs it renders';
    case 'poolNameInvalid':
      return `"${problem.params.name}" is not a valid pool name: use up to ${String(problem.params.max)} lowercase letters, digits and "-", starting and ending with a letter or digit (it becomes the label value machineconfiguration.openshift.io/role=<pool>)`;
    case 'moduleNameInvalid':
    case 'moduleNameLeadingDash':
    case 'moduleNameTooLong':
      return formatModuleNameProblem(problem);
    case 'imageInvalid':
      return formatImageReferenceProblem(problem.params.image, problem.params.problem);
    case 'imageHasTag':
    case 'imageHasDigest': {
      const { image, repository } = problem.params;
      const [kind, suffix] =
        problem.code === 'imageHasTag'
          ? ['tag', `:${problem.params.tag}`]
          : ['digest', `@${problem.params.digest}`];
      return `"${image}" has a ${kind} ("${suffix}"); give the image without a tag or digest, such as "${repository}": each node appends its own kernel version (":$(uname -r)", for example ":5.14.0-284.59.1.el9_2.x86_64")`;
    }
    case 'firmwarePathTooLong':
      return `is ${String(problem.params.length)} characters long; at most ${String(problem.params.max)} are allowed`;
    case 'firmwarePathControlCharacters':
      return 'must not contain control characters such as newlines or tabs';
    case 'firmwarePathNotAbsolute':
      return `"${problem.params.path}" must be an absolute path inside the kernel module image, such as "/firmware"`;
    case 'firmwarePathNotNormalised':
      return `"${problem.params.path}" must be a normalised directory path below "/": no empty, "." or ".." segments and no trailing "/" (for example "/firmware")`;
    case 'inTreeEntryEmpty':
      return `entry ${String(problem.params.entry)} is empty; give a module name or remove the entry`;
    case 'inTreeEntryInvalid':
      return `entry ${String(problem.params.entry)}: ${formatModuleNameProblem(problem.params.problem)}`;
    case 'inTreeEntryRepeats':
      return `entry ${String(problem.params.entry)}: "${problem.params.name}" repeats "${problem.params.earlier}" (modprobe treats "-" and "_" alike); list each module once`;
  }
};

/** One option's problem in English, without the option's name (the CLI puts its flag first). */
export const formatFieldError = (error: FieldError): string =>
  formatFieldProblem(error.field, error);

/** A custom pool's problem in English. */
export const formatPoolProblem = (problem: PoolProblem): string => {
  switch (problem.code) {
    case 'poolNameInvalid':
      return formatFieldProblem('machineConfigPoolRef', problem);
    case 'poolNameBuiltIn':
      return `"${problem.params.name}" is a built-in pool; choose a new name for a custom pool`;
    case 'maxUnavailableInvalid':
      return 'maxUnavailable must be a whole number of at least 1, or a percentage from "1%" to "100%"';
  }
};

/** A warning in English, without the option's name (the CLI puts its flag first). */
// One code so far (imageFromInClusterRegistry); switch on warning.code when there are more.
export const formatDay1Warning = (warning: Day1Warning): string =>
  `${warning.params.host} is served by the cluster's own registry, which a node cannot reach before its kubelet starts, when the Day 1 units pull: nodes would boot without the module. Push the image to a registry the nodes reach without the cluster's network (for example quay.io or a mirror registry).`;
