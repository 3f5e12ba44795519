/**
 * @jest-environment node
 */
import type { NodeObject, PoolObject } from '../core/kube-types';
import { CLUSTER_VERSIONS, MACHINE_CONFIG_POOLS, NODES } from '../core/resources';
import type { ClusterVersionObject } from '../cvo/objects';
import type { ManualClock } from '../core/clock';
import type { ClusterSim } from '../index';
import { request, startManualSim } from './helpers';

const OLD_KERNEL = '5.14.0-427.13.1.el9_4.x86_64';
const NEW_KERNEL = '5.14.0-570.42.2.el9_6.x86_64';
const CV_PATH = '/apis/config.openshift.io/v1/clusterversions';
const IS_PATH = '/apis/image.openshift.io/v1/namespaces/openshift/imagestreams';
const ISTAG_PATH = '/apis/image.openshift.io/v1/namespaces/openshift/imagestreamtags';

interface TagAnswer {
  image: { dockerImageMetadata: { Config: { Labels: Record<string, string> } } };
}

// Whole updates of nine nodes, one simulation step at a time: far more steps than the other specs.
jest.setTimeout(60_000);

describe('the upgrade scenario: an OpenShift update that changes the kernel', () => {
  let sim: ClusterSim & { clock: ManualClock };

  const store = () => sim.simulation.store;
  const node = (name: string) => store().get(NODES, undefined, name) as NodeObject;
  const kernel = (name: string) => node(name).status.nodeInfo.kernelVersion;
  const pool = (name: string) => store().get(MACHINE_CONFIG_POOLS, undefined, name) as PoolObject;
  const cv = () => store().get(CLUSTER_VERSIONS, undefined, 'version') as ClusterVersionObject;
  const condition = (type: string) => cv().status.conditions.find((c) => c.type === type);
  const nodeNames = () =>
    store()
      .list(NODES)
      .map((n) => n.metadata.name);
  const sfcLoaded = () =>
    ['worker-4', 'worker-5'].every(
      (n) => sim.simulation.day1Status(n)?.['99-sfc-day1']?.phase === 'Loaded',
    );

  beforeEach(async () => {
    sim = await startManualSim({ scenario: 'upgrade' });
    // The scenario creates 99-sfc-day1 at start: it rolls out to sfc on the installed kernel.
    sim.clock.runUntil(sfcLoaded);
  });

  afterEach(async () => {
    await sim.close();
  });

  it('serves ClusterVersion with an available update, and the Driver Toolkit stream read-only', async () => {
    const list = await request<{ items: ClusterVersionObject[] }>(sim, CV_PATH, {
      token: 'read-only',
    });
    expect(list.status).toBe(200);
    const version = list.body.items[0];
    expect(version.metadata.name).toBe('version');
    expect(version.status.desired.version).toBe('4.19.9');
    expect(version.status.availableUpdates?.map((u) => u.version)).toEqual(['4.20.3']);
    expect(version.status.history.map((h) => [h.state, h.version])).toEqual([
      ['Completed', '4.19.9'],
    ]);
    expect(
      Object.fromEntries(version.status.conditions.map((c) => [c.type, c.status])),
    ).toMatchObject({ Available: 'True', Failing: 'False', Progressing: 'False' });
    // What the API server stores validates against the real CRD (a dry-run update of the same object).
    const same = await request(sim, `${CV_PATH}/version?dryRun=All`, {
      method: 'PUT',
      body: version,
    });
    expect(same.status).toBe(200);

    const stream = await request<{ status: { tags: { tag: string }[] } }>(
      sim,
      `${IS_PATH}/driver-toolkit`,
      { token: 'read-only' },
    );
    expect(stream.body.status.tags.map((t) => t.tag)).toEqual(['416.94.202405291527-0', 'latest']);
    const latest = await request<TagAnswer>(sim, `${ISTAG_PATH}/driver-toolkit:latest`);
    expect(latest.body.image.dockerImageMetadata.Config.Labels['kernel-version']).toBe(OLD_KERNEL);
    const write = await request(sim, `${IS_PATH}/driver-toolkit`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { x: 'y' } } },
    });
    expect(write.status).toBe(405);
  });

  it('starts the update when a client sets spec.desiredUpdate, as oc adm upgrade --to does', async () => {
    const patched = await request(sim, `${CV_PATH}/version`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { desiredUpdate: { version: '4.20.3' } } },
    });
    expect(patched.status).toBe(200);
    sim.clock.runUntil(() => condition('Progressing')?.status === 'True');
    expect(cv().status.history[0]).toMatchObject({ state: 'Partial', version: '4.20.3' });
    expect(condition('Progressing')?.message).toMatch(/^Working towards 4\.20\.3: /);
    // The control plane's pool gets the new OS image first.
    sim.clock.runUntil(
      () => kernel('master-0') === NEW_KERNEL || kernel('worker-4') === NEW_KERNEL,
    );
    expect(kernel('master-0')).toBe(NEW_KERNEL);
    expect(kernel('worker-4')).toBe(OLD_KERNEL);
  });

  it('refuses an update to a release that is not available', async () => {
    const answer = await request<{ error: string }>(sim, '/sim/cluster-update', {
      method: 'POST',
      body: { version: '4.21.0' },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('version must be one of the available updates: 4.20.3');
  });

  it('updates the control plane first, then the workers; each node gets the new kernel by rebooting', async () => {
    const started = await request(sim, '/sim/cluster-update', {
      method: 'POST',
      body: { version: '4.20.3' },
    });
    expect(started.status).toBe(200);
    sim.clock.runUntil(() => condition('Progressing')?.status === 'True');
    expect(cv().status.desired.version).toBe('4.20.3');
    expect(cv().status.history[0]).toMatchObject({ state: 'Partial', version: '4.20.3' });
    // The release's Driver Toolkit declares the new kernel before any node runs it.
    const latest = await request<TagAnswer>(sim, `${ISTAG_PATH}/driver-toolkit:latest`);
    expect(latest.body.image.dockerImageMetadata.Config.Labels['kernel-version']).toBe(NEW_KERNEL);
    expect(nodeNames().every((n) => kernel(n) === OLD_KERNEL)).toBe(true);

    // Sample every step: the order in which nodes change kernel, and the boot each change comes with.
    const order: string[] = [];
    const bootAtChange = new Map<string, { before: string; after: string }>();
    const boots = new Map(nodeNames().map((n) => [n, node(n).status.nodeInfo.bootID]));
    let completedBeforeWorker = true;
    sim.clock.runUntil(() => {
      for (const name of nodeNames()) {
        if (kernel(name) === NEW_KERNEL && !order.includes(name)) {
          order.push(name);
          bootAtChange.set(name, {
            before: boots.get(name) ?? '',
            after: node(name).status.nodeInfo.bootID,
          });
          if (name.startsWith('worker') && condition('Progressing')?.status !== 'False')
            completedBeforeWorker = false;
        }
      }
      return order.length === nodeNames().length;
    });
    expect(order.slice(0, 3).sort()).toEqual(['master-0', 'master-1', 'master-2']);
    expect(completedBeforeWorker).toBe(true);
    for (const [, boot] of bootAtChange) expect(boot.after).not.toBe(boot.before);
    expect(node('master-0').status.nodeInfo.osImage).toBe(
      'Red Hat Enterprise Linux CoreOS 9.6.20250925-0 (Plow)',
    );
    expect(cv().status.history.map((h) => [h.state, h.version])).toEqual([
      ['Completed', '4.20.3'],
      ['Completed', '4.19.9'],
    ]);
    expect(cv().status.availableUpdates).toBeNull();
    // The registry has no sfc-kmod tag for the new kernel: the sfc nodes keep their in-tree driver.
    sim.clock.runUntil(() =>
      ['worker-4', 'worker-5'].every(
        (n) => sim.simulation.day1Status(n)?.['99-sfc-day1']?.kernelVersion === NEW_KERNEL,
      ),
    );
    expect(sim.simulation.day1Status('worker-4')?.['99-sfc-day1']?.phase).not.toBe('Loaded');
  });

  it('leaves a paused pool on its kernel; resumed once the tag exists, its nodes load the module', async () => {
    await request(sim, `/apis/machineconfiguration.openshift.io/v1/machineconfigpools/sfc`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: true } },
    });
    await request(sim, '/sim/cluster-update', { method: 'POST', body: { version: '4.20.3' } });
    sim.clock.runUntil(() =>
      ['worker-0', 'worker-1', 'worker-2', 'worker-3'].every((n) => kernel(n) === NEW_KERNEL),
    );
    // Rendered for the new release, but not updated while paused.
    sim.clock.advance(120_000);
    expect(kernel('worker-4')).toBe(OLD_KERNEL);
    expect(kernel('worker-5')).toBe(OLD_KERNEL);
    expect(pool('sfc').spec.configuration?.name).not.toBe(pool('sfc').status?.configuration?.name);

    await request(sim, '/sim/registry', {
      method: 'POST',
      body: { images: [`quay.io/acme/sfc-kmod:${NEW_KERNEL}`] },
    });
    await request(sim, `/apis/machineconfiguration.openshift.io/v1/machineconfigpools/sfc`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: false } },
    });
    sim.clock.runUntil(() =>
      ['worker-4', 'worker-5'].every((n) => {
        const status = sim.simulation.day1Status(n)?.['99-sfc-day1'];
        return status?.kernelVersion === NEW_KERNEL && status.phase === 'Loaded';
      }),
    );
    expect(kernel('worker-4')).toBe(NEW_KERNEL);
  });
});
