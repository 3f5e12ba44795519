import { DEFAULT_WORKER_IMAGE } from './worker-image';
import type { Day1Options } from './options';

/** Quotes a word for a POSIX shell: bare when it is plainly safe, else single-quoted. */
export const shellQuote = (word: string): string =>
  /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * The `day1-utility` command line that produces the same MachineConfig as `options`, for users who
 * keep their configs in scripts or Git. Optional flags appear only when they differ from the defaults.
 */
export const day1UtilityCommand = (options: Day1Options): string => {
  const flags: [string, string][] = [
    ['-machine-config', options.machineConfigName],
    ['-machine-config-pool', options.machineConfigPoolRef],
    ['-image', options.kernelModuleImage],
    ['-kernel-module', options.kernelModuleName],
  ];
  const inTree = options.inTreeModulesToRemove ?? [];
  if (inTree.length > 0) flags.push(['-in-tree-modules-to-remove', inTree.join(',')]);
  if (options.workerImage && options.workerImage !== DEFAULT_WORKER_IMAGE) {
    flags.push(['-worker-image', options.workerImage]);
  }
  if (options.firmwareFilesPath) flags.push(['-firmware-files-path', options.firmwareFilesPath]);
  return ['day1-utility', ...flags.flatMap(([flag, value]) => [flag, shellQuote(value)])].join(' ');
};

/**
 * A MachineConfig name for a module and pool, such as "99-sfc-sfc-day1": prefixed "99-" so that MCO
 * merges it after the base configs, and valid whatever the module name's case or underscores.
 */
export const defaultMachineConfigName = (kernelModuleName: string, poolName: string): string => {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const parts = ['99', slug(poolName), slug(kernelModuleName), 'day1'].filter(Boolean);
  return parts.join('-').replace(/-{2,}/g, '-');
};
