/** @jest-environment node */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import WebSocket from 'ws';
import type { ClusterSim, ReceivedRequest } from '../cluster-sim';
import { ManualClock, startClusterSim } from '../cluster-sim';
import { NODES as NODE_RESOURCE } from '../cluster-sim/core/resources';
import type { ConsoleShell } from './server';
import { startConsoleShell } from './server';
import { eventually } from './test/sim-cluster';

const PLUGIN = '/api/plugins/kmm-day1-console-plugin';
const NODES = '/api/v1/nodes';

let upstream: ClusterSim;
let shell: ConsoleShell;
/** What the simulator's API server received from the proxy. */
const received: ReceivedRequest[] = [];
const addNode = (name: string) =>
  upstream.simulation.store.create(NODE_RESOURCE, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: {},
    status: {},
  });
let root: string;

/** A raw GET (no URL normalisation, unlike fetch). */
const rawGet = (url: string, rawPath: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { port } = new URL(url);
    http
      .get({ host: '127.0.0.1', port, path: rawPath }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
        });
      })
      .on('error', reject);
  });

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'console-shell-'));
  const pluginDist = path.join(root, 'plugin');
  const shellDist = path.join(root, 'shell');
  await mkdir(path.join(pluginDist, 'locales/en'), { recursive: true });
  await mkdir(shellDist, { recursive: true });
  await writeFile(
    path.join(pluginDist, 'plugin-manifest.json'),
    '{"name":"kmm-day1-console-plugin"}',
  );
  await writeFile(path.join(pluginDist, 'plugin-entry.abc.min.js'), '__load_plugin_entry__();');
  await writeFile(path.join(pluginDist, 'locales/en/plugin__kmm-day1-console-plugin.json'), '{}');
  await writeFile(path.join(shellDist, 'index.html'), '<!doctype html><title>shell</title>');
  await writeFile(path.join(shellDist, 'shell-123.js'), 'console.log(1);');
  await writeFile(path.join(root, 'secret.txt'), 'outside');

  upstream = await startClusterSim({
    port: 0,
    scenario: 'bare',
    clock: new ManualClock(),
    schemasDir: null,
    log: () => undefined,
    onRequest: (request) => received.push(request),
  });
  addNode('worker-0');
  shell = await startConsoleShell({ port: 0, simulatorURL: upstream.url, pluginDist, shellDist });
});

afterAll(async () => {
  await shell.close();
  await upstream.close();
  await rm(root, { recursive: true, force: true });
});

describe('static files', () => {
  it('prints a localhost URL and serves the shell, with the SPA fallback for client routes', async () => {
    expect(shell.url).toBe(`http://localhost:${String(shell.port)}`);
    for (const route of [
      '/',
      '/day1-kernel-modules',
      '/k8s/cluster/machineconfiguration.openshift.io~v1~MachineConfigPool/sfc/yaml',
    ]) {
      const response = await fetch(`${shell.url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>shell</title>');
    }
    const script = await fetch(`${shell.url}/shell-123.js`);
    expect(script.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect((await fetch(`${shell.url}/missing.js`)).status).toBe(404);
  });

  it('serves the plugin at the console bridge path with MIME types, and nothing outside it', async () => {
    const manifest = await fetch(`${shell.url}${PLUGIN}/plugin-manifest.json`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const entry = await fetch(`${shell.url}${PLUGIN}/plugin-entry.abc.min.js?cacheBuster=1`);
    expect(entry.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(await entry.text()).toBe('__load_plugin_entry__();');
    expect(
      (await fetch(`${shell.url}${PLUGIN}/locales/en/plugin__kmm-day1-console-plugin.json`)).status,
    ).toBe(200);
    expect((await fetch(`${shell.url}${PLUGIN}/nope.js`)).status).toBe(404);
    const escape = await rawGet(shell.url, `${PLUGIN}/%2e%2e/%2e%2e/secret.txt`);
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('outside');
  });
});

describe('Kubernetes API proxy', () => {
  it('strips /api/kubernetes and adds the bearer token from the user cookie (admin by default)', async () => {
    const response = await fetch(`${shell.url}/api/kubernetes${NODES}`, {
      headers: { Authorization: 'Bearer forged' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ items: [{ metadata: { name: 'worker-0' } }] });
    await fetch(`${shell.url}/api/kubernetes${NODES}/worker-0`, {
      headers: { Cookie: 'theme=dark; kmm-day1-user=read-only' },
    });
    await fetch(`${shell.url}/api/kubernetes${NODES}`, { headers: { Cookie: 'kmm-day1-user=' } });
    const seen = received.map((r) => [r.path, r.headers.authorization]);
    expect(seen).toEqual([
      [NODES, 'Bearer admin'],
      [`${NODES}/worker-0`, 'Bearer read-only'],
      [NODES, undefined],
    ]);
  });

  it('passes request bodies and error statuses through', async () => {
    const denied = await fetch(`${shell.url}/api/kubernetes${NODES}`, {
      method: 'POST',
      headers: { Cookie: 'kmm-day1-user=read-only', 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'x' } }),
    });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ kind: 'Status', code: 403 });
    const created = await fetch(`${shell.url}/api/kubernetes${NODES}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'worker-1' } }),
    });
    expect(created.status).toBe(201);
  });

  it('proxies WebSocket watches with the token, events included', async () => {
    const from = String(upstream.simulation.store.resourceVersion);
    const socket = new WebSocket(
      `ws://127.0.0.1:${String(shell.port)}/api/kubernetes${NODES}?watch=true&resourceVersion=${from}`,
      { headers: { Cookie: 'kmm-day1-user=read-only' } },
    );
    const events: string[] = [];
    socket.on('message', (data: Buffer) => events.push(data.toString()));
    await new Promise((resolve) => socket.on('open', resolve));
    await eventually(() => {
      expect(upstream.openWatches).toBe(1);
    });
    const watch = received.find((r) => r.path.startsWith(`${NODES}?watch=true`));
    expect(watch?.headers.authorization).toBe('Bearer read-only');
    addNode('worker-9');
    await eventually(() => {
      expect(events.join()).toContain('worker-9');
    });
    socket.close();
    await eventually(() => {
      expect(upstream.openWatches).toBe(0);
    });
  });

  it('proxies /sim/* unchanged and without a token', async () => {
    const state = await fetch(`${shell.url}/sim/state?x=1`);
    expect(await state.json()).toMatchObject({ scenario: 'bare' });
    const request = received.find((r) => r.path.startsWith('/sim/'));
    expect(request?.path).toBe('/sim/state?x=1');
    expect(request?.headers.authorization).toBeUndefined();
  });
});

it('answers 502 with a Status when the simulator is down', async () => {
  const orphan = await startConsoleShell({
    port: 0,
    simulatorURL: 'http://127.0.0.1:1',
    pluginDist: root,
    shellDist: root,
  });
  try {
    const response = await fetch(`${orphan.url}/api/kubernetes${NODES}`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ kind: 'Status', code: 502 });
  } finally {
    await orphan.close();
  }
});

describe('over HTTP/2', () => {
  let secure: ConsoleShell;
  beforeAll(async () => {
    secure = await startConsoleShell({
      port: 0,
      simulatorURL: upstream.url,
      pluginDist: path.join(root, 'plugin'),
      shellDist: path.join(root, 'shell'),
      http2: true,
    });
  });
  afterAll(() => secure.close());

  /** One HTTP/2 GET on its own session; the certificate is the shell's throw-away one. */
  const get2 = (url: string, requestPath: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string; protocol: string }>((resolve, reject) => {
      const session = http2.connect(url, { rejectUnauthorized: false });
      session.on('error', reject);
      const request = session.request({ ':path': requestPath, ...headers });
      let status = 0;
      let body = '';
      request.on('response', (head) => {
        status = Number(head[':status']);
      });
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        resolve({ status, body, protocol: session.alpnProtocol ?? '' });
        session.close();
      });
      request.on('error', reject);
      request.end();
    });

  it('serves the shell and the API over HTTPS with HTTP/2, the token added as over HTTP/1.1', async () => {
    expect(secure.url).toBe(`https://localhost:${String(secure.port)}`);
    const page = await get2(secure.url, '/day1-kernel-modules');
    expect(page).toMatchObject({ status: 200, protocol: 'h2' });
    expect(page.body).toContain('<title>shell</title>');
    received.length = 0;
    const nodes = await get2(secure.url, `/api/kubernetes${NODES}`, {
      cookie: 'kmm-day1-user=read-only',
    });
    expect(nodes.status).toBe(200);
    expect(JSON.parse(nodes.body)).toMatchObject({ kind: 'NodeList' });
    expect(received.map((r) => [r.path, r.headers.authorization])).toEqual([
      [NODES, 'Bearer read-only'],
    ]);
  });

  it('still upgrades WebSocket watches, which browsers open over HTTP/1.1', async () => {
    const socket = new WebSocket(
      `wss://localhost:${String(secure.port)}/api/kubernetes${NODES}?watch=true`,
      { rejectUnauthorized: false },
    );
    const events: string[] = [];
    socket.on('message', (data: Buffer) => events.push(data.toString()));
    await new Promise((resolve) => socket.on('open', resolve));
    addNode('worker-h2');
    await eventually(() => {
      expect(events.join()).toContain('worker-h2');
    });
    socket.close();
  });
});
