import { parseImageReference } from './image-reference';
import type { Day1Options, FieldError } from './options';
import { LONGEST_NAME_SUFFIX } from './node-layout';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MODULE_NAME = /^[A-Za-z0-9_-]+$/;
// A leading '-' would make modprobe read the name as an option.
const MODULE_NAME_START = /^[A-Za-z0-9_]/;
/** Unit and file names are `<machineConfigName><suffix>`; systemd allows 255 characters in a unit name. */
export const MAX_MACHINE_CONFIG_NAME_LENGTH = 255 - LONGEST_NAME_SUFFIX.length;
export const MAX_POOL_NAME_LENGTH = 63;
/** The kernel's MODULE_NAME_LEN is 56 bytes including the terminating NUL. */
export const MAX_MODULE_NAME_LENGTH = 55;
export const MAX_FIRMWARE_PATH_LENGTH = 4096;

type Check = (value: string) => string | undefined;

const checkMachineConfigName: Check = (name) => {
  if (name.length > MAX_MACHINE_CONFIG_NAME_LENGTH) {
    return `is ${String(name.length)} characters long; at most ${String(MAX_MACHINE_CONFIG_NAME_LENGTH)} are allowed, because it prefixes systemd unit names such as "<name>${LONGEST_NAME_SUFFIX}" (255 characters at most)`;
  }
  if (!DNS_SUBDOMAIN.test(name)) {
    return `"${name}" is not a valid name: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit (for example "99-sfc-day1")`;
  }
  if (name.startsWith('rendered-')) {
    return 'must not start with "rendered-": the Machine Config Operator uses that prefix for the configs it renders';
  }
  return undefined;
};

export const checkPoolName: Check = (name) => {
  if (name.length > MAX_POOL_NAME_LENGTH || !DNS_LABEL.test(name)) {
    return `"${name}" is not a valid pool name: use up to ${String(MAX_POOL_NAME_LENGTH)} lowercase letters, digits and "-", starting and ending with a letter or digit (it becomes the label value machineconfiguration.openshift.io/role=<pool>)`;
  }
  return undefined;
};

const checkModuleName: Check = (name) => {
  if (!MODULE_NAME.test(name)) {
    return `"${name}" is not a valid kernel module name: use letters, digits, "_" and "-" only (modprobe treats "-" and "_" alike), without the .ko suffix`;
  }
  if (!MODULE_NAME_START.test(name)) {
    return `"${name}" must start with a letter, digit or "_": modprobe would read a leading "-" as an option`;
  }
  if (name.length > MAX_MODULE_NAME_LENGTH) {
    return `"${name}" is ${String(name.length)} characters long; kernel module names have at most ${String(MAX_MODULE_NAME_LENGTH)}`;
  }
  return undefined;
};

const checkKernelModuleImage: Check = (image) => {
  const parsed = parseImageReference(image);
  if ('error' in parsed) {
    return `"${image}" ${parsed.error}`;
  }
  const { tag, digest, domain, path } = parsed.reference;
  if (tag !== undefined || digest !== undefined) {
    const suffix = digest !== undefined ? `@${digest}` : `:${tag ?? ''}`;
    return `"${image}" has a ${digest !== undefined ? 'digest' : 'tag'} ("${suffix}"); give the image without a tag or digest, such as "${domain}/${path}": each node appends its own kernel version (":$(uname -r)", for example ":5.14.0-284.59.1.el9_2.x86_64")`;
  }
  return undefined;
};

const checkWorkerImage: Check = (image) => {
  const parsed = parseImageReference(image);
  return 'error' in parsed ? `"${image}" ${parsed.error}` : undefined;
};

const checkFirmwarePath: Check = (path) => {
  if (path.length > MAX_FIRMWARE_PATH_LENGTH) {
    return `is ${String(path.length)} characters long; at most ${String(MAX_FIRMWARE_PATH_LENGTH)} are allowed`;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return 'must not contain control characters such as newlines or tabs';
  }
  if (!path.startsWith('/')) {
    return `"${path}" must be an absolute path inside the kernel module image, such as "/firmware"`;
  }
  const segments = path.slice(1).split('/');
  if (
    path === '/' ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    return `"${path}" must be a normalised directory path below "/": no empty, "." or ".." segments and no trailing "/" (for example "/firmware")`;
  }
  return undefined;
};

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Checks every option and returns one error per problem, in field order; an empty array means valid.
 * Optional options that are undefined or empty are treated as not given.
 */
export const validateDay1Options = (options: Day1Options): FieldError[] => {
  const errors: FieldError[] = [];
  const input = options as Partial<Record<keyof Day1Options, unknown>>;

  const required = (field: keyof Day1Options, what: string, check: Check) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      errors.push({ field, message: `${what} is required` });
    } else if (!isString(value)) {
      errors.push({ field, message: `${what} must be a string` });
    } else {
      const message = check(value);
      if (message !== undefined) errors.push({ field, message });
    }
  };
  const optional = (field: keyof Day1Options, what: string, check: Check) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') return;
    if (!isString(value)) {
      errors.push({ field, message: `${what} must be a string` });
      return;
    }
    const message = check(value);
    if (message !== undefined) errors.push({ field, message });
  };

  required('machineConfigName', 'The MachineConfig name', checkMachineConfigName);
  required('machineConfigPoolRef', 'The MachineConfigPool name', checkPoolName);
  required('kernelModuleImage', 'The kernel module image', checkKernelModuleImage);
  required('kernelModuleName', 'The kernel module name', checkModuleName);

  const inTree = input.inTreeModulesToRemove;
  if (inTree !== undefined && inTree !== null) {
    if (!Array.isArray(inTree) || !inTree.every(isString)) {
      errors.push({ field: 'inTreeModulesToRemove', message: 'must be a list of module names' });
    } else {
      const seen = new Map<string, string>();
      inTree.forEach((name, index) => {
        const position = `entry ${String(index + 1)}`;
        if (name === '') {
          errors.push({
            field: 'inTreeModulesToRemove',
            message: `${position} is empty; give a module name or remove the entry`,
            index,
          });
          return;
        }
        const message = checkModuleName(name);
        if (message !== undefined) {
          errors.push({
            field: 'inTreeModulesToRemove',
            message: `${position}: ${message}`,
            index,
          });
          return;
        }
        const canonical = name.replace(/-/g, '_');
        const earlier = seen.get(canonical);
        if (earlier !== undefined) {
          errors.push({
            field: 'inTreeModulesToRemove',
            message: `${position}: "${name}" repeats "${earlier}" (modprobe treats "-" and "_" alike); list each module once`,
            index,
          });
        }
        seen.set(canonical, name);
      });
    }
  }

  optional('workerImage', 'The worker image', checkWorkerImage);
  optional('firmwareFilesPath', 'The firmware path', checkFirmwarePath);
  return errors;
};
