import {
  DEFAULT_WORKER_IMAGE,
  day1Warnings,
  formatDay1Warning,
  formatFieldError,
  produceMachineConfig,
  toYAML,
  validateDay1Options,
} from '../producer';
import type { Day1Options } from '../producer';
import { formatUsage, parseFlags, UsageError } from './flags';
import type { FlagSpec } from './flags';
import type { CommandIO } from './io';

/** KMM's day1-utility flags, mapped to the producer's option names. */
const OPTION_FLAGS: (FlagSpec & { option: keyof Day1Options })[] = [
  {
    name: 'machine-config',
    option: 'machineConfigName',
    usage: 'name of the MachineConfig to create (required)',
  },
  {
    name: 'machine-config-pool',
    option: 'machineConfigPoolRef',
    usage: 'MachineConfigPool whose nodes load the module (required)',
  },
  {
    name: 'image',
    option: 'kernelModuleImage',
    usage: 'kernel module image, without a tag: each node appends its kernel version (required)',
  },
  {
    name: 'kernel-module',
    option: 'kernelModuleName',
    usage: 'name of the out-of-tree kernel module to load (required)',
  },
  {
    name: 'in-tree-modules-to-remove',
    aliases: ['in-tree-module-to-remove'],
    option: 'inTreeModulesToRemove',
    valueName: 'list',
    usage: 'comma-separated in-tree modules to unload first, if present',
  },
  {
    name: 'worker-image',
    option: 'workerImage',
    usage: `KMM worker image (default "${DEFAULT_WORKER_IMAGE}")`,
  },
  {
    name: 'firmware-files-path',
    option: 'firmwareFilesPath',
    valueName: 'path',
    usage:
      'directory of firmware files inside the kernel module image, copied to /var/lib/firmware',
  },
];

const FLAGS: FlagSpec[] = [
  ...OPTION_FLAGS,
  {
    name: 'o',
    aliases: ['output'],
    valueName: 'format',
    usage: 'output format: yaml (default) or json',
  },
  { name: 'version', boolean: true, usage: 'print the version and exit' },
  { name: 'h', aliases: ['help'], boolean: true, usage: 'print this help and exit' },
];

export const USAGE = formatUsage(
  `Usage: day1-utility -machine-config NAME -machine-config-pool POOL -image IMAGE -kernel-module MODULE [flags]

Prints a MachineConfig that loads an out-of-tree kernel module at boot (KMM Day 1) on the nodes of a
MachineConfigPool. Apply it with: day1-utility ... | oc apply -f -

To follow the rollout that follows: day1-utility rollout -f FILE (see day1-utility rollout -h).`,
  FLAGS,
);

const flagFor = (option: keyof Day1Options) =>
  `-${OPTION_FLAGS.find((f) => f.option === option)?.name ?? option}`;

const splitList = (value: string): string[] =>
  value.trim() === '' ? [] : value.split(',').map((item) => item.trim());

export const runProduce = (argv: string[], io: CommandIO, version: string): number => {
  const { values, positional } = parseFlags(FLAGS, argv);
  if (values.has('h')) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.has('version')) {
    io.stdout(`day1-utility version ${version}\n`);
    return 0;
  }
  if (positional.length > 0) {
    throw new UsageError(
      `unexpected argument "${positional[0]}": every value is given with a flag`,
    );
  }
  const last = (name: string) => values.get(name)?.at(-1);
  const format = last('o') ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') {
    throw new UsageError(`-o must be "yaml" or "json", not "${format}"`);
  }
  const inTree = values.get('in-tree-modules-to-remove');
  const options: Day1Options = {
    machineConfigName: last('machine-config') ?? '',
    machineConfigPoolRef: last('machine-config-pool') ?? '',
    kernelModuleImage: last('image') ?? '',
    kernelModuleName: last('kernel-module') ?? '',
    inTreeModulesToRemove: inTree ? inTree.flatMap(splitList) : undefined,
    workerImage: last('worker-image'),
    firmwareFilesPath: last('firmware-files-path'),
  };
  const errors = validateDay1Options(options);
  if (errors.length > 0) {
    io.stderr(
      `day1-utility: cannot produce the MachineConfig:\n${errors
        .map((e) => `  ${flagFor(e.field)}: ${formatFieldError(e)}\n`)
        .join('')}Run "day1-utility -h" for the flags.\n`,
    );
    return 1;
  }
  // Warnings go to stderr, so `day1-utility ... | oc apply -f -` still applies the MachineConfig.
  for (const warning of day1Warnings(options)) {
    io.stderr(`day1-utility: warning: ${flagFor(warning.field)}: ${formatDay1Warning(warning)}\n`);
  }
  const machineConfig = produceMachineConfig(options);
  io.stdout(
    format === 'json' ? `${JSON.stringify(machineConfig, null, 2)}\n` : toYAML(machineConfig),
  );
  return 0;
};
