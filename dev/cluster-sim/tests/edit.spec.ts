/**
 * @jest-environment node
 *
 * Editing a Day 1 config: KMM's BootModuleConfig served, the concurrent-edit fault (a 409 for the
 * next write), and an edit to a new image in the middle of a rollout.
 */
import type { ClusterSim } from '../index';
import { startClusterSim } from '../index';
import {
  MCP_PATH,
  MC_PATH,
  day1MachineConfig,
  eventually,
  request,
  startManualSim,
} from './helpers';
import type { SimAnswer } from './helpers';

const BMC_PATH = '/apis/kmm.sigs.x-k8s.io/v1beta1/namespaces/openshift-kmm/bootmoduleconfigs';

interface MachineConfigBody {
  metadata: { name: string; resourceVersion: string; annotations?: Record<string, string> };
  spec: { config: { systemd: { units: { contents?: string }[] } } };
}

describe('BootModuleConfig', () => {
  let sim: ClusterSim;
  beforeEach(async () => {
    sim = await startManualSim();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('is served namespaced, validated against the vendored CRD', async () => {
    await request(sim, '/api/v1/namespaces', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openshift-kmm' } },
    });
    const bmc = {
      apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
      kind: 'BootModuleConfig',
      metadata: { name: 'sfc-boot' },
      spec: {
        machineConfigName: '99-sfc-day1',
        machineConfigPoolName: 'sfc',
        kernelModuleImage: 'quay.io/acme/sfc-kmod',
        kernelModuleName: 'sfc',
      },
    };
    expect((await request(sim, BMC_PATH, { method: 'POST', body: bmc })).status).toBe(201);
    const listed = await request<{ items: { metadata: { namespace: string } }[] }>(
      sim,
      '/apis/kmm.sigs.x-k8s.io/v1beta1/bootmoduleconfigs',
    );
    expect(listed.body.items.map((item) => item.metadata.namespace)).toEqual(['openshift-kmm']);
    const invalid = await request(sim, BMC_PATH, {
      method: 'POST',
      body: { ...bmc, metadata: { name: 'bad' }, spec: { machineConfigName: 'x' } },
    });
    expect(invalid.status).toBe(422);
  });
});

describe('the concurrentEdit fault', () => {
  let sim: ClusterSim;
  beforeEach(async () => {
    sim = await startManualSim();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('changes the MachineConfig just before the next write, which then gets 409', async () => {
    await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig() });
    const loaded = (await request<MachineConfigBody>(sim, `${MC_PATH}/99-sfc-day1`)).body;
    const fault = await request(sim, '/sim/faults', {
      method: 'POST',
      body: { concurrentEdit: { machineConfig: '99-sfc-day1' } },
    });
    expect(fault.status).toBe(200);
    // Nothing happens until a write comes: a read still sees the loaded version.
    expect(
      (await request<MachineConfigBody>(sim, `${MC_PATH}/99-sfc-day1`)).body.metadata
        .resourceVersion,
    ).toBe(loaded.metadata.resourceVersion);

    const refused = await request(sim, `${MC_PATH}/99-sfc-day1?dryRun=All`, {
      method: 'PUT',
      body: loaded,
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ kind: 'Status', reason: 'Conflict' });
    const theirs = (await request<MachineConfigBody>(sim, `${MC_PATH}/99-sfc-day1`)).body;
    expect(theirs.metadata.annotations).toEqual({ 'kmm-day1.sim/edited-by': 'another-admin' });
    expect(theirs.metadata.resourceVersion).not.toBe(loaded.metadata.resourceVersion);

    // Once: a write with the new resourceVersion goes through.
    const saved = await request(sim, `${MC_PATH}/99-sfc-day1`, { method: 'PUT', body: theirs });
    expect(saved.status).toBe(200);
  });

  it('applies the given merge patch, and is refused when malformed', async () => {
    await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig() });
    await request(sim, '/sim/faults', {
      method: 'POST',
      body: {
        concurrentEdit: {
          machineConfig: '99-sfc-day1',
          patch: { metadata: { labels: { team: 'network' } } },
        },
      },
    });
    await request(sim, `${MC_PATH}/99-sfc-day1`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { metadata: { annotations: { mine: 'yes' } } },
    });
    const both = (
      await request<{ metadata: { labels: Record<string, string> } }>(sim, `${MC_PATH}/99-sfc-day1`)
    ).body;
    expect(both.metadata.labels.team).toBe('network');
    const bad = await request(sim, '/sim/faults', {
      method: 'POST',
      body: { concurrentEdit: { patch: {} } },
    });
    expect(bad.status).toBe(400);
  });
});

describe('a Day 1 config edited to a new image mid-rollout', () => {
  it('rolls the pool to the new image: every node reboots again and pulls it', async () => {
    const sim = await startClusterSim({ port: 0, timeScale: 0.001, log: () => undefined });
    try {
      await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig() });
      // Mid-rollout: one sfc node done with the first version, the pool still updating.
      await eventually(async () => {
        const state = (await request<SimAnswer>(sim, '/sim/state')).body;
        const sfc = state.nodes.filter((n) => n.pool === 'sfc');
        return sfc.some((n) => n.daemon.reboots >= 2) && sfc.some((n) => n.daemon.reboots === 0)
          ? true
          : undefined;
      }, 10_000);
      const before = (await request<SimAnswer>(sim, '/sim/state')).body.nodes.filter(
        (n) => n.pool === 'sfc',
      );
      const current = (await request<MachineConfigBody>(sim, `${MC_PATH}/99-sfc-day1`)).body;
      const edited = day1MachineConfig({ kernelModuleImage: 'quay.io/acme/sfc-kmod-v2' }) as {
        metadata: Record<string, unknown>;
      };
      edited.metadata.resourceVersion = current.metadata.resourceVersion;
      expect(
        (await request(sim, `${MC_PATH}/99-sfc-day1`, { method: 'PUT', body: edited })).status,
      ).toBe(200);

      const statuses = await eventually(async () => {
        const pool = (await request(sim, `${MCP_PATH}/sfc`)).body;
        const updated = pool.status.conditions.find((c) => c.type === 'Updated')?.status === 'True';
        const files = await Promise.all(
          ['worker-4', 'worker-5'].map(
            async (n) =>
              (
                await request<
                  Record<string, { phase: string; kernelModuleImage: string } | undefined>
                >(sim, `/sim/nodes/${n}/day1-status`)
              ).body['99-sfc-day1'],
          ),
        );
        return updated &&
          files.every(
            (f) =>
              f?.phase === 'Loaded' && f.kernelModuleImage.startsWith('quay.io/acme/sfc-kmod-v2:'),
          )
          ? files
          : undefined;
      }, 20_000);
      expect(statuses).toHaveLength(2);
      const after = (await request<SimAnswer>(sim, '/sim/state')).body.nodes.filter(
        (n) => n.pool === 'sfc',
      );
      // The node done with the first image rebooted again: MCO's reboot, then the pull's.
      for (const node of before.filter((n) => n.daemon.reboots >= 2)) {
        const now = after.find((n) => n.name === node.name);
        expect(now?.daemon.reboots).toBe(node.daemon.reboots + 2);
      }
    } finally {
      await sim.close();
    }
  });
});
