/**
 * @jest-environment node
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterSim } from '../index';
import { DEFAULT_SCHEMAS_DIR, startClusterSim } from '../index';
import {
  MCP_PATH,
  MC_PATH,
  day1MachineConfig,
  eventually,
  request,
  startManualSim,
} from './helpers';
import type { Day1Statuses, SimAnswer } from './helpers';

describe('control API and faults', () => {
  let sim: ClusterSim;

  beforeEach(async () => {
    sim = await startManualSim();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('fails the next N API requests with a Status body, then recovers', async () => {
    const set = await request<SimAnswer>(sim, '/sim/faults', {
      method: 'POST',
      body: { apiErrors: { count: 2, status: 500 } },
    });
    expect(set.body.faults.apiErrors).toEqual({ remaining: 2, status: 500 });
    for (let i = 0; i < 2; i++) {
      const failed = await request(sim, MCP_PATH);
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'InternalError',
        code: 500,
      });
    }
    expect((await request(sim, MCP_PATH)).status).toBe(200);
    await request(sim, '/sim/faults', {
      method: 'POST',
      body: { apiErrors: { count: 1, status: 503 } },
    });
    expect((await request(sim, MCP_PATH)).body.reason).toBe('ServiceUnavailable');
  });

  it('fails only the requests with the given method and path, with the given message', async () => {
    await request(sim, '/sim/faults', {
      method: 'POST',
      body: {
        apiErrors: {
          count: 1,
          status: 429,
          method: 'get',
          path: '/nodes/worker-0',
          message: 'slow down',
        },
      },
    });
    expect((await request(sim, '/api/v1/nodes/worker-1')).status).toBe(200);
    expect(
      (await request(sim, '/api/v1/nodes/worker-0', { method: 'DELETE', token: 'read-only' }))
        .status,
    ).toBe(403);
    const failed = await request(sim, '/api/v1/nodes/worker-0');
    expect(failed.status).toBe(429);
    expect(failed.body).toMatchObject({
      kind: 'Status',
      reason: 'TooManyRequests',
      message: 'slow down',
      code: 429,
    });
    expect((await request(sim, '/api/v1/nodes/worker-0')).status).toBe(200);
  });

  it('records what each request carried, through onRequest', async () => {
    const seen: { method: string; path: string; body?: unknown }[] = [];
    const recorded = await startClusterSim({
      port: 0,
      scenario: 'bare',
      schemasDir: null,
      log: () => undefined,
      onRequest: ({ method, path, body }) => seen.push({ method, path, body }),
    });
    try {
      const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
      expect(
        (await request(recorded, '/api/v1/nodes', { method: 'POST', body: node })).status,
      ).toBe(201);
      expect((await request(recorded, '/api/v1/nodes?limit=5')).body.items).toHaveLength(1);
      expect(seen).toEqual([
        { method: 'POST', path: '/api/v1/nodes', body: node },
        { method: 'GET', path: '/api/v1/nodes?limit=5' },
      ]);
    } finally {
      await recorded.close();
    }
  });

  it('shows faults in /sim/state and clears them', async () => {
    await request(sim, '/sim/faults', { method: 'POST', body: { degradeNode: 'worker-4' } });
    await request(sim, '/sim/faults', {
      method: 'POST',
      body: { hangDrain: 'worker-5', latencyMs: 0 },
    });
    const state = await request<SimAnswer>(sim, '/sim/state');
    expect(state.body.faults).toEqual({
      degradeNodes: ['worker-4'],
      hangDrains: ['worker-5'],
      loseImagesOnReboot: [],
      apiErrors: null,
      latencyMs: 0,
      slowProxyMs: 0,
      hangProxy: [],
      corruptStatus: [],
      staleStatus: [],
      failLoad: [],
      proxyLatencyMs: 0,
      concurrentEdits: {},
    });
    expect(state.body.scenario).toBe('demo');
    expect(state.body.nodes).toHaveLength(9);
    expect(state.body.nodes.find((n) => n.name === 'worker-4')).toMatchObject({
      pool: 'sfc',
      state: 'Done',
      ready: true,
    });
    await request(sim, '/sim/faults', { method: 'POST', body: { clear: true } });
    expect((await request<SimAnswer>(sim, '/sim/state')).body.faults.degradeNodes).toEqual([]);
  });

  it('rejects malformed fault and reset requests', async () => {
    for (const body of [
      { degradeNode: 3 },
      { apiErrors: { count: -1 } },
      { apiErrors: { count: 1, path: 3 } },
      { expireWatches: 'yes' },
      { latencyMs: 'slow' },
      { explode: true },
      [1],
    ]) {
      const result = await request<SimAnswer>(sim, '/sim/faults', { method: 'POST', body });
      expect(result.status).toBe(400);
      expect(result.body.error).toEqual(expect.any(String));
    }
    expect(
      (await request(sim, '/sim/reset', { method: 'POST', body: { scenario: 'huge' } })).status,
    ).toBe(400);
    expect(
      (await request(sim, '/sim/reset', { method: 'POST', body: { timeScale: 0 } })).status,
    ).toBe(400);
    expect((await request(sim, '/sim/nope', { method: 'POST', body: {} })).status).toBe(404);
  });

  it('resets to another scenario, keeping resourceVersions increasing', async () => {
    const before = Number((await request(sim, MCP_PATH)).body.metadata.resourceVersion);
    await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig() });
    const reset = await request<SimAnswer>(sim, '/sim/reset', {
      method: 'POST',
      body: { scenario: 'empty', timeScale: 0.5 },
    });
    expect(reset.status).toBe(200);
    const pools = await request(sim, MCP_PATH);
    expect(pools.body.items.map((p) => p.metadata.name)).toEqual(['master', 'worker']);
    expect(Number(pools.body.metadata.resourceVersion)).toBeGreaterThan(before);
    expect((await request(sim, `${MC_PATH}/99-sfc-day1`)).status).toBe(404);
    expect((await request<SimAnswer>(sim, '/sim/state')).body).toMatchObject({
      scenario: 'empty',
      timeScale: 0.5,
    });
    // A watch from before the reset is too old.
    const stale = await fetch(
      `${sim.url}${MCP_PATH}?watch=true&resourceVersion=${String(before)}`,
      {
        headers: { Authorization: 'Bearer admin' },
      },
    );
    expect(JSON.parse((await stale.text()).trim())).toMatchObject({
      type: 'ERROR',
      object: { code: 410 },
    });
  });

  it('adds registry images that image imports then find', async () => {
    const importImage = async (name: string) =>
      (
        await request(sim, '/apis/image.openshift.io/v1/namespaces/default/imagestreamimports', {
          method: 'POST',
          body: {
            metadata: { name: 'check' },
            spec: { import: false, images: [{ from: { kind: 'DockerImage', name } }] },
          },
        })
      ).body.status.images[0].status.status;
    expect(await importImage('quay.io/acme/new-kmod:1.0')).toBe('Failure');
    const registry = await request<SimAnswer>(sim, '/sim/registry', {
      method: 'POST',
      body: { images: ['quay.io/acme/new-kmod:1.0'] },
    });
    expect(registry.body.images).toContain('quay.io/acme/new-kmod:1.0');
    expect(await importImage('quay.io/acme/new-kmod:1.0')).toBe('Success');
    expect(
      (await request(sim, '/sim/registry', { method: 'POST', body: { images: 'x' } })).status,
    ).toBe(400);
  });

  it('pushes one tag to an image with POST /sim/registry/tags, which image imports then find', async () => {
    const reference = 'quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64';
    const importStatus = async () =>
      (
        await request(
          sim,
          '/apis/image.openshift.io/v1/namespaces/kmm-day1-checks/imagestreamimports',
          {
            method: 'POST',
            body: {
              metadata: { name: 'check' },
              spec: { import: false, images: [{ from: { kind: 'DockerImage', name: reference } }] },
            },
          },
        )
      ).body.status.images[0].status;
    // The demo's ice image is built for the el9_4 kernel only.
    expect(await importStatus()).toMatchObject({ status: 'Failure', reason: 'NotFound' });
    const pushed = await request<SimAnswer>(sim, '/sim/registry/tags', {
      method: 'POST',
      body: { image: 'quay.io/acme/ice-kmod', tag: '5.14.0-284.59.1.el9_2.x86_64' },
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.images).toContain(reference);
    expect(await importStatus()).toMatchObject({ status: 'Success' });

    const refused = async (body: unknown) =>
      (await request(sim, '/sim/registry/tags', { method: 'POST', body })).status;
    expect(await refused({ image: 'quay.io/acme/ice-kmod', tag: '5.14+debug' })).toBe(400);
    expect(await refused({ image: 'quay.io/acme/ice-kmod:v1', tag: 'v2' })).toBe(400);
    expect(await refused({ tag: 'v2' })).toBe(400);
  });

  it('serves a node Day 1 status files, and 404 for an unknown node', async () => {
    expect((await request<Day1Statuses>(sim, '/sim/nodes/worker-4/day1-status')).body).toEqual({});
    expect((await request(sim, '/sim/nodes/nope/day1-status')).status).toBe(404);
  });
});

describe('in real time', () => {
  it('delays every API response by latencyMs', async () => {
    const sim = await startClusterSim({ port: 0, timeScale: 0.001, log: () => undefined });
    try {
      await request(sim, '/sim/faults', { method: 'POST', body: { latencyMs: 150 } });
      const began = Date.now();
      expect((await request(sim, MCP_PATH)).status).toBe(200);
      expect(Date.now() - began).toBeGreaterThanOrEqual(140);
    } finally {
      await sim.close();
    }
  });

  it('rolls out a Day 1 config created through the API at time scale 0.001', async () => {
    const sim = await startClusterSim({ port: 0, timeScale: 0.001, log: () => undefined });
    try {
      const created = await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig() });
      expect(created.status).toBe(201);
      const statuses = await eventually(async () => {
        const pool = (await request(sim, `${MCP_PATH}/sfc`)).body;
        const updated = pool.status.conditions.find((c) => c.type === 'Updated')?.status === 'True';
        const onNew = pool.status.configuration.source.some((s) => s.name === '99-sfc-day1');
        const files = await Promise.all(
          ['worker-4', 'worker-5'].map(
            async (n) =>
              (await request<Day1Statuses>(sim, `/sim/nodes/${n}/day1-status`)).body['99-sfc-day1'],
          ),
        );
        return updated && onNew && files.every((f) => f?.phase === 'Loaded') ? files : undefined;
      }, 10_000);
      expect(statuses.map((s) => s?.moduleLoaded)).toEqual([true, true]);
      const state = (await request<SimAnswer>(sim, '/sim/state')).body;
      expect(state.nodes.filter((n) => n.pool === 'sfc').map((n) => n.daemon.reboots)).toEqual([
        2, 2,
      ]);
    } finally {
      await sim.close();
    }
  });
});

describe('without CRD schemas', () => {
  it('refuses to start rather than store what the API server would refuse', async () => {
    await expect(startManualSim({ schemasDir: '/nonexistent/schemas/crds' })).rejects.toThrow(
      'CRD schemas not found at /nonexistent/schemas/crds (pass --schemas DIR)',
    );
  });

  it('refuses a directory that lacks the schema of a custom resource it serves', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'sim-schemas-'));
    try {
      copyFileSync(
        join(DEFAULT_SCHEMAS_DIR, '0000_80_machine-config_01_machineconfigs.crd.yaml'),
        join(partial, 'machineconfigs.crd.yaml'),
      );
      await expect(startManualSim({ schemasDir: partial })).rejects.toThrow(
        `${partial} has no CRD schema for machineconfigpools.machineconfiguration.openshift.io, machineconfignodes.machineconfiguration.openshift.io, clusterversions.config.openshift.io, bootmoduleconfigs.kmm.sigs.x-k8s.io`,
      );
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });
});
