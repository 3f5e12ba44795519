import { execFileSync } from 'node:child_process';

/** A Day 1 MachineConfig as a user would make it: with day1-utility (built by `npm install`). */
export const day1MachineConfig = (name: string, pool: string, module = 'sfc'): unknown =>
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
        module,
        '-o',
        'json',
      ],
      { encoding: 'utf8' },
    ),
  ) as unknown;
