import { parseImageReference } from './image-reference';
import type {
  Day1Options,
  FieldError,
  FieldProblem,
  ModuleNameProblem,
  PoolNameProblem,
} from './options';
import { LONGEST_NAME_SUFFIX } from './node-layout';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MODULE_NAME = /^[A-Za-z0-9_-]+$/;
// A leading '-' would make modprobe read the name as an option.
const MODULE_NAME_START = /^[A-Za-z0-9_]/;
/** Unit and file names are `<machineConfigName><suffix>`; systemd allows 255 characters in a unit name. */
const MAX_MACHINE_CONFIG_NAME_LENGTH = 255 - LONGEST_NAME_SUFFIX.length;
const MAX_POOL_NAME_LENGTH = 63;
/** The kernel's MODULE_NAME_LEN is 56 bytes including the terminating NUL. */
const MAX_MODULE_NAME_LENGTH = 55;
const MAX_FIRMWARE_PATH_LENGTH = 4096;

type Check = (value: string) => FieldProblem | undefined;

const checkMachineConfigName: Check = (name) => {
  if (name.length > MAX_MACHINE_CONFIG_NAME_LENGTH) {
    return {
      code: 'machineConfigNameTooLong',
      params: {
        length: name.length,
        max: MAX_MACHINE_CONFIG_NAME_LENGTH,
        suffix: LONGEST_NAME_SUFFIX,
      },
    };
  }
  if (!DNS_SUBDOMAIN.test(name)) return { code: 'machineConfigNameInvalid', params: { name } };
  if (name.startsWith('rendered-')) return { code: 'machineConfigNameRendered', params: {} };
  return undefined;
};

export const checkPoolName = (name: string): PoolNameProblem | undefined =>
  name.length > MAX_POOL_NAME_LENGTH || !DNS_LABEL.test(name)
    ? { code: 'poolNameInvalid', params: { name, max: MAX_POOL_NAME_LENGTH } }
    : undefined;

const checkModuleName = (name: string): ModuleNameProblem | undefined => {
  if (!MODULE_NAME.test(name)) return { code: 'moduleNameInvalid', params: { name } };
  if (!MODULE_NAME_START.test(name)) return { code: 'moduleNameLeadingDash', params: { name } };
  if (name.length > MAX_MODULE_NAME_LENGTH) {
    return {
      code: 'moduleNameTooLong',
      params: { name, length: name.length, max: MAX_MODULE_NAME_LENGTH },
    };
  }
  return undefined;
};

const checkKernelModuleImage: Check = (image) => {
  const parsed = parseImageReference(image);
  if ('error' in parsed) return { code: 'imageInvalid', params: { image, problem: parsed.error } };
  const { tag, digest, domain, path } = parsed.reference;
  const repository = `${domain}/${path}`;
  if (digest !== undefined)
    return { code: 'imageHasDigest', params: { image, digest, repository } };
  if (tag !== undefined) return { code: 'imageHasTag', params: { image, tag, repository } };
  return undefined;
};

const checkWorkerImage: Check = (image) => {
  const parsed = parseImageReference(image);
  return 'error' in parsed
    ? { code: 'imageInvalid', params: { image, problem: parsed.error } }
    : undefined;
};

const checkFirmwarePath: Check = (path) => {
  if (path.length > MAX_FIRMWARE_PATH_LENGTH) {
    return {
      code: 'firmwarePathTooLong',
      params: { length: path.length, max: MAX_FIRMWARE_PATH_LENGTH },
    };
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
  if (/[\u0000-\u001f\u007f]/.test(path)) {
    return { code: 'firmwarePathControlCharacters', params: {} };
  }
  if (!path.startsWith('/')) return { code: 'firmwarePathNotAbsolute', params: { path } };
  const segments = path.slice(1).split('/');
  if (
    path === '/' ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    return { code: 'firmwarePathNotNormalised', params: { path } };
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

  const add = (field: keyof Day1Options, problem: FieldProblem | undefined) => {
    if (problem !== undefined) errors.push({ field, ...problem });
  };
  const required = (field: keyof Day1Options, check: Check) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      add(field, { code: 'required', params: {} });
    } else if (!isString(value)) {
      add(field, { code: 'notString', params: {} });
    } else {
      add(field, check(value));
    }
  };
  const optional = (field: keyof Day1Options, check: Check) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') return;
    add(field, isString(value) ? check(value) : { code: 'notString', params: {} });
  };

  required('machineConfigName', checkMachineConfigName);
  required('machineConfigPoolRef', checkPoolName);
  required('kernelModuleImage', checkKernelModuleImage);
  required('kernelModuleName', checkModuleName);

  const inTree = input.inTreeModulesToRemove;
  if (inTree !== undefined && inTree !== null) {
    if (!Array.isArray(inTree) || !inTree.every(isString)) {
      add('inTreeModulesToRemove', { code: 'notList', params: {} });
    } else {
      const seen = new Map<string, string>();
      inTree.forEach((name, index) => {
        const entry = index + 1;
        if (name === '') {
          add('inTreeModulesToRemove', { code: 'inTreeEntryEmpty', params: { entry } });
          return;
        }
        const problem = checkModuleName(name);
        if (problem !== undefined) {
          add('inTreeModulesToRemove', { code: 'inTreeEntryInvalid', params: { entry, problem } });
          return;
        }
        const canonical = name.replace(/-/g, '_');
        const earlier = seen.get(canonical);
        if (earlier !== undefined) {
          add('inTreeModulesToRemove', {
            code: 'inTreeEntryRepeats',
            params: { entry, name, earlier },
          });
        }
        seen.set(canonical, name);
      });
    }
  }

  optional('workerImage', checkWorkerImage);
  optional('firmwareFilesPath', checkFirmwarePath);
  return errors;
};
