/**
 * @jest-environment node
 *
 * The real node scripts, run under bash from a produced MachineConfig on a simulated node (stub podman,
 * uname, systemctl, reboot, sleep and modprobe), boot after boot.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeSandbox } from '../../../test/support/node-sandbox';
import { produceMachineConfig } from '../machine-config';
import { DEFAULT_WORKER_IMAGE } from '../options';
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

describe('first apply', () => {
  it('first boot: the load step keeps the in-tree driver, the pull step pulls both images and reboots', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    const first = await node.boot();
    expect(first.load.map((r) => r.status)).toEqual([0]);
    expect(first.load[0].output).toContain('not in local storage yet');
    expect(podmanCreates(node)).toEqual([]);
    expect(node.calls('podman').filter((a) => a[1] === 'pull')).toEqual([
      ['podman', 'pull', '--authfile', '/var/lib/kubelet/config.json', DEFAULT_WORKER_IMAGE],
      ['podman', 'pull', '--authfile', '/var/lib/kubelet/config.json', `${IMAGE}:${KVER}`],
    ]);
    expect(first.pull.map((r) => r.status)).toEqual([0]);
    expect(first.rebooted).toBe(true);
    expect(node.images()).toEqual([DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`]);
    expect(node.status('99-sfc-day1')).toMatchObject({
      phase: 'RebootPending',
      moduleLoaded: false,
      lastError: null,
    });
  });

  it('second boot: the worker gets the right config, the module loads and nothing is pulled', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc', 'mdio'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.addHostModuleFile('kernel/drivers/net/mdio.ko.xz');
    node.loadInTreeAtBoot('sfc');
    await node.boot();
    const bootID = node.bootID();
    const second = await node.boot();

    expect(second.load.map((r) => r.status)).toEqual([0]);
    expect(second.pull.map((r) => r.status)).toEqual([0]);
    expect(second.pull[0].output).toContain('nothing to pull');
    expect(second.rebooted).toBe(false);
    expect(node.workerConfig()).toEqual({
      containerImage: `${IMAGE}:${KVER}`,
      modprobe: { dirName: '/opt', moduleName: 'sfc' },
      inTreeModulesToRemove: ['sfc', 'mdio'],
    });
    expect(node.loadedFrom('sfc')).toBe('oot');
    expect(node.status('99-sfc-day1')).toMatchObject({
      machineConfig: '99-sfc-day1',
      phase: 'Loaded',
      kernelVersion: KVER,
      kernelModule: 'sfc',
      kernelModuleImage: `${IMAGE}:${KVER}`,
      workerImage: DEFAULT_WORKER_IMAGE,
      moduleLoaded: true,
      lastError: null,
      bootID,
    });
    const [init, worker] = podmanCreates(node);
    expect(init).toEqual([
      'podman',
      'create',
      '--pod',
      'kmm-day1-99-sfc-day1',
      '--init-ctr=always',
      '-v',
      'kmm-day1-99-sfc-day1:/tmp',
      `${IMAGE}:${KVER}`,
      '/bin/sh',
      '-c',
      expect.stringContaining('cp -R /opt/lib/modules/. /tmp/opt/lib/modules/') as string,
      'sh',
      '',
    ]);
    expect(worker).toEqual([
      'podman',
      'create',
      '--pod',
      'kmm-day1-99-sfc-day1',
      '--user=root',
      '--privileged',
      '-v',
      'kmm-day1-99-sfc-day1:/tmp',
      '-v',
      `${node.path('/lib/modules')}:/lib/modules`,
      '-v',
      `${node.path('/var/lib/kmm-day1/99-sfc-day1/worker-config.yaml')}:/etc/kmm-worker/config.yaml`,
      '-v',
      `${node.path('/var/lib/firmware')}:/var/lib/firmware`,
      DEFAULT_WORKER_IMAGE,
      'kmod',
      'load',
      '/etc/kmm-worker/config.yaml',
    ]);
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });
});

describe('in-tree modules', () => {
  it('removes a loaded in-tree module before loading the out-of-tree one', async () => {
    const node = sandbox({ kernelModuleName: 'sfc_oot', inTreeModulesToRemove: ['sfc'] });
    node.imageProvides('sfc_oot');
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain('in-tree module sfc is loaded and will be removed');
    expect(node.calls('modprobe')).toEqual([
      ['modprobe', '-rv', 'sfc'],
      ['modprobe', '-vd', '/tmp/opt', 'sfc_oot'],
    ]);
    expect(node.isLoaded('sfc')).toBe(false);
    expect(node.isLoaded('sfc_oot')).toBe(true);
  });

  it('hands a present but unloaded in-tree module to the worker, which finds nothing to unload', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['sfc'] });
    node.addHostModuleFile('kernel/drivers/net/ethernet/sfc/sfc.ko.xz');
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain('in-tree module sfc is not loaded');
    expect(node.workerConfig().inTreeModulesToRemove).toEqual(['sfc']);
    expect(node.loadedFrom('sfc')).toBe('oot');
  });

  it('skips an in-tree module with no module file for this kernel', async () => {
    const node = sandbox({ inTreeModulesToRemove: ['mdio'] });
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain(
      `in-tree module mdio: no module file for kernel ${KVER}, nothing to remove`,
    );
    expect(node.workerConfig()).not.toHaveProperty('inTreeModulesToRemove');
    expect(node.calls('modprobe')).toEqual([['modprobe', '-vd', '/tmp/opt', 'sfc']]);
  });

  it('spells an in-tree module as its file does, whatever "-" or "_" the user wrote', async () => {
    const node = sandbox({ kernelModuleName: 'nvme_oot', inTreeModulesToRemove: ['nvme_core'] });
    node.imageProvides('nvme_oot');
    node.addHostModuleFile('kernel/drivers/nvme/host/nvme-core.ko.xz');
    node.loadInTreeAtBoot('nvme-core');
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    expect((await node.boot()).load[0].status).toBe(0);
    expect(node.workerConfig().inTreeModulesToRemove).toEqual(['nvme-core']);
    expect(node.isLoaded('nvme_core')).toBe(false);
  });

  it('fails with advice when the module is already loaded and was not listed for removal', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(node.status('99-sfc-day1')).toMatchObject({
      phase: 'LoadFailed',
      moduleLoaded: false,
      lastError: expect.stringContaining('add it to the in-tree modules to remove') as string,
    });
    expect(podmanCreates(node)).toEqual([]);
  });
});

describe('firmware', () => {
  it('copies firmware from the image path into /var/lib/firmware when set', async () => {
    const node = sandbox({ firmwareFilesPath: '/firmware/sfc' });
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    expect((await node.boot()).load[0].status).toBe(0);
    const [init, worker] = podmanCreates(node);
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
    expect(
      spawnSync('cat', [node.path('/var/lib/firmware/copied-from')], { encoding: 'utf8' }).stdout,
    ).toBe('/firmware/sfc');
  });

  it('passes no firmware path or flag when unset, and still creates /var/lib/firmware for the mount', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    expect((await node.boot()).load[0].status).toBe(0);
    const [init, worker] = podmanCreates(node);
    expect(init.slice(-2)).toEqual(['sh', '']);
    expect(worker).not.toContain('--firmware-path');
    expect(node.workerConfig().modprobe).not.toHaveProperty('firmwarePath');
    expect(readdirSync(node.path('/var/lib'))).toContain('firmware');
  });

  it('fails the unit when the init container cannot copy the firmware, and cleans up', async () => {
    // Quotes and backslashes in the path must still give a valid JSON status file.
    const node = sandbox({ firmwareFilesPath: '/missing "fw" \\ 50%' });
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    node.failInitContainer();
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(node.status('99-sfc-day1').lastError).toContain(
      'could not copy /opt/lib/modules or /missing',
    );
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });
});

describe('pulling', () => {
  it('retries a failing pull with bounded backoff, then succeeds and reboots', async () => {
    const node = sandbox();
    node.failPulls(`${IMAGE}:${KVER}`, 3);
    const { pull, rebooted } = await node.boot();
    expect(pull[0].status).toBe(0);
    expect(
      node.calls('podman').filter((a) => a[1] === 'pull' && a[4] === `${IMAGE}:${KVER}`),
    ).toHaveLength(4);
    expect(node.sleeps()).toEqual([10, 20, 40]);
    expect(rebooted).toBe(true);
  });

  it('gives up after five attempts, never reboots, and says why in the log and the status file', async () => {
    const node = sandbox();
    node.loadInTreeAtBoot('sfc');
    node.failPulls(`${IMAGE}:${KVER}`, 'always');
    const { pull, rebooted } = await node.boot();
    expect(pull[0].status).toBe(1);
    expect(rebooted).toBe(false);
    expect(node.reboots()).toBe(0);
    expect(node.sleeps()).toEqual([10, 20, 40, 80]);
    expect(pull[0].output).toContain(
      `could not pull ${IMAGE}:${KVER} after 5 attempts: Error: initializing source docker://${IMAGE}:${KVER}: reading manifest: manifest unknown; the node keeps its in-tree driver and retries at the next boot`,
    );
    expect(node.status('99-sfc-day1')).toMatchObject({
      phase: 'PullFailed',
      moduleLoaded: false,
      lastError: expect.stringContaining('manifest unknown') as string,
    });
    expect(node.isLoaded('sfc')).toBe(true);
  });

  it('caps the backoff delay', async () => {
    const node = sandbox();
    node.failPulls(DEFAULT_WORKER_IMAGE, 'always');
    const run = await node.runService('99-sfc-day1-pull-kernel-module-image.service', {
      KMM_DAY1_PULL_ATTEMPTS: '8',
    });
    expect(run.status).toBe(1);
    expect(node.sleeps()).toEqual([10, 20, 40, 80, 120, 120, 120]);
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
    expect(upgraded.rebooted).toBe(true);
    expect(node.images()).toContain(`${IMAGE}:5.14.0-427.13.1.el9_4.x86_64`);
    expect((await node.boot()).load[0].status).toBe(0);
    expect(node.status('99-sfc-day1')).toMatchObject({
      phase: 'Loaded',
      kernelVersion: '5.14.0-427.13.1.el9_4.x86_64',
    });
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

describe('robustness', () => {
  it('removes the pod and volume left by an interrupted boot before loading', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    node.leaveStalePodmanObjects('kmm-day1-99-sfc-day1');
    const { load } = await node.boot();
    expect(load[0].status).toBe(0);
    expect(load[0].output).toContain('removing pod kmm-day1-99-sfc-day1');
    expect(load[0].output).toContain('removing volume kmm-day1-99-sfc-day1');
    expect(node.isLoaded('sfc')).toBe(true);
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });

  it('fails the load unit when the worker fails', async () => {
    const node = sandbox();
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    node.failWorker(3);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(load[0].output).toContain('failing with status 3');
    expect(node.status('99-sfc-day1')).toMatchObject({
      phase: 'LoadFailed',
      moduleLoaded: false,
      lastError: "the KMM worker exited with status 3 while loading sfc; see this unit's journal",
    });
    expect(node.podmanObjects()).toEqual({ pods: [], volumes: [] });
  });

  it('fails the load unit when the worker succeeds but the module is not loaded', async () => {
    const node = sandbox();
    node.imageProvides();
    node.addImages(DEFAULT_WORKER_IMAGE, `${IMAGE}:${KVER}`);
    const { load } = await node.boot();
    expect(load[0].status).toBe(1);
    expect(node.status('99-sfc-day1').phase).toBe('LoadFailed');
  });

  it('runs two Day 1 configs on one node without collisions, with one reboot for both', async () => {
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
    const second = await node.boot();
    expect(second.load.map((r) => r.status)).toEqual([0, 0]);
    expect(second.rebooted).toBe(false);
    expect(node.isLoaded('sfc') && node.isLoaded('ice')).toBe(true);
    const pods = new Set(podmanCreates(node).map((args) => args[3]));
    expect(pods).toEqual(new Set(['kmm-day1-99-sfc-day1', 'kmm-day1-99-ice-day1']));
    expect(node.status('99-sfc-day1').phase).toBe('Loaded');
    expect(node.status('99-ice-day1').phase).toBe('Loaded');
  });
});
