/**
 * @jest-environment node
 */
import { startConsoleShell } from '../../console-shell/server';
import type { NodeObject, SimObject } from '../core/kube-types';
import { MACHINE_CONFIGS, NODES } from '../core/resources';
import type { ClusterSim } from '../index';
import type { ManualClock } from '../core/clock';
import type { Day1Status } from '../node/day1-node';
import { day1MachineConfig, request, startManualSim } from './helpers';
import type { SimAnswer } from './helpers';

const MC = '99-sfc-day1';
const STATUS_PATH = `/logs/kmm-day1/${MC}/status.json`;
const LOAD_UNIT = `${MC}-replace-kernel-module.service`;
const PULL_UNIT = `${MC}-pull-kernel-module-image.service`;

type Sim = ClusterSim & { clock: ManualClock; logs: string[] };

const proxy = (node: string, path: string) => `/api/v1/nodes/${node}/proxy${path}`;

const nodeObject = (sim: Sim, name: string) =>
  sim.simulation.store.get(NODES, undefined, name) as NodeObject;

const agent = (sim: Sim, name: string) => {
  const found = sim.simulation.operator.agent(name);
  if (found === undefined) throw new Error(`no agent for ${name}`);
  return found;
};

const statusOf = (sim: Sim, name: string): Day1Status | undefined =>
  sim.simulation.day1Status(name)?.[MC];

/** Creates the sfc Day 1 config and runs until both sfc nodes have settled on it. */
const rollOut = (sim: Sim, until: (s: Day1Status | undefined) => boolean) => {
  sim.simulation.store.create(MACHINE_CONFIGS, day1MachineConfig() as SimObject);
  sim.clock.runUntil(
    () =>
      ['worker-4', 'worker-5'].every(
        (n) => until(statusOf(sim, n)) && agent(sim, n).kubeletReachability === 'up',
      ) && sim.simulation.operator.allAgents.every((a) => a.idle),
  );
};

const loaded = (s: Day1Status | undefined) => s?.phase === 'Loaded';

/** GET without following redirects, as a client sees the first answer. */
const raw = async (sim: Sim, path: string, token = 'admin') => {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('the node proxy to the kubelet /logs/', () => {
  let sim: Sim;

  beforeEach(async () => {
    sim = await startManualSim();
  });

  afterEach(async () => {
    await sim.close();
  });

  describe('after the Day 1 rollout', () => {
    beforeEach(() => {
      rollOut(sim, loaded);
    });

    it('lists directories as Go http.FileServer does and redirects a directory without its slash', async () => {
      const root = await raw(sim, proxy('worker-4', '/logs/'));
      expect(root.status).toBe(200);
      expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(root.text).toBe(
        [
          '<!doctype html>',
          '<meta name="viewport" content="width=device-width">',
          '<pre>',
          '<a href="audit/">audit/</a>',
          '<a href="containers/">containers/</a>',
          '<a href="crio/">crio/</a>',
          '<a href="journal/">journal/</a>',
          '<a href="kmm-day1/">kmm-day1/</a>',
          '<a href="openvswitch/">openvswitch/</a>',
          '<a href="pods/">pods/</a>',
          '</pre>',
          '',
        ].join('\n'),
      );
      const configs = await raw(sim, proxy('worker-4', '/logs/kmm-day1/'));
      expect(configs.text).toContain(`<pre>\n<a href="${MC}/">${MC}/</a>\n</pre>\n`);
      const files = await raw(sim, proxy('worker-4', `/logs/kmm-day1/${MC}/`));
      expect(files.text).toContain('<pre>\n<a href="status.json">status.json</a>\n</pre>\n');

      const redirect = await raw(sim, proxy('worker-4', '/logs/kmm-day1'));
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('kmm-day1/');
      expect(redirect.text).toBe('');
      // A node without Day 1 files has no kmm-day1 directory.
      expect((await raw(sim, proxy('worker-0', '/logs/'))).text).not.toContain('kmm-day1');
    });

    it('serves the status file exactly as the node wrote it, and 404 for a missing file', async () => {
      const file = await raw(sim, proxy('worker-4', STATUS_PATH));
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('application/json');
      expect(file.text).toBe(
        agent(sim, 'worker-4').day1.files.get(`/var/log/kmm-day1/${MC}/status.json`),
      );
      const status = JSON.parse(file.text) as Day1Status;
      expect(status).toMatchObject({ phase: 'Loaded', moduleLoaded: true, machineConfig: MC });
      expect(status.bootID).toBe(nodeObject(sim, 'worker-4').status.nodeInfo.bootID);

      const missing = await raw(sim, proxy('worker-0', STATUS_PATH));
      expect(missing).toMatchObject({ status: 404, text: '404 page not found\n' });
      expect(missing.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect((await raw(sim, proxy('worker-4', '/healthz'))).status).toBe(404);
      expect((await raw(sim, proxy('worker-4', `${STATUS_PATH}/`))).headers.get('location')).toBe(
        '../status.json',
      );
    });

    it('treats a known query parameter as a node log query, which refuses a file path', async () => {
      const plain = await raw(sim, proxy('worker-4', STATUS_PATH));
      // Parameters the kubelet does not know make no query: the file as without them.
      expect((await raw(sim, proxy('worker-4', `${STATUS_PATH}?x=1`))).text).toBe(plain.text);
      for (const query of ['tailLines=5', `query=${LOAD_UNIT}`, 'sinceTime=2026-11-24T03:00:00Z']) {
        expect(await raw(sim, proxy('worker-4', `${STATUS_PATH}?${query}`))).toMatchObject({
          status: 406,
          text: 'path not allowed in query mode\n',
        });
      }
      expect(await raw(sim, proxy('worker-4', `${STATUS_PATH}?tailLines=x`))).toMatchObject({
        status: 400,
        text: 'tailLines: Invalid value: "x": strconv.Atoi: parsing "x": invalid syntax\n',
      });
      expect(await raw(sim, proxy('worker-4', '/logs/?query=%20'))).toMatchObject({
        status: 400,
        text: 'query: Invalid value: []string{" "}: query cannot be empty\n',
      });
      // A file can be queried by name from /logs/, without options.
      const queried = await raw(sim, proxy('worker-4', `/logs/?query=/kmm-day1/${MC}/status.json`));
      expect(queried.text).toBe(plain.text);
      expect(
        await raw(sim, proxy('worker-4', `/logs/?query=/kmm-day1/${MC}/status.json&tailLines=1`)),
      ).toMatchObject({
        status: 406,
        text: `query: Invalid value: []string{"/kmm-day1/${MC}/status.json"}: cannot specify file with options\n`,
      });
    });

    it('serves the Day 1 units journal filtered by unit, as oc adm node-logs asks for it', async () => {
      const path = `/logs/journal?unit=${LOAD_UNIT}&query=${LOAD_UNIT}&unit=${PULL_UNIT}&query=${PULL_UNIT}`;
      const journal = await raw(sim, proxy('worker-4', path));
      expect(journal.status).toBe(200);
      expect(journal.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
      const lines = journal.text.trimEnd().split('\n');
      expect(lines[0]).toMatch(
        new RegExp(
          `^Nov 24 \\d\\d:\\d\\d:\\d\\d\\.\\d{6} worker-4 systemd\\[1\\]: Starting ${LOAD_UNIT}\\.\\.\\.$`,
        ),
      );
      const text = journal.text;
      expect(text).toContain(`worker-4 ${MC}-replace-kernel-module.sh[`);
      expect(text).toContain(`kmm-day1[${MC}]: quay.io/acme/sfc-kmod:`);
      expect(text).toContain('is not in local storage yet; keeping the in-tree driver');
      expect(text).toContain(`kmm-day1[${MC}]: pulled quay.io/acme/sfc-kmod:`);
      expect(text).toContain('rebooting so that the kernel modules load before networking');
      expect(text).toMatch(/^-- Boot [0-9a-f]{32} --$/m);
      expect(text).toMatch(
        new RegExp(`kmm-day1\\[${MC}\\]: module sfc loaded from quay\\.io/acme/sfc-kmod:`),
      );
      expect(text).toContain(`Finished ${LOAD_UNIT}.`);

      const loadOnly = await raw(sim, proxy('worker-4', `/logs/?query=${LOAD_UNIT}&tailLines=2`));
      expect(loadOnly.text.trimEnd().split('\n')).toEqual([
        expect.stringContaining(`${LOAD_UNIT}: Deactivated successfully.`),
        expect.stringContaining(`Finished ${LOAD_UNIT}.`),
      ]);
      expect(loadOnly.text).not.toContain(PULL_UNIT);
      expect((await raw(sim, proxy('worker-4', '/logs/?query=nothing'))).text).toBe(
        '\nlog not found for nothing\n',
      );
      expect((await raw(sim, proxy('worker-4', '/logs/?query=bad%2Funit'))).status).toBe(406);
      expect(
        (await raw(sim, proxy('worker-4', `/logs/?query=${LOAD_UNIT}&pattern=loaded%20from`))).text,
      ).toMatch(
        /^\S+ \d\d \S+ worker-4 \S+\[\d+\]: kmm-day1\[99-sfc-day1\]: module sfc loaded from \S+\n$/,
      );
    });

    it('marks a stale file with an earlier boot and cuts a corrupt one short', async () => {
      const bootID = nodeObject(sim, 'worker-4').status.nodeInfo.bootID;
      await request(sim, '/sim/faults', { method: 'POST', body: { staleStatus: 'worker-4' } });
      const stale = JSON.parse((await raw(sim, proxy('worker-4', STATUS_PATH))).text) as Day1Status;
      expect(stale.bootID).not.toBe(bootID);
      expect(agent(sim, 'worker-4').day1.journal.boots).toContain(stale.bootID);
      expect(JSON.parse((await raw(sim, proxy('worker-5', STATUS_PATH))).text)).toMatchObject({
        bootID: nodeObject(sim, 'worker-5').status.nodeInfo.bootID,
      });

      await request(sim, '/sim/faults', { method: 'POST', body: { corruptStatus: 'worker-5' } });
      const corrupt = await raw(sim, proxy('worker-5', STATUS_PATH));
      expect(corrupt.status).toBe(200);
      expect(() => JSON.parse(corrupt.text) as unknown).toThrow(SyntaxError);
      // The node itself still has its file; only what the kubelet serves is damaged.
      expect(statusOf(sim, 'worker-5')?.phase).toBe('Loaded');

      const cleared = await request<SimAnswer & { faults: Record<string, unknown> }>(
        sim,
        '/sim/faults',
        { method: 'POST', body: { clear: true } },
      );
      expect(cleared.body.faults).toMatchObject({ staleStatus: [], corruptStatus: [] });
      expect(JSON.parse((await raw(sim, proxy('worker-5', STATUS_PATH))).text)).toMatchObject({
        phase: 'Loaded',
      });
    });
  });

  it('works through the console shell, which strips /api/kubernetes', async () => {
    rollOut(sim, loaded);
    const shell = await startConsoleShell({
      port: 0,
      simulatorURL: sim.url,
      pluginDist: __dirname,
      shellDist: __dirname,
    });
    try {
      const base = `${shell.url}/api/kubernetes/api/v1/nodes/worker-4/proxy`;
      const file = await fetch(`${base}${STATUS_PATH}`);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe((await raw(sim, proxy('worker-4', STATUS_PATH))).text);
      // A directory's relative redirect stays under the prefix.
      const listing = await fetch(`${base}/logs/kmm-day1`);
      expect(listing.url).toBe(`${base}/logs/kmm-day1/`);
      expect(await listing.text()).toContain(`<a href="${MC}/">`);
      const readOnly = await fetch(`${base}/logs/`, {
        headers: { Cookie: 'kmm-day1-user=read-only' },
      });
      expect(readOnly.status).toBe(403);
    } finally {
      await shell.close();
    }
  });

  it('needs get on nodes/proxy: 403 for read-only, and the access review says so', async () => {
    const forbidden = await request(sim, proxy('worker-4', '/logs/'), { token: 'read-only' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'nodes "worker-4" is forbidden: User "read-only" cannot get resource "nodes/proxy" in API group "" at the cluster scope',
      reason: 'Forbidden',
      details: { name: 'worker-4', kind: 'nodes' },
      code: 403,
    });
    expect((await request(sim, '/api/v1/nodes/worker-4', { token: 'read-only' })).status).toBe(200);
    const review = (token: string) =>
      request(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        token,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb: 'get', resource: 'nodes', subresource: 'proxy' } },
        },
      });
    expect((await review('read-only')).body.status.allowed).toBe(false);
    expect((await review('admin')).body.status.allowed).toBe(true);
    expect((await request(sim, proxy('worker-4', '/logs/'), { token: null })).status).toBe(401);
  });

  it('answers 404 for an unknown node and redirects the bare proxy path', async () => {
    const missing = await request(sim, proxy('worker-99', '/logs/'));
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('nodes "worker-99" not found');
    const bare = await raw(sim, '/api/v1/nodes/worker-4/proxy');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/api/v1/nodes/worker-4/proxy/');
  });

  it('cannot reach a node that is rebooting: 500 from the API server, never a file', async () => {
    sim.simulation.store.create(MACHINE_CONFIGS, day1MachineConfig() as SimObject);
    const address = (nodeObject(sim, 'worker-4').status.addresses as { address: string }[])[0]
      .address;
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    sim.clock.runUntil(() => agent(sim, 'worker-4').kubeletReachability === 'down');
    const down = await request(sim, proxy('worker-4', STATUS_PATH));
    expect(down.status).toBe(500);
    expect(down.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `error trying to reach service: dial tcp ${address}:10250: connect: no route to host`,
      code: 500,
    });
    // Booted, Day 1 pulls running before the kubelet: the machine answers, the kubelet port refuses.
    sim.clock.runUntil(() => agent(sim, 'worker-4').kubeletReachability === 'kubeletStopped');
    expect(statusOf(sim, 'worker-4')).toBeDefined();
    const refused = await request(sim, proxy('worker-4', STATUS_PATH));
    expect(refused.status).toBe(500);
    expect(refused.body.message).toBe(
      `error trying to reach service: dial tcp ${address}:10250: connect: connection refused`,
    );
    sim.clock.runUntil(() => agent(sim, 'worker-4').kubeletReachability === 'up');
    expect((await request(sim, proxy('worker-4', STATUS_PATH))).status).toBe(200);
  });

  it('fails the load on a node with failLoad: LoadFailed, in-tree driver restored', async () => {
    await request(sim, '/sim/faults', { method: 'POST', body: { failLoad: 'worker-5' } });
    rollOut(sim, (s) => s?.phase === 'Loaded' || s?.phase === 'LoadFailed');
    const failed = JSON.parse((await raw(sim, proxy('worker-5', STATUS_PATH))).text) as Day1Status;
    expect(failed).toMatchObject({
      phase: 'LoadFailed',
      moduleLoaded: false,
      inTreeRestored: true,
      reason: 'WorkerFailed',
      lastError: "the KMM worker exited with status 1 while loading sfc; see this unit's journal",
      loadedAt: null,
    });
    expect(statusOf(sim, 'worker-4')?.phase).toBe('Loaded');
    expect([...agent(sim, 'worker-5').day1.loadedModules].sort()).toEqual(['mdio', 'sfc']);
    expect(agent(sim, 'worker-5').day1.outOfTreeModules.size).toBe(0);
    const journal = (await raw(sim, proxy('worker-5', `/logs/?query=${LOAD_UNIT}`))).text;
    expect(journal).toContain('reloading in-tree module sfc');
    expect(journal).toContain(`Failed to start ${LOAD_UNIT}.`);
  });

  it('hangs calls to a node that never answers until the client gives up', async () => {
    await request(sim, '/sim/faults', { method: 'POST', body: { hangProxy: 'worker-4' } });
    await expect(
      fetch(`${sim.url}${proxy('worker-4', '/logs/')}`, {
        headers: { Authorization: 'Bearer admin' },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect((await raw(sim, proxy('worker-5', '/logs/'))).status).toBe(200);
  });

  it('slows every proxy call with slowProxy (real time)', async () => {
    const set = await request<{ faults: { slowProxyMs: number } }>(sim, '/sim/faults', {
      method: 'POST',
      body: { slowProxy: 150 },
    });
    expect(set.body.faults.slowProxyMs).toBe(150);
    const started = Date.now();
    expect((await raw(sim, proxy('worker-4', '/logs/'))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const fault = await request<{ faults: { slowProxyMs: number } }>(sim, '/sim/faults', {
      method: 'POST',
      body: { slowProxy: true },
    });
    expect(fault.body.faults.slowProxyMs).toBe(2000);
    await request(sim, '/sim/faults', { method: 'POST', body: { slowProxy: false } });
    // Other API calls are not slowed.
    expect((await request(sim, '/api/v1/nodes/worker-4')).status).toBe(200);
  });

  it('adds proxyLatencyMs to every proxy call on the clock, and keeps it through clear', async () => {
    await request(sim, '/sim/faults', { method: 'POST', body: { proxyLatencyMs: 50 } });
    await request(sim, '/sim/faults', { method: 'POST', body: { clear: true } });
    let done = false;
    const pending = raw(sim, proxy('worker-4', '/logs/')).then((answer) => {
      done = true;
      return answer;
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
    // The request waits on the simulated clock, however long it takes in real time.
    await settle();
    expect(done).toBe(false);
    sim.clock.advance(49);
    await settle();
    expect(done).toBe(false);
    sim.clock.advance(1);
    expect((await pending).status).toBe(200);
    const state = await request<{ faults: { proxyLatencyMs: number } }>(sim, '/sim/state');
    expect(state.body.faults.proxyLatencyMs).toBe(50);
  });

  it('rejects bad proxy fault values', async () => {
    const bad = await request<SimAnswer>(sim, '/sim/faults', {
      method: 'POST',
      body: { slowProxy: 'yes', proxyLatencyMs: -1, hangProxy: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('slowProxy must be');
    expect(bad.body.error).toContain('proxyLatencyMs must be');
    expect(bad.body.error).toContain('hangProxy must be a node name');
  });
});
