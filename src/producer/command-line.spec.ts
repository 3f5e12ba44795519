/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { SFC_EXAMPLE } from '../../test/support/examples';
import { day1UtilityCommand, defaultMachineConfigName } from './command-line';
import { produceMachineConfigYAML } from './yaml';
import { validateDay1Options } from './validate';

const ROOT = join(__dirname, '..', '..');
const sfc = SFC_EXAMPLE;

beforeAll(() => {
  execFileSync('node', [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
});

/** Runs the command line through bash, with day1-utility resolved to this repository's CLI. */
const runInShell = (command: string): string =>
  execFileSync(
    'bash',
    ['-c', command.replace(/^day1-utility /, `node ${join(ROOT, 'bin', 'day1-utility.cjs')} `)],
    {
      encoding: 'utf8',
    },
  );

describe('day1UtilityCommand', () => {
  it('writes the flags a user would type, leaving out defaults', () => {
    expect(day1UtilityCommand(sfc)).toBe(
      'day1-utility -machine-config 99-sfc-day1 -machine-config-pool sfc -image quay.io/acme/sfc-kmod -kernel-module sfc -in-tree-modules-to-remove sfc,mdio',
    );
    expect(
      day1UtilityCommand({
        ...sfc,
        inTreeModulesToRemove: [],
        workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
      }),
    ).toBe(
      'day1-utility -machine-config 99-sfc-day1 -machine-config-pool sfc -image quay.io/acme/sfc-kmod -kernel-module sfc',
    );
  });

  it.each([
    ['the sfc example', sfc],
    [
      'a worker image and a firmware path full of shell specials',
      {
        ...sfc,
        workerImage: 'registry.example.com:5000/kmm/worker:v2.5',
        firmwareFilesPath: `/fw/it's "50%" $HOME \`id\` $(reboot) & ; | *`,
      },
    ],
  ])('produces exactly the same MachineConfig when run in a shell: %s', (_name, options) => {
    expect(runInShell(day1UtilityCommand(options))).toBe(produceMachineConfigYAML(options));
  });
});

describe('defaultMachineConfigName', () => {
  it('names the config after the pool and module', () => {
    expect(defaultMachineConfigName('sfc', 'sfc')).toBe('99-sfc-sfc-day1');
    expect(defaultMachineConfigName('ice', 'worker')).toBe('99-worker-ice-day1');
    expect(defaultMachineConfigName('Nvme_Core', 'worker')).toBe('99-worker-nvme-core-day1');
    expect(defaultMachineConfigName('', '')).toBe('99-day1');
  });

  it('is a valid MachineConfig name for every valid module and pool name', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,54}$/),
        fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/),
        (module, pool) => {
          const options = { ...sfc, kernelModuleName: module, machineConfigPoolRef: pool };
          const name = defaultMachineConfigName(module, pool);
          expect(validateDay1Options({ ...options, machineConfigName: name })).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
