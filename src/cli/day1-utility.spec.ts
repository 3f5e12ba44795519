/**
 * @jest-environment node
 *
 * The built day1-utility, run as a user runs it: flags in, YAML or JSON on stdout, errors on stderr.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { SFC_EXAMPLE } from '../../test/support/examples';
import { machineConfigErrors } from '../../test/support/schema-checks';
import { produceMachineConfig } from '../producer';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'day1-utility.cjs');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

beforeAll(() => {
  // Test the CLI built from the current sources.
  execFileSync('node', [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
});

const run = (...args: string[]) => {
  const result = spawnSync('node', [BIN, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const SFC = [
  '-machine-config',
  '99-sfc-day1',
  '-machine-config-pool',
  'sfc',
  '-image',
  'quay.io/acme/sfc-kmod',
  '-kernel-module',
  'sfc',
  '-in-tree-modules-to-remove',
  'sfc,mdio',
];
const expected = produceMachineConfig(SFC_EXAMPLE);

describe('producing a MachineConfig', () => {
  it('prints a MachineConfig the cluster accepts, on stdout only, and exits 0', () => {
    const { status, stdout, stderr } = run(...SFC);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(load(stdout)).toEqual(expected);
    expect(machineConfigErrors(load(stdout))).toEqual([]);
  });

  it('warns on stderr, and still prints the MachineConfig, when the image is in the in-cluster registry', () => {
    const image = 'image-registry.openshift-image-registry.svc:5000/drivers/sfc-kmod';
    const { status, stdout, stderr } = run(
      ...SFC.map((a) => (a === 'quay.io/acme/sfc-kmod' ? image : a)),
    );
    expect(status).toBe(0);
    expect(stderr).toMatch(
      /^day1-utility: warning: -image: image-registry\.openshift-image-registry\.svc is served by the cluster's own registry, .* registry the nodes reach without the cluster's network/,
    );
    expect((load(stdout) as { metadata: { name: string } }).metadata.name).toBe('99-sfc-day1');
  });

  it.each([
    [
      '-flag=value',
      SFC.reduce<string[]>(
        (args, a, i) =>
          i % 2 ? [...args.slice(0, -1), `${args.at(-1) ?? ''}=${a}`] : [...args, a],
        [],
      ),
    ],
    ['--flag value', SFC.map((a) => (a.startsWith('-') ? `-${a}` : a))],
    [
      '--flag=value',
      SFC.reduce<string[]>(
        (args, a, i) =>
          i % 2 ? [...args.slice(0, -1), `-${args.at(-1) ?? ''}=${a}`] : [...args, a],
        [],
      ),
    ],
  ])('accepts the %s form', (_form, args) => {
    const { status, stdout } = run(...args);
    expect(status).toBe(0);
    expect(load(stdout)).toEqual(expected);
  });

  it('accepts the older singular -in-tree-module-to-remove', () => {
    const args = SFC.slice(0, -2);
    const { status, stdout } = run(
      ...args,
      '-in-tree-module-to-remove',
      'sfc',
      '-in-tree-module-to-remove',
      'mdio',
    );
    expect(status).toBe(0);
    expect(load(stdout)).toEqual(expected);
  });

  it('trims list entries and treats an empty list as none', () => {
    expect(load(run(...SFC.slice(0, -1), ' sfc , mdio ').stdout)).toEqual(expected);
    const none = run(...SFC.slice(0, -1), '');
    expect(none.status).toBe(0);
    expect(load(none.stdout)).toEqual(
      produceMachineConfig({ ...SFC_EXAMPLE, inTreeModulesToRemove: [] }),
    );
  });

  it('passes the worker image and firmware path', () => {
    const { stdout } = run(
      ...SFC,
      '-worker-image',
      'quay.io/kmm/worker:v2.5',
      '-firmware-files-path',
      '/firmware',
    );
    expect(load(stdout)).toEqual(
      produceMachineConfig({
        ...SFC_EXAMPLE,
        workerImage: 'quay.io/kmm/worker:v2.5',
        firmwareFilesPath: '/firmware',
      }),
    );
  });

  it('prints JSON with -o json', () => {
    const { status, stdout } = run(...SFC, '-o', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(expected);
  });
});

describe('errors', () => {
  it('lists every missing required flag on stderr and exits 1', () => {
    const { status, stdout, stderr } = run();
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        'day1-utility: cannot produce the MachineConfig:',
        '  -machine-config: The MachineConfig name is required',
        '  -machine-config-pool: The MachineConfigPool name is required',
        '  -image: The kernel module image is required',
        '  -kernel-module: The kernel module name is required',
        'Run "day1-utility -h" for the flags.',
        '',
      ].join('\n'),
    );
  });

  it('names each invalid flag with the fix', () => {
    const { status, stdout, stderr } = run(
      '-machine-config',
      '99_SFC',
      '-machine-config-pool',
      'sfc',
      '-image',
      'quay.io/acme/sfc-kmod:5.14.0',
      '-kernel-module',
      'sfc.ko',
      '-in-tree-modules-to-remove',
      'sfc,,mdio',
      '-firmware-files-path',
      'firmware',
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('  -machine-config: "99_SFC" is not a valid name');
    expect(stderr).toContain(
      '  -image: "quay.io/acme/sfc-kmod:5.14.0" has a tag (":5.14.0"); give the image without a tag',
    );
    expect(stderr).toContain('  -kernel-module: "sfc.ko" is not a valid kernel module name');
    expect(stderr).toContain('  -in-tree-modules-to-remove: entry 2 is empty');
    expect(stderr).toContain('  -firmware-files-path: "firmware" must be an absolute path');
    expect(stderr.split('\n').filter((line) => line.startsWith('  -'))).toHaveLength(5);
  });

  it.each([
    [['-no-such-flag', 'x'], 'flag provided but not defined: -no-such-flag'],
    [['-image'], 'flag needs an argument: -image'],
    [[...SFC, 'extra'], 'unexpected argument "extra": every value is given with a flag'],
    [[...SFC, '-o', 'xml'], '-o must be "yaml" or "json", not "xml"'],
    [['-version=yes'], 'flag -version takes no value'],
  ])('prints usage on stderr and exits 2 for %j', (args, message) => {
    const { status, stdout, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`day1-utility: ${message}\n`);
    expect(stderr).toContain('Usage: day1-utility -machine-config NAME');
  });
});

describe('help and version', () => {
  it.each(['-h', '-help', '--help'])('%s prints usage on stdout and exits 0', (flag) => {
    const { status, stdout, stderr } = run(flag);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'Usage: day1-utility -machine-config NAME -machine-config-pool POOL -image IMAGE -kernel-module MODULE',
    );
    for (const name of [
      'machine-config',
      'machine-config-pool',
      'image',
      'kernel-module',
      'in-tree-modules-to-remove, -in-tree-module-to-remove',
      'worker-image',
      'firmware-files-path',
      'o, -output',
      'version',
    ]) {
      expect(stdout).toContain(`  -${name}`);
    }
  });

  it('prints the version', () => {
    expect(run('-version')).toEqual({
      status: 0,
      stdout: `day1-utility version ${version}\n`,
      stderr: '',
    });
  });

  it('runs through npx from the project', () => {
    const result = spawnSync('npx', ['--no-install', 'day1-utility', '-version'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.stdout).toBe(`day1-utility version ${version}\n`);
    expect(result.status).toBe(0);
  });
});
