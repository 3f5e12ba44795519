/**
 * @jest-environment node
 *
 * The real node scripts, run under bash from a produced MachineConfig on a simulated node (stub podman,
 * uname, systemctl, reboot, sleep and modprobe), boot after boot.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeSandbox } from '../../../test/support/node-sandbox';
import type { ServiceRun } from '../../../test/support/node-sandbox';
import { DAY1_PHASES, DAY1_REASONS, DAY1_STATUS_SCHEMA_VERSION } from '../../rollout/day1-status';
import { produceMachineConfig } from '../machine-config';
import { DEFAULT_WORKER_IMAGE } from '../worker-image';
import type { Day1Options } from '../options';
import { NODE_SCRIPTS } from '../scripts';

const KVER = '5.14.0-284.59.1.el9_2.x86_64';
const IMAGE = 'quay.io/acme/sfc-kmod';
const base: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: IMAGE,
  kernelModuleName: 'sfc',
};

// Each boot runs the real scripts and dozens of stub processes.
jest.setTimeout(60_000);

let current: NodeSandbox | undefined;
const sandbox = (options: Partial<Day1Options> = {}): NodeSandbox => {
  const created = new NodeSandbox(KVER);
  created.apply(produceMachineConfig({ ...base, ...options }));
  created.imageProvides('sfc');
  current = created;
  return created;
};
afterEach(() => {
  current?.cleanup();
  current = undefined;
});

const podmanCreates = (node: NodeSandbox) =>
  node.calls('podman').filter((args) => args[1] === 'create');

const MC = '99-sfc-day1';
const KMOD = `${IMAGE}:${KVER}`;
const LOAD_UNIT = `${MC}-replace-kernel-module.service`;
const PULL_UNIT = `${MC}-pull-kernel-module-image.service`;
const CRASH_MARKER = `/var/lib/kmm-day1/${MC}/load-in-progress`;

// Every field of Day1Status (src/rollout/day1-status.ts), in the order the scripts write them.
const STATUS_FIELDS = [
  'schemaVersion',
  'machineConfig',
  'phase',
  'kernelVersion',
  'kernelModule',
  'kernelModuleImage',
  'workerImage',
  'bootID',
  'moduleLoaded',
  'inTreeRestored',
  'rebootsUsed',
  'reason',
  'blockingModule',
  'lastError',
  'loadedAt',
  'updatedAt',
];

/** The status file as the console reads it: a regular file with every field of schema 1. */
const statusOf = (node: NodeSandbox, mc = MC): Record<string, unknown> => {
  expect(lstatSync(node.statusPath(mc)).isFile()).toBe(true);
  const status = node.status(mc);
  expect(Object.keys(status)).toEqual(STATUS_FIELDS);
  expect(status.schemaVersion).toBe(DAY1_STATUS_SCHEMA_VERSION);
  expect(DAY1_PHASES).toContain(status.phase);
  if (status.reason !== null) expect(DAY1_REASONS).toContain(status.reason);
  expect(status.bootID).toMatch(/^[0-9a-f-]{36}$/);
  return status;
};

/** The Day 1 files left on the node, temporary files included. */
const stateFiles = (node: NodeSandbox) => node.day1Files();

const runOf = (runs: ServiceRun[], unit: string): ServiceRun => {
  const run = runs.find((r) => r.unit === unit);
  if (run === undefined) throw new Error(`${unit} did not run`);
  return run;
};

const modprobeCalls = (node: NodeSandbox) => node.calls('modprobe').map((a) => a.slice(1));

describe('shellcheck', () => {
  it('finds nothing in any node script', () => {
    // The embedded text, under the names the scripts use to refer to each other.
    const dir = mkdtempSync(join(tmpdir(), 'kmm-day1-shellcheck-'));
    const files = {
      'common.sh': NODE_SCRIPTS.common,
      'replace-kernel-module.sh': NODE_SCRIPTS.replace,
      'pull-kernel-module-image.sh': NODE_SCRIPTS.pull,
      'wait-for-dispatcher.sh': NODE_SCRIPTS.waitForDispatcher,
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const result = spawnSync(
      'shellcheck',
      ['--external-sources', '--severity=style', ...Object.keys(files)],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the stubs behave like the real tools', () => {
  const modprobe = (node: NodeSandbox, ...args: string[]) =>
    spawnSync(join(__dirname, '..', '..', '..', 'test', 'stubs', 'modprobe'), args, {
      env: { ...process.env, KMM_DAY1_ROOT: node.root },
      encoding: 'utf8',
    });

  it('modprobe -r A B removes A (and the dependencies nothing uses), then stops at a module in use', () => {
    const node = sandbox();
    node.addHostModuleFile('kernel/drivers/net/mdio.ko.xz');
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz', [
      'kernel/drivers/net/mdio.ko.xz',
    ]);
    node.addHostModuleFile('kernel/drivers/infiniband/hw/irdma/irdma.ko.xz');
    node.addHostModuleFile('kernel/drivers/net/ethernet/intel/ice/ice.ko.xz');
    node.addHostModuleFile('kernel/drivers/scsi/sfc_rdma.ko.xz', [
      'kernel/drivers/net/ethernet/intel/ice/ice.ko.xz',
    ]);
    node.loadInTreeAtBoot('sfc');
    node.loadInTreeAtBoot('sfc_rdma');
    expect(readFileSync(node.path('/sys/module/mdio/refcnt'), 'utf8').trim()).toBe('1');
    expect(readdirSync(node.path('/sys/module/mdio/holders'))).toEqual(['sfc']);
    const result = modprobe(node, '-rv', 'sfc', 'ice', 'irdma');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('rmmod sfc\nrmmod mdio\n');
    expect(result.stderr).toBe('modprobe: FATAL: Module ice is in use.\n');
    expect(node.loadedModules()).toEqual(['ice', 'sfc_rdma']);
  });

  it('modprobe of a loaded module succeeds unless --first-time; the host modprobe loads dependencies first', () => {
    const node = sandbox();
    node.addHostModuleFile('kernel/drivers/net/mdio.ko.xz');
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz', [
      'kernel/drivers/net/mdio.ko.xz',
    ]);
    const first = modprobe(node, 'sfc');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      `insmod /lib/modules/${KVER}/kernel/drivers/net/mdio.ko.xz\ninsmod /lib/modules/${KVER}/kernel/drivers/net/ethernet/sfc/sfc.ko.xz\n`,
    );
    expect(modprobe(node, 'sfc').status).toBe(0);
    const again = modprobe(node, '--first-time', 'sfc');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Module already in kernel');
    expect(node.taint('sfc')).toBe('');
  });

  it('modinfo reports a module missing from the image as kmod does', () => {
    const node = sandbox();
    node.imageProvides('sfc');
    const modinfo = spawnSync(
      join(__dirname, '..', '..', '..', 'test', 'stubs', 'modinfo'),
      ['-b', '/tmp/opt', '-k', KVER, 'ice'],
      { env: { ...process.env, KMM_DAY1_ROOT: node.root }, encoding: 'utf8' },
    );
    expect(modinfo.status).toBe(1);
    expect(modinfo.stderr).toBe('modinfo: ERROR: Module ice not found.\n');
  });
});

describe('first apply', () => {
  it('first boot with no images: the load step keeps the in-tree driver, the pull step pulls both images and reboots once', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    const first = await node.boot();
    expect(first.load.map((r) => r.status)).toEqual([0]);
    expect(first.load[0].output).toContain('not in local storage yet');
    expect(podmanCreates(node)).toEqual([]);
    expect(node.calls('podman').filter((a) => a[1] === 'pull')).toEqual([
      ['podman', 'pull', '--authfile', '/var/lib/kubelet/config.json', DEFAULT_WORKER_IMAGE],
      ['podman', 'pull', '--authfile', '/var/lib/kubelet/config.json', KMOD],
    ]);
    // Each pull runs under a timeout.
    expect(node.calls('timeout').map((a) => a.slice(1, 4))).toEqual([
      ['--kill-after=10', '180', 'podman'],
      ['--kill-after=10', '180', 'podman'],
    ]);
    expect(first.pull.map((r) => r.status)).toEqual([0]);
    expect(first.rebooted).toBe(true);
    expect(node.reboots()).toBe(1);
    expect(node.images()).toEqual([DEFAULT_WORKER_IMAGE, KMOD]);
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(statusOf(node)).toMatchObject({
      phase: 'RebootPending',
      moduleLoaded: false,
      inTreeRestored: null,
      rebootsUsed: 1,
      reason: null,
      lastError: null,
    });
    expect(stateFiles(node)).toEqual([
      `lib/kmm-day1/${MC}/reboots`,
      `log/kmm-day1/${MC}/status.json`,
    ]);
  });

  it('images present: the worker gets the right config, the out-of-tree module loads and nothing is pulled', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc', 'mdio'] });
    node.addHostModuleFile('kernel/drivers/net/mdio.ko.xz');
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz', [
      'kernel/drivers/net/mdio.ko.xz',
    ]);
    node.loadInTreeAtBoot('sfc');
    await node.boot();
    const bootID = node.bootID();
    const callsBefore = node.calls().length;
    const second = await node.boot();

    expect(second.load.map((r) => r.status)).toEqual([0]);
    expect(second.pull.map((r) => r.status)).toEqual([0]);
    expect(second.pull[0].output).toContain('nothing to pull');
    expect(second.rebooted).toBe(false);
    expect(node.reboots()).toBe(1);
    expect(node.workerConfig()).toEqual({
      containerImage: KMOD,
      modprobe: { dirName: '/opt', moduleName: 'sfc' },
      inTreeModulesToRemove: ['sfc', 'mdio'],
    });
    expect(node.loadedFrom('sfc')).toBe('oot');
    expect(node.taint('sfc')).toBe('O');
    // The out-of-tree sfc has no dependency on mdio: the worker's modprobe -r took both out.
    expect(node.loadedModules()).toEqual(['sfc']);
    expect(statusOf(node)).toMatchObject({
      machineConfig: MC,
      phase: 'Loaded',
      kernelVersion: KVER,
      kernelModule: 'sfc',
      kernelModuleImage: KMOD,
      workerImage: DEFAULT_WORKER_IMAGE,
      moduleLoaded: true,
      inTreeRestored: null,
      rebootsUsed: 1,
      reason: null,
      blockingModule: null,
      lastError: null,
      bootID,
    });
    expect(statusOf(node).loadedAt).toBe(statusOf(node).updatedAt);
    // udev has settled and the crash marker was synced before anything was unloaded.
    const order = node
      .calls()
      .slice(callsBefore)
      .map((a) => a.slice(0, 2).join(' '))
      .filter((c) => /^(udevadm settle|sync |modprobe -rv)/.test(c) || c === 'sync -f');
    expect(order[0]).toBe('udevadm settle');
    expect(order.indexOf('modprobe -rv')).toBeGreaterThan(
      order.findIndex((c) => c.startsWith('sync')),
    );
    const [init, checker, worker] = podmanCreates(node);
    expect(init).toEqual([
      'podman',
      'create',
      '--pod',
      `kmm-day1-${MC}`,
      '--init-ctr=always',
      '-v',
      `kmm-day1-${MC}:/tmp`,
      KMOD,
      '/bin/sh',
      '-c',
      expect.stringContaining('cp -R /opt/lib/modules/. /tmp/opt/lib/modules/') as string,
      'sh',
      '',
    ]);
    expect(checker).toEqual([
      'podman',
      'create',
      '--pod',
      `kmm-day1-${MC}`,
      '-v',
      `kmm-day1-${MC}:/tmp`,
      DEFAULT_WORKER_IMAGE,
      'modinfo',
      '-b',
      '/tmp/opt',
      '-k',
      KVER,
      'sfc',
    ]);
    expect(worker).toEqual([
      'podman',
      'create',
      '--pod',
      `kmm-day1-${MC}`,
      '--user=root',
      '--privileged',
      '-v',
      `kmm-day1-${MC}:/tmp`,
      '-v',
      `${node.path('/lib/modules')}:/lib/modules`,
      '-v',
      `${node.path(`/var/lib/kmm-day1/${MC}/worker-config.yaml`)}:/etc/kmm-worker/config.yaml`,
      '-v',
      `${node.path('/var/lib/firmware')}:/var/lib/firmware`,
      DEFAULT_WORKER_IMAGE,
      'kmod',
      'load',
      '/etc/kmm-worker/config.yaml',
    ]);
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
    expect(node.runMarkers()).toEqual([]);
    expect(stateFiles(node)).toEqual([
      `lib/kmm-day1/${MC}/reboots`,
      `lib/kmm-day1/${MC}/worker-config.yaml`,
      `log/kmm-day1/${MC}/status.json`,
    ]);
  });

  it('maps a kernel version with "+" to a valid tag, pulls that tag and loads from it', async () => {
    const kernel = '5.14.0-427.13.1.el9_4.aarch64+64k';
    const tagged = `${IMAGE}:5.14.0-427.13.1.el9_4.aarch64_64k`;
    const node = sandbox();
    node.setKernel(kernel);
    await node.boot();
    expect(node.images()).toEqual([DEFAULT_WORKER_IMAGE, tagged]);
    const second = await node.boot();
    expect(second.load[0].status).toBe(0);
    // The module tree inside the image is still named after the kernel itself.
    expect(podmanCreates(node)[1].slice(-3)).toEqual(['-k', kernel, 'sfc']);
    expect(statusOf(node)).toMatchObject({
      phase: 'Loaded',
      kernelVersion: kernel,
      kernelModuleImage: tagged,
    });
  });
});

describe('pulling', () => {
  it('registry unreachable: retries with bounded backoff, never reboots, keeps the in-tree driver and says why', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.failPulls(
      DEFAULT_WORKER_IMAGE,
      'always',
      'pinging container registry quay.io: Get "https://quay.io/v2/": dial tcp 10.0.0.1:443: connect: no route to host',
    );
    const { pull, rebooted } = await node.boot();
    expect(pull[0].status).toBe(1);
    expect(pull[0].timedOut).toBe(false);
    expect(rebooted).toBe(false);
    expect(node.reboots()).toBe(0);
    expect(node.sleeps()).toEqual([10, 20, 40, 80]);
    expect(pull[0].output).toContain(
      `could not pull ${DEFAULT_WORKER_IMAGE}: failed 5 times: Error: initializing source docker://${DEFAULT_WORKER_IMAGE}: pinging container registry quay.io`,
    );
    expect(pull[0].output).toContain(
      'the node keeps its in-tree driver and retries at the next boot',
    );
    expect(statusOf(node)).toMatchObject({
      phase: 'PullFailed',
      moduleLoaded: false,
      rebootsUsed: 0,
      reason: 'PullFailed',
      lastError: expect.stringContaining('no route to host') as string,
    });
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(node.images()).toEqual([]);
    expect(node.runMarkers()).toEqual([]);
    expect(stateFiles(node)).toEqual([`log/kmm-day1/${MC}/status.json`]);
  });

  it('tag missing for the kernel: the worker image is pulled, the module image is not; no reboot', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.failPulls(KMOD, 'always');
    const { pull, rebooted } = await node.boot();
    expect(pull[0].status).toBe(1);
    expect(rebooted).toBe(false);
    expect(node.reboots()).toBe(0);
    expect(node.images()).toEqual([DEFAULT_WORKER_IMAGE]);
    expect(statusOf(node)).toMatchObject({
      phase: 'PullFailed',
      reason: 'PullFailed',
      lastError: expect.stringContaining(`${KMOD}: reading manifest: manifest unknown`) as string,
    });
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(node.runMarkers()).toEqual([]);
    // The next boot keeps the in-tree driver and tries again.
    const next = await node.boot();
    expect(next.load[0].status).toBe(0);
    expect(next.load[0].output).toContain('not in local storage yet');
    expect(node.loadedFrom('sfc')).toBe('in-tree');
  });

  it('worker image missing: nothing else is pulled, no reboot, the in-tree driver stays', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.failPulls(DEFAULT_WORKER_IMAGE, 'always');
    const { pull, rebooted } = await node.boot();
    expect(pull[0].status).toBe(1);
    expect(rebooted).toBe(false);
    expect(node.images()).toEqual([]);
    expect(node.calls('podman').filter((a) => a[1] === 'pull' && a[4] === KMOD)).toEqual([]);
    expect(statusOf(node)).toMatchObject({
      phase: 'PullFailed',
      reason: 'PullFailed',
      lastError: expect.stringContaining(`could not pull ${DEFAULT_WORKER_IMAGE}`) as string,
    });
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(node.runMarkers()).toEqual([]);
  });

  it('retries a failing pull with bounded backoff, then succeeds and reboots', async () => {
    const node = sandbox();
    node.failPulls(KMOD, 3);
    const { pull, rebooted } = await node.boot();
    expect(pull[0].status).toBe(0);
    expect(node.calls('podman').filter((a) => a[1] === 'pull' && a[4] === KMOD)).toHaveLength(4);
    expect(node.sleeps()).toEqual([10, 20, 40]);
    expect(rebooted).toBe(true);
  });

  it('caps the backoff delay and stops retrying when the pull budget would run out', async () => {
    const node = sandbox();
    node.failPulls(DEFAULT_WORKER_IMAGE, 'always');
    const run = await node.runService(PULL_UNIT, { KMM_DAY1_PULL_ATTEMPTS: '20' });
    expect(run.status).toBe(1);
    expect(run.timedOut).toBe(false);
    // 390 s of backoff; another 120 s would pass the 420 s budget.
    expect(node.sleeps()).toEqual([10, 20, 40, 80, 120, 120]);
    expect(run.output).toContain('failed 7 times, no time left within the 420s pull budget');
  });

  it('pulls the image of the new kernel after an upgrade, then loads it', async () => {
    const node = sandbox();
    await node.boot();
    await node.boot();
    expect(node.loadedFrom('sfc')).toBe('oot');
    node.setKernel('5.14.0-427.13.1.el9_4.x86_64');
    node.restart();
    const upgraded = await node.boot();
    expect(upgraded.load[0].output).toContain(
      `${IMAGE}:5.14.0-427.13.1.el9_4.x86_64 or ${DEFAULT_WORKER_IMAGE} is not in local storage yet`,
    );
    // A new kernel is a new key: the reboot budget is fresh.
    expect(upgraded.rebooted).toBe(true);
    expect(node.images()).toContain(`${IMAGE}:5.14.0-427.13.1.el9_4.x86_64`);
    expect((await node.boot()).load[0].status).toBe(0);
    expect(statusOf(node)).toMatchObject({
      phase: 'Loaded',
      kernelVersion: '5.14.0-427.13.1.el9_4.x86_64',
      rebootsUsed: 1,
    });
    expect(node.reboots()).toBe(2);
  });

  it('waits for NetworkManager-dispatcher before pulling', async () => {
    const node = sandbox();
    node.setUnitProperty('NetworkManager-dispatcher.service', 'ActiveState', [
      'active',
      'active',
      'inactive',
    ]);
    const { pull } = await node.boot();
    expect(pull[0].output).toContain(
      'waiting for NetworkManager-dispatcher.service (load=loaded active=active result=success)',
    );
    expect(pull[0].output).toContain('NetworkManager-dispatcher.service has finished');
    expect(node.sleeps().slice(0, 2)).toEqual([1, 1]);
  });
});

describe('time budget and killed units', () => {
  it('a registry that never answers, after a dispatcher that never settles, ends within TimeoutSec by itself', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.setUnitProperty('NetworkManager-dispatcher.service', 'ActiveState', ['active']);
    node.hangPulls(DEFAULT_WORKER_IMAGE);
    const { pull, rebooted } = await node.boot();
    // The unit's real TimeoutSec is enforced: a budget that did not fit would end in SIGTERM.
    expect(pull[0].timedOut).toBe(false);
    expect(pull[0].status).toBe(1);
    expect(pull[0].seconds).toBeLessThanOrEqual(500);
    expect(pull[0].output).toContain('still busy after 60s; pulling anyway');
    expect(pull[0].output).toContain('the pull did not finish within 180s');
    expect(rebooted).toBe(false);
    expect(statusOf(node)).toMatchObject({ phase: 'PullFailed', reason: 'PullFailed' });
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(node.runMarkers()).toEqual([]);
  });

  it('pull killed by timeout: a final status, no marker left, and the reboot another config asked for still happens', async () => {
    const node = sandbox();
    node.apply(
      produceMachineConfig({
        ...base,
        machineConfigName: '99-ice-day1',
        kernelModuleName: 'ice',
        kernelModuleImage: 'quay.io/acme/ice-kmod',
      }),
    );
    node.imageProvides('sfc', 'ice');
    node.loadInTreeAtBoot('sfc');
    node.hangPulls(KMOD);
    // The stubs' waits take no real time, so sfc's hang would end in its timeout at once. A second of
    // real time before it lets ice finish first, as it would while sfc's pull hangs for minutes.
    node.slowPull(KMOD, 1);
    // A drop-in shorter than the script's own budget, so that systemd stops it mid-pull.
    node.overrideTimeout(PULL_UNIT, 200);
    const { pull, rebooted } = await node.boot();
    const sfc = runOf(pull, PULL_UNIT);
    const ice = runOf(pull, '99-ice-day1-pull-kernel-module-image.service');
    expect(ice.status).toBe(0);
    expect(ice.output).toContain('another Day 1 pull is still running');
    expect(sfc.timedOut).toBe(true);
    expect(sfc.status).toBe(143);
    expect(sfc.output).toContain(`stopped (TimeoutSec or shutdown) while pulling ${KMOD}`);
    expect(statusOf(node)).toMatchObject({
      phase: 'PullFailed',
      reason: 'Interrupted',
      moduleLoaded: false,
      lastError: expect.stringContaining('the pull service was stopped') as string,
    });
    expect(statusOf(node, '99-ice-day1')).toMatchObject({ phase: 'RebootPending', rebootsUsed: 1 });
    // The killed pull rebooted for the config that asked, and left no pending marker behind.
    expect(rebooted).toBe(true);
    expect(node.reboots()).toBe(1);
    expect(stateFiles(node).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a pending marker whose pull is gone (killed with SIGKILL) does not stop the reboot', async () => {
    const node = sandbox();
    mkdirSync(node.path('/run/kmm-day1/pending'), { recursive: true });
    // The PID of a process that has exited.
    const gone = spawnSync('true').pid;
    writeFileSync(node.path('/run/kmm-day1/pending/99-other-day1'), `${String(gone)}\n`);
    const { pull, rebooted } = await node.boot();
    expect(pull[0].output).toContain('removing the stale pending marker 99-other-day1');
    expect(rebooted).toBe(true);
  });
});

describe('in-tree modules', () => {
  it('removes a loaded in-tree module before loading the out-of-tree one', async () => {
    const node = sandbox({ kernelModuleName: 'sfc_oot', inTreeModulesToRemove: ['sfc'] });
    node.imageProvides('sfc_oot');
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain('in-tree module sfc is loaded and will be removed');
    expect(modprobeCalls(node)).toEqual([
      ['-rv', 'sfc'],
      ['-vd', '/tmp/opt', 'sfc_oot'],
    ]);
    expect(node.isLoaded('sfc')).toBe(false);
    expect(node.isLoaded('sfc_oot')).toBe(true);
  });

  it('hands a present but unloaded in-tree module to the worker, which finds nothing to unload', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain('in-tree module sfc is not loaded');
    expect(node.workerConfig().inTreeModulesToRemove).toEqual(['sfc']);
    expect(node.loadedFrom('sfc')).toBe('oot');
  });

  it('skips an in-tree module with no module file for this kernel', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['mdio'] });
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain(
      `in-tree module mdio: no module file for kernel ${KVER}, nothing to remove`,
    );
    expect(node.workerConfig()).not.toHaveProperty('inTreeModulesToRemove');
    expect(modprobeCalls(node)).toEqual([['-vd', '/tmp/opt', 'sfc']]);
  });

  it('spells an in-tree module as its file does, whatever "-" or "_" the user wrote', async () => {
    const node = sandbox({ kernelModuleName: 'nvme_oot', inTreeModulesToRemove: ['nvme_core'] });
    node.imageProvides('nvme_oot');
    node.addHostModuleFile('kernel/drivers/nvme/host/nvme-core.ko.xz');
    node.loadInTreeAtBoot('nvme-core');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    expect((await node.boot()).load[0].status).toBe(0);
    expect(node.workerConfig().inTreeModulesToRemove).toEqual(['nvme-core']);
    expect(node.isLoaded('nvme_core')).toBe(false);
  });

  it('refuses with advice when the module is already loaded and was not listed for removal', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(statusOf(node)).toMatchObject({
      phase: 'LoadRefused',
      moduleLoaded: false,
      reason: 'ModuleAlreadyLoaded',
      blockingModule: 'sfc',
      lastError: expect.stringContaining('add it to the in-tree modules to remove') as string,
    });
    expect(podmanCreates(node)).toEqual([]);
    expect(node.loadedFrom('sfc')).toBe('in-tree');
  });

  describe('in-tree module held', () => {
    const iceNode = (inTree: string[]) => {
      const node = sandbox({ kernelModuleName: 'ice', inTreeModulesToRemove: inTree });
      node.imageProvides('ice');
      node.addHostModuleFile('kernel/drivers/net/ethernet/intel/ice/ice.ko.xz');
      // The RDMA driver uses ice: it is ice's holder, and one of its references.
      node.addHostModuleFile('kernel/drivers/infiniband/hw/irdma/irdma.ko.xz', [
        'kernel/drivers/net/ethernet/intel/ice/ice.ko.xz',
      ]);
      node.loadInTreeAtBoot('irdma');
      node.addImages(DEFAULT_WORKER_IMAGE, `quay.io/acme/sfc-kmod:${KVER}`);
      return node;
    };

    it('by a module not in the list: refuses before unloading anything', async () => {
      const node = iceNode(['ice']);
      const { load } = await node.boot();
      expect(load[0].status).toBe(1);
      expect(statusOf(node)).toMatchObject({
        phase: 'LoadRefused',
        reason: 'InTreeModuleHeld',
        blockingModule: 'irdma',
        moduleLoaded: false,
        inTreeRestored: null,
        lastError: expect.stringContaining('in-tree module ice is used by module irdma') as string,
      });
      expect(modprobeCalls(node)).toEqual([]);
      expect(podmanCreates(node)).toEqual([]);
      expect(node.loadedModules()).toEqual(['ice', 'irdma']);
      expect(node.loadedFrom('ice')).toBe('in-tree');
      expect(existsSync(node.path(CRASH_MARKER))).toBe(false);
    });

    it('by a module listed after it: refuses, since modprobe -r would stop at ice', async () => {
      const node = iceNode(['ice', 'irdma']);
      node.addHostModuleFile('kernel/drivers/infiniband/hw/irdma/irdma.ko.xz');
      const { load } = await node.boot();
      expect(load[0].status).toBe(1);
      expect(statusOf(node)).toMatchObject({
        reason: 'InTreeModuleHeld',
        blockingModule: 'irdma',
        lastError: expect.stringContaining('listed after it') as string,
      });
      expect(modprobeCalls(node)).toEqual([]);
    });

    it('by something other than a module (refcount above its holders): refuses', async () => {
      const node = iceNode(['irdma', 'ice']);
      node.useModule('ice');
      const { load } = await node.boot();
      expect(load[0].status).toBe(1);
      expect(statusOf(node)).toMatchObject({
        reason: 'InTreeModuleHeld',
        blockingModule: 'ice',
        lastError: expect.stringContaining('refcount 2, 1 from modules') as string,
      });
      expect(modprobeCalls(node)).toEqual([]);
      expect(node.loadedModules()).toEqual(['ice', 'irdma']);
    });

    it('by a module listed before it: loads', async () => {
      const node = iceNode(['irdma', 'ice']);
      const { load } = await node.boot();
      expect(load[0].status).toBe(0);
      expect(modprobeCalls(node)).toEqual([
        ['-rv', 'irdma', 'ice'],
        ['-vd', '/tmp/opt', 'ice'],
      ]);
      expect(node.loadedModules()).toEqual(['ice']);
      expect(node.taint('ice')).toBe('O');
    });
  });
});

describe('the module image', () => {
  it('refuses when the module is missing from the image, before unloading anything', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.loadInTreeAtBoot('sfc');
    node.imageProvides('ice');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(load[0].output).toContain('modinfo: ERROR: Module sfc not found.');
    expect(statusOf(node)).toMatchObject({
      phase: 'LoadRefused',
      reason: 'ModuleNotInImage',
      blockingModule: 'sfc',
      moduleLoaded: false,
    });
    expect(modprobeCalls(node)).toEqual([]);
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
    expect(existsSync(node.path(CRASH_MARKER))).toBe(false);
  });

  it('refuses when the module was built for another kernel (vermagic)', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.loadInTreeAtBoot('sfc');
    node.imageVermagic('5.14.0-284.30.1.el9_2.x86_64 SMP preempt mod_unload modversions');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(statusOf(node)).toMatchObject({
      phase: 'LoadRefused',
      reason: 'VermagicMismatch',
      blockingModule: 'sfc',
      lastError: expect.stringContaining(
        "built for kernel '5.14.0-284.30.1.el9_2.x86_64'",
      ) as string,
    });
    expect(modprobeCalls(node)).toEqual([]);
    expect(node.loadedFrom('sfc')).toBe('in-tree');
  });
});

describe('out-of-tree load fails', () => {
  const sfcNode = () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc', 'mdio'] });
    node.addHostModuleFile('kernel/drivers/net/mdio.ko.xz');
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz', [
      'kernel/drivers/net/mdio.ko.xz',
    ]);
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    return node;
  };

  it('reloads the unloaded in-tree modules, dependencies first, and says they are back', async () => {
    const node = sfcNode();
    node.failWorker(1);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(modprobeCalls(node)).toEqual([['-rv', 'sfc', 'mdio'], ['mdio'], ['sfc']]);
    expect(node.loadedModules()).toEqual(['mdio', 'sfc']);
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(statusOf(node)).toMatchObject({
      phase: 'LoadFailed',
      reason: 'WorkerFailed',
      moduleLoaded: false,
      inTreeRestored: true,
      lastError: "the KMM worker exited with status 1 while loading sfc; see this unit's journal",
    });
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
    // A handled failure: the next boot tries again.
    expect(existsSync(node.path(CRASH_MARKER))).toBe(false);
  });

  it('says so when an in-tree module cannot be reloaded', async () => {
    const node = sfcNode();
    node.failWorker(1);
    node.breakHostModule('sfc');
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(load[0].output).toContain('in-tree modules still missing: sfc');
    expect(node.loadedModules()).toEqual(['mdio']);
    expect(statusOf(node)).toMatchObject({ phase: 'LoadFailed', inTreeRestored: false });
  });

  it('treats a loaded module without the out-of-tree taint as a failure', async () => {
    const node = sfcNode();
    node.imageTaint('');
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(statusOf(node)).toMatchObject({
      phase: 'LoadFailed',
      reason: 'NotOutOfTreeBuild',
      moduleLoaded: false,
    });
    // mdio, removed with the in-tree sfc, is back; sfc is loaded (not the out-of-tree build).
    expect(node.loadedModules()).toEqual(['mdio', 'sfc']);
    expect(node.taint('sfc')).toBe('');
  });
});

describe('panic mid-load', () => {
  it('after a boot that died while loading, keeps the in-tree driver for that config, kernel and image', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    node.panicOnLoad('sfc');
    const crashedBootID = node.bootID();
    const crash = await node.boot();
    expect(crash.crashed).toBe(true);
    expect(readFileSync(node.path(CRASH_MARKER), 'utf8')).toMatch(
      new RegExp(
        `^kernel=${KVER.replace(/\./g, '\\.')} image=${KMOD.replace(/\./g, '\\.')}@[0-9a-f]{64} config=[0-9a-f]{64}\n${crashedBootID}\n$`,
      ),
    );
    const callsBefore = node.calls('modprobe').length;
    for (let boot = 0; boot < 2; boot++) {
      const after = await node.boot();
      expect(after.crashed).toBe(false);
      expect(after.load[0].status).toBe(1);
      expect(after.rebooted).toBe(false);
      expect(node.calls('modprobe')).toHaveLength(callsBefore);
      expect(node.loadedFrom('sfc')).toBe('in-tree');
      expect(statusOf(node)).toMatchObject({
        phase: 'LoadSkippedAfterCrash',
        moduleLoaded: false,
        lastError: expect.stringContaining(
          `boot ${crashedBootID} died while loading sfc`,
        ) as string,
      });
      expect(node.status(MC).lastError).toContain(
        `delete /var/lib/kmm-day1/${MC}/load-in-progress`,
      );
    }
    expect(node.reboots()).toBe(0);
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });

    // A new build of the image re-arms by itself.
    node.panicOnLoad('none');
    node.pushNewBuild(KMOD, '2');
    const rearmed = await node.boot();
    expect(rearmed.load[0].status).toBe(0);
    expect(node.loadedFrom('sfc')).toBe('oot');
    expect(existsSync(node.path(CRASH_MARKER))).toBe(false);
  });

  it('an admin re-arms by deleting the marker', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    node.panicOnLoad('sfc');
    expect((await node.boot()).crashed).toBe(true);
    expect((await node.boot()).load[0].status).toBe(1);
    node.panicOnLoad('none');
    rmSync(node.path(CRASH_MARKER));
    expect((await node.boot()).load[0].status).toBe(0);
    expect(statusOf(node).phase).toBe('Loaded');
  });
});

describe('reboot budget', () => {
  it('images lost after every boot: one reboot, then RebootBudgetExhausted and the node keeps running', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.loseImagesAtEveryBoot();
    const first = await node.boot();
    expect(first.rebooted).toBe(true);
    for (let boot = 0; boot < 3; boot++) {
      const next = await node.boot();
      expect(next.load[0].output).toContain('not in local storage yet');
      expect(next.pull[0].status).toBe(1);
      expect(next.rebooted).toBe(false);
      expect(node.images()).toEqual([DEFAULT_WORKER_IMAGE, KMOD]);
      expect(statusOf(node)).toMatchObject({
        phase: 'RebootBudgetExhausted',
        rebootsUsed: 1,
        moduleLoaded: false,
        lastError: expect.stringContaining(`delete /var/lib/kmm-day1/${MC}/reboots`) as string,
      });
      expect(node.runMarkers()).toEqual([]);
      // Simulates the next boot, which no Day 1 reboot asked for.
      node.restart();
    }
    expect(node.reboots()).toBe(1);
    expect(node.loadedFrom('sfc')).toBe('in-tree');
  });

  it('`podman image exists` fails with 125 while pulls succeed: one reboot, then no more', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.damageStorage();
    const first = await node.boot();
    expect(first.load[0].output).toContain('failed with status 125');
    expect(first.rebooted).toBe(true);
    const second = await node.boot();
    expect(second.pull[0].status).toBe(1);
    expect(second.rebooted).toBe(false);
    expect(node.reboots()).toBe(1);
    expect(statusOf(node)).toMatchObject({ phase: 'RebootBudgetExhausted', rebootsUsed: 1 });
    expect(node.loadedFrom('sfc')).toBe('in-tree');
  });
});

describe('firmware', () => {
  it('copies firmware from the image path into /var/lib/firmware when set', async () => {
    const node = sandbox({ firmwareFilesPath: '/firmware/sfc' });
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    expect((await node.boot()).load[0].status).toBe(0);
    const [init, , worker] = podmanCreates(node);
    expect(init.slice(-2)).toEqual(['sh', '/firmware/sfc']);
    expect(init.at(-3)).toContain('cp -R "$1/." "/tmp$1/"');
    expect(worker.slice(-5)).toEqual([
      'kmod',
      'load',
      '/etc/kmm-worker/config.yaml',
      '--firmware-path',
      '/var/lib/firmware',
    ]);
    expect(node.workerConfig()).toMatchObject({ modprobe: { firmwarePath: '/firmware/sfc' } });
    expect(readFileSync(node.path('/var/lib/firmware/copied-from'), 'utf8')).toBe('/firmware/sfc');
  });

  it('passes no firmware path or flag when unset, and still creates /var/lib/firmware for the mount', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    expect((await node.boot()).load[0].status).toBe(0);
    const [init, , worker] = podmanCreates(node);
    expect(init.slice(-2)).toEqual(['sh', '']);
    expect(worker).not.toContain('--firmware-path');
    expect(node.workerConfig().modprobe).not.toHaveProperty('firmwarePath');
    expect(readdirSync(node.path('/var/lib'))).toContain('firmware');
  });

  it('fails the unit when the init container cannot copy the firmware, and cleans up', async () => {
    // Quotes and backslashes in the path must still give a valid JSON status file.
    const node = sandbox({ firmwareFilesPath: '/missing "fw" \\ 50%' });
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    node.failInitContainer();
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(statusOf(node)).toMatchObject({ phase: 'LoadFailed', inTreeRestored: true });
    expect(node.status(MC).lastError).toContain('could not copy /opt/lib/modules or /missing');
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });
});

describe('robustness', () => {
  it('removes the pod and volume left by an interrupted boot before loading', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    node.leaveStalePodmanObjects(`kmm-day1-${MC}`);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain(`removing pod kmm-day1-${MC}`);
    expect(load[0].output).toContain(`removing volume kmm-day1-${MC}`);
    expect(node.isLoaded('sfc')).toBe(true);
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });

  it('disk full: no temp file left, the old status never passes for the current one', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    const dir = node.path(`/var/log/kmm-day1/${MC}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'status.json'), '{"phase": "Loaded", "bootID": "an-old-boot"}\n');
    // The next status write lands on a full disk (ENOSPC from the kernel, through /dev/full).
    symlinkSync('/dev/full', join(dir, '.status.json.tmp'));
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain('No space left on device');
    expect(load[0].output).toContain(
      'removing it so that an old status cannot be taken for the current one',
    );
    // The write after it fit: the status is this boot's, a regular file; nothing temporary is left.
    expect(statusOf(node)).toMatchObject({ phase: 'Loaded', bootID: node.bootID() });
    expect(readdirSync(dir)).toEqual(['status.json']);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('runs two Day 1 configs on one node in the same boot without collisions, with one reboot for both', async () => {
    const node = sandbox();
    node.apply(
      produceMachineConfig({
        ...base,
        machineConfigName: '99-ice-day1',
        kernelModuleName: 'ice',
        kernelModuleImage: 'quay.io/acme/ice-kmod',
      }),
    );
    node.imageProvides('sfc', 'ice');
    node.slowPull('quay.io/acme/ice-kmod:' + KVER, 1);
    const first = await node.boot();
    expect(first.pull.map((r) => r.status)).toEqual([0, 0]);
    expect(node.reboots()).toBe(1);
    expect(first.pull.find((r) => r.unit.startsWith('99-sfc'))?.output).toContain(
      'another Day 1 pull is still running',
    );
    expect(statusOf(node).rebootsUsed).toBe(1);
    expect(statusOf(node, '99-ice-day1').rebootsUsed).toBe(1);
    const second = await node.boot();
    expect(second.load.map((r) => r.status)).toEqual([0, 0]);
    expect(second.rebooted).toBe(false);
    expect(node.isLoaded('sfc') && node.isLoaded('ice')).toBe(true);
    const pods = new Set(podmanCreates(node).map((args) => args[3]));
    expect(pods).toEqual(new Set([`kmm-day1-${MC}`, 'kmm-day1-99-ice-day1']));
    expect(statusOf(node).phase).toBe('Loaded');
    expect(statusOf(node, '99-ice-day1').phase).toBe('Loaded');
    expect(node.runMarkers()).toEqual([]);
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });

  it('gives the in-tree driver back when systemd stops the load unit mid-load', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, KMOD);
    node.udevBusy();
    // udev never settles: 30 s of settle in a unit given 20 s.
    node.overrideTimeout(LOAD_UNIT, 20);
    const { load } = await node.boot();
    expect(load[0].timedOut).toBe(true);
    expect(load[0].status).toBe(1);
    expect(statusOf(node)).toMatchObject({
      phase: 'LoadFailed',
      reason: 'Interrupted',
      inTreeRestored: true,
    });
    expect(node.loadedFrom('sfc')).toBe('in-tree');
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });
});
