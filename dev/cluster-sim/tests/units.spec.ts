/**
 * @jest-environment node
 */
import { ApiError } from '../api/status';
import { applyPatchBody, mergePatch } from '../api/patch';
import { ManualClock } from '../core/clock';
import {
  SelectorError,
  matchesRequirements,
  parseLabelSelector,
  selectorMatches,
  selectorString,
} from '../core/selectors';
import { machineConfigError } from '../mco/ignition';
import { maxUnavailableCount } from '../mco/node-controller';
import { primaryPoolFor } from '../mco/membership';
import { buildScenario } from '../scenarios';
import {
  day1ConfigsOf,
  day1UnitsIn,
  unitEnvironment,
  unitListDirective,
} from '../node/day1-config';
import { Day1Node, kernelTag } from '../node/day1-node';
import { runOnNode } from '../node/node-shell';
import { Registry } from '../registry';
import { machineConfigFixture } from './helpers';

describe('label selectors', () => {
  const labels = { app: 'x', tier: 'web', 'node-role.kubernetes.io/worker': '' };

  it.each([
    ['app=x', true],
    ['app==x,tier=web', true],
    ['app!=y', true],
    ['missing!=y', true],
    ['app in (x, y)', true],
    ['app notin (x)', false],
    ['missing notin (x)', true],
    ['node-role.kubernetes.io/worker', true],
    ['!node-role.kubernetes.io/worker', false],
    ['!missing', true],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesRequirements(labels, parseLabelSelector(selector))).toBe(expected);
  });

  it('rejects what apimachinery rejects', () => {
    for (const bad of ['==x', 'a=(b)', 'a in b', 'bad key=x']) {
      expect(() => parseLabelSelector(bad)).toThrow(SelectorError);
    }
  });

  it('matches LabelSelector objects; empty or missing selects nothing (MCO)', () => {
    const selector = {
      matchLabels: { tier: 'web' },
      matchExpressions: [{ key: 'app', operator: 'In' as const, values: ['x', 'y'] }],
    };
    expect(selectorMatches(selector, labels)).toBe(true);
    expect(selectorMatches({}, labels)).toBe(false);
    expect(selectorMatches(undefined, labels)).toBe(false);
    expect(selectorString(selector)).toBe('app in (x,y),tier=web');
  });
});

describe('patches', () => {
  it('merges per RFC 7386', () => {
    expect(
      mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { b: { c: null, f: 4 }, e: [2], g: null }),
    ).toEqual({
      a: 1,
      b: { d: 3, f: 4 },
      e: [2],
    });
  });

  it('applies JSON patches without touching the original, and 422s a failing one', () => {
    const original = { spec: { paused: false } };
    const patched = applyPatchBody(original, 'application/json-patch+json', [
      { op: 'replace', path: '/spec/paused', value: true },
    ]);
    expect(patched).toEqual({ spec: { paused: true } });
    expect(original.spec.paused).toBe(false);
    expect(() =>
      applyPatchBody(original, 'application/json-patch+json', [
        { op: 'remove', path: '/spec/nope' },
      ]),
    ).toThrow(ApiError);
    expect(() => applyPatchBody(original, 'application/json-patch+json', { op: 'add' })).toThrow(
      ApiError,
    );
  });
});

describe("MCO's MachineConfig validation", () => {
  const mc = (config: unknown, extra: Record<string, unknown> = {}) => ({ config, ...extra });

  it.each([
    [mc({ ignition: { version: '3.2.0' } }), undefined],
    [mc({ ignition: { version: '2.2.0' } }), undefined],
    [{}, undefined],
    [
      mc({ ignition: { version: '3.6.0' } }),
      'parsing Ignition config failed: unknown version. Supported spec versions: 2.2,3.0,3.1,3.2,3.3,3.4,3.5',
    ],
    [
      mc({ ignition: { version: '3.2' } }),
      'parsing Ignition config failed: invalid version. Supported spec versions: 2.2,3.0,3.1,3.2,3.3,3.4,3.5',
    ],
    [
      mc({}),
      'parsing Ignition config failed: invalid version. Supported spec versions: 2.2,3.0,3.1,3.2,3.3,3.4,3.5',
    ],
    [mc({ ignition: { version: '3.2.0' } }, { kernelType: 'rt' }), 'kernelType=rt is invalid'],
    [
      mc({ ignition: { version: '3.2.0' } }, { extensions: ['vim'] }),
      'invalid extensions found: [vim]',
    ],
    [
      mc({
        ignition: { version: '3.2.0' },
        storage: { files: [{ path: '/etc/a/../b', contents: { source: 'data:,x' } }] },
      }),
      'invalid ignition V3 config found: error at $.storage.files.0.path: path is not fully simplified\n',
    ],
    [
      mc({
        ignition: { version: '3.2.0' },
        storage: { files: [{ path: '/etc/x', mode: 0o4755, contents: { source: 'data:,x' } }] },
      }),
      'invalid mode 04755 for /etc/x, cannot exceed 0777',
    ],
    [
      mc({
        ignition: { version: '3.2.0' },
        storage: { files: [{ path: '/etc/x', overwrite: true }] },
      }),
      'invalid ignition V3 config found: error at $.storage.files.0.overwrite: overwrite must be false if source is unspecified\n',
    ],
    [
      mc({
        ignition: { version: '3.2.0' },
        storage: { files: [{ path: '/etc/x', contents: { source: 'ftp://h/x' } }] },
      }),
      'invalid ignition V3 config found: error at $.storage.files.0.contents.source: invalid url scheme\n',
    ],
    [
      mc({
        ignition: { version: '3.2.0' },
        systemd: { units: [{ name: 'foo.conf' }, { name: 'a.service', dropins: [{ name: 'x' }] }] },
      }),
      'invalid ignition V3 config found: error at $.systemd.units.0.name: invalid systemd unit extension\nerror at $.systemd.units.1.dropins.0.name: invalid systemd drop-in extension\n',
    ],
  ])('%j → %s', (spec, expected) => {
    expect(machineConfigError(spec)).toBe(expected);
  });
});

describe('node controller helpers', () => {
  it.each([
    [undefined, 10, 1],
    [3, 10, 3],
    [0, 10, 1],
    ['25%', 10, 2],
    ['5%', 10, 1],
    ['100%', 4, 4],
    ['two', 4, undefined],
    ['3', 10, undefined],
    ['0%', 10, 1],
    ['33%', 7, 2],
    [1.5, 10, undefined],
    [null, 10, 1],
  ])('maxUnavailable %j of %d nodes → %j', (value, nodes, expected) => {
    expect(maxUnavailableCount(value, 'worker', nodes)).toBe(expected);
  });

  it('updates the arbiter pool one node at a time whatever maxUnavailable says, if MCO can read it', () => {
    expect(maxUnavailableCount(3, 'arbiter', 10)).toBe(1);
    expect(maxUnavailableCount('50%', 'arbiter', 10)).toBe(1);
    expect(maxUnavailableCount('many', 'arbiter', 10)).toBeUndefined();
  });

  it('picks master over a custom pool and a custom pool over worker', () => {
    const { pools, nodes } = buildScenario('demo', Date.now());
    const byName = (name: string) => nodes.find((n) => n.metadata.name === name);
    const master = byName('master-0');
    const sfcNode = byName('worker-4');
    if (master === undefined || sfcNode === undefined) throw new Error('demo scenario changed');
    expect(primaryPoolFor(sfcNode, pools)).toEqual({ pool: 'sfc' });
    master.metadata.labels = { ...master.metadata.labels, 'node-role.kubernetes.io/sfc': '' };
    expect(primaryPoolFor(master, pools)).toEqual({ pool: 'master' });
  });
});

describe('a node debug shell', () => {
  it('prints status files, modules, kernel and journal lines', () => {
    const { nodes } = buildScenario('demo', Date.now());
    const node = nodes.find((n) => n.metadata.name === 'worker-4');
    if (node === undefined) throw new Error('demo scenario changed');
    const day1 = new Day1Node(['sfc', 'mdio']);
    const registry = new Registry();
    registry.add(['quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64', 'quay.io/w:latest']);
    const clock = new ManualClock();
    const scheduling = {
      after: (ms: number, callback: () => void) => clock.setTimeout(callback, ms),
      loadMs: 1,
      pullMs: 1,
      pullFailureMs: 1,
    };
    const config = {
      machineConfigName: '99-sfc-day1',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
      inTreeModulesToRemove: ['sfc', 'mdio'],
      workerImage: 'quay.io/w:latest',
      hasPullUnit: true,
      pullBeforeKubelet: true,
      statusDirectory: '/var/log/kmm-day1/99-sfc-day1',
      loadUnit: '99-sfc-day1-replace-kernel-module.service',
      pullUnit: '99-sfc-day1-pull-kernel-module-image.service',
    };
    const env = {
      kernelVersion: node.status.nodeInfo.kernelVersion,
      bootID: 'b1',
      now: () => '2026-11-24T03:00:00Z',
    };
    day1.boot([config], env, scheduling);
    expect(day1.status('99-sfc-day1')?.phase).toBe('ImagesMissing');
    let rebooted = false;
    day1.runPullUnits([config], env, registry, scheduling, (reboot) => {
      rebooted = reboot;
    });
    clock.advance(10);
    expect(rebooted).toBe(true);
    expect(day1.status('99-sfc-day1')?.phase).toBe('RebootPending');

    const output = runOnNode(
      "cat /var/log/kmm-day1/*/status.json; lsmod && uname -r\njournalctl -u 99-sfc-day1-replace-kernel-module.service --no-pager; echo 'done now'; cat /nope",
      node,
      day1,
    );
    expect(output).toContain('"phase": "RebootPending"');
    expect(output).toContain('Module                  Size  Used by');
    expect(output).toContain('5.14.0-427.13.1.el9_4.x86_64');
    expect(output).toContain('kmm-day1[99-sfc-day1]: RebootPending');
    expect(output).toContain('done now');
    expect(output).toContain('cat: /nope: No such file or directory');
    // The status file is the scripts' format: two-space JSON and a final newline.
    expect(day1.files.get('/var/log/kmm-day1/99-sfc-day1/status.json')).toMatch(
      /^\{\n {2}"schemaVersion": 1,\n {2}"machineConfig": "99-sfc-day1",\n[\s\S]*\n\}\n$/,
    );
  });
});

describe('Day 1 units as a node reads them', () => {
  it('reads the product-shaped fixture: parameters, pull unit and state directory', () => {
    expect(day1ConfigsOf([machineConfigFixture('99-sfc-day1.product.yaml')])).toEqual([
      {
        machineConfigName: '99-sfc-day1',
        kernelModuleImage: 'quay.io/acme/sfc-kmod',
        kernelModuleName: 'sfc',
        inTreeModulesToRemove: ['sfc', 'mdio'],
        workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
        hasPullUnit: true,
        pullBeforeKubelet: true,
        statusDirectory: '/var/log/kmm-day1/99-sfc-day1',
        loadUnit: '99-sfc-day1-replace-kernel-module.service',
        pullUnit: '99-sfc-day1-pull-kernel-module-image.service',
      },
    ]);
  });

  it("reads KMM's own shape, which writes no status file", () => {
    expect(day1ConfigsOf([machineConfigFixture('99-ice-day1.kmm.yaml')])).toEqual([
      {
        machineConfigName: '99-ice-day1',
        kernelModuleImage: 'quay.io/acme/ice-kmod',
        kernelModuleName: 'ice',
        inTreeModulesToRemove: ['ice'],
        workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
        hasPullUnit: true,
        pullBeforeKubelet: false,
        statusDirectory: undefined,
        loadUnit: '99-ice-day1-replace-kernel-module.service',
        pullUnit: '99-ice-day1-pull-kernel-module-image.service',
      },
    ]);
  });

  it("names KMM's unprefixed units (before 2.2) after their MachineConfig, and defaults the worker image", () => {
    const config = {
      systemd: {
        units: [
          {
            name: 'replace-kernel-module.service',
            contents:
              '[Service]\nEnvironment="KERNEL_MODULE=sfc"\nEnvironment="KERNEL_MODULE_IMAGE=quay.io/a/b"\nEnvironment="IN_TREE_MODULE_TO_REMOVE=sfc"\n',
          },
        ],
      },
    };
    expect(day1UnitsIn(config, 'old-day1')).toEqual([
      {
        machineConfigName: 'old-day1',
        kernelModuleImage: 'quay.io/a/b',
        kernelModuleName: 'sfc',
        inTreeModulesToRemove: ['sfc'],
        workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
        hasPullUnit: false,
        pullBeforeKubelet: false,
        statusDirectory: undefined,
        loadUnit: 'replace-kernel-module.service',
      },
    ]);
  });

  it.each([
    ['no config', undefined],
    ['units not a list', { systemd: { units: 'x' } }],
    ['a null unit', { systemd: { units: [null, 7] } }],
    [
      'no module',
      { systemd: { units: [{ name: 'a-replace-kernel-module.service', contents: '' }] } },
    ],
    [
      'a masked unit',
      {
        systemd: {
          units: [
            {
              name: 'a-replace-kernel-module.service',
              mask: true,
              contents: 'Environment="KERNEL_MODULE=x" "KERNEL_MODULE_IMAGE=y"',
            },
          ],
        },
      },
    ],
  ])('finds nothing to run in %s', (_case, config) => {
    expect(day1UnitsIn(config)).toEqual([]);
  });

  it('reads Environment lines as systemd does: quotes, escapes, %% and several words', () => {
    const env = unitEnvironment(
      'Environment="A=x y" B=2 \'C=it\\\'s\'\nEnvironment=D=100%% "E=a\\"b"\n Environment = F=\n',
    );
    expect(Object.fromEntries(env)).toEqual({
      A: 'x y',
      B: '2',
      C: "it's",
      D: '100%',
      E: 'a"b',
      F: '',
    });
  });
});

describe("the pull unit's ordering against the kubelet", () => {
  const pullUnit = (contents: string, dropins?: { name: string; contents: string }[]) => ({
    systemd: {
      units: [
        {
          name: 'x-replace-kernel-module.service',
          contents: 'Environment="KERNEL_MODULE=sfc" "KERNEL_MODULE_IMAGE=quay.io/a/b"',
        },
        { name: 'x-pull-kernel-module-image.service', contents, dropins },
      ],
    },
  });
  const ordered = (contents: string, dropins?: { name: string; contents: string }[]) =>
    day1UnitsIn(pullUnit(contents, dropins))[0].pullBeforeKubelet;

  it.each([
    ['[Unit]\nBefore=kubelet.service\n', true],
    ['[Unit]\nBefore=kubelet-dependencies.target\n', true],
    ['[Unit]\nBefore=crio.service kubelet.service\n', true],
    ['[Unit]\nAfter=network-online.target\nWants=network-online.target\n', false],
    // After= is the other way round, and WantedBy= alone orders nothing.
    ['[Unit]\nAfter=kubelet.service\n[Install]\nWantedBy=kubelet.service\n', false],
    // Only the [Unit] section orders; a comment is not a directive.
    ['[Service]\nBefore=kubelet.service\n', false],
    ['[Unit]\n# Before=kubelet.service\n', false],
    // An empty assignment clears the list.
    ['[Unit]\nBefore=kubelet.service\nBefore=\n', false],
  ])('%j → %s', (contents, expected) => {
    expect(ordered(contents)).toBe(expected);
  });

  it('reads drop-ins after the unit, in name order', () => {
    expect(
      ordered('[Unit]\nAfter=network-online.target\n', [
        { name: '20-order.conf', contents: '[Unit]\nBefore=kubelet.service\n' },
      ]),
    ).toBe(true);
    expect(
      ordered('[Unit]\nBefore=kubelet.service\n', [
        { name: '20-b.conf', contents: '[Unit]\nBefore=\n' },
        { name: '10-a.conf', contents: '[Unit]\nBefore=kubelet.service\n' },
      ]),
    ).toBe(false);
    expect(unitListDirective(['[Unit]\nBefore=a b\nBefore=c'], 'Unit', 'Before')).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('has no pull unit when it is masked', () => {
    const config = pullUnit('[Unit]\nBefore=kubelet.service\n');
    Object.assign(config.systemd.units[1], { mask: true });
    expect(day1UnitsIn(config)[0]).toMatchObject({ hasPullUnit: false, pullBeforeKubelet: false });
  });
});

describe('the kernel image tag', () => {
  it.each([
    ['5.14.0-427.13.1.el9_4.x86_64', '5.14.0-427.13.1.el9_4.x86_64'],
    ['5.14.0-427.13.1.el9_4.aarch64+64k', '5.14.0-427.13.1.el9_4.aarch64_64k'],
    ['5.14.0-427.13.1.el9_4.x86_64+debug', '5.14.0-427.13.1.el9_4.x86_64_debug'],
    ['.5.14', '_5.14'],
    ['-rc1', '_rc1'],
    ['a b/c:d', 'a_b_c_d'],
  ])('%s → %s', (kernel, tag) => {
    expect(kernelTag(kernel)).toBe(tag);
  });

  it('is what a node with a + kernel pulls, loads and writes in its status file', () => {
    const kernel = '5.14.0-427.13.1.el9_4.aarch64+64k';
    const day1 = new Day1Node(['sfc']);
    const registry = new Registry();
    registry.add([`quay.io/acme/sfc-kmod:${kernelTag(kernel)}`, 'quay.io/w:latest']);
    const clock = new ManualClock();
    const scheduling = {
      after: (ms: number, callback: () => void) => clock.setTimeout(callback, ms),
      loadMs: 1,
      pullMs: 1,
      pullFailureMs: 1,
    };
    const config = {
      machineConfigName: '99-sfc-day1',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
      inTreeModulesToRemove: ['sfc'],
      workerImage: 'quay.io/w:latest',
      hasPullUnit: true,
      pullBeforeKubelet: true,
      statusDirectory: '/var/log/kmm-day1/99-sfc-day1',
      loadUnit: '99-sfc-day1-replace-kernel-module.service',
    };
    const env = { kernelVersion: kernel, bootID: 'b1', now: () => '2026-11-24T03:00:00Z' };
    let reboot: boolean | undefined;
    day1.runPullUnits([config], env, registry, scheduling, (r) => {
      reboot = r;
    });
    clock.advance(10);
    expect(reboot).toBe(true);
    expect(day1.images.has('quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.aarch64_64k')).toBe(true);
    day1.resetModules();
    day1.boot([config], { ...env, bootID: 'b2' }, scheduling);
    clock.advance(10);
    expect(day1.status('99-sfc-day1')).toEqual({
      schemaVersion: 1,
      machineConfig: '99-sfc-day1',
      phase: 'Loaded',
      kernelVersion: kernel,
      kernelModule: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.aarch64_64k',
      workerImage: 'quay.io/w:latest',
      bootID: 'b2',
      moduleLoaded: true,
      inTreeRestored: null,
      rebootsUsed: 1,
      reason: null,
      blockingModule: null,
      lastError: null,
      loadedAt: '2026-11-24T03:00:00Z',
      updatedAt: '2026-11-24T03:00:00Z',
    });
    expect(day1.outOfTreeModules.has('sfc')).toBe(true);
  });
});
