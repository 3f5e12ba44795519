import { execFileSync } from 'node:child_process';

/**
 * A Day 1 MachineConfig as a user would make it: with day1-utility (built by `npm install`). The
 * in-tree modules to remove are the module itself unless given.
 */
export const day1MachineConfig = (
  name: string,
  pool: string,
  module = 'sfc',
  inTreeModulesToRemove = [module],
): unknown =>
  JSON.parse(
    execFileSync(
      'node',
      [
        'bin/day1-utility.cjs',
        '-machine-config',
        name,
        '-machine-config-pool',
        pool,
        '-image',
        `quay.io/acme/${module}-kmod`,
        '-kernel-module',
        module,
        '-in-tree-modules-to-remove',
        inTreeModulesToRemove.join(','),
        '-o',
        'json',
      ],
      { encoding: 'utf8' },
    ),
  ) as unknown;
