/**
 * @jest-environment node
 */
import http from 'node:http';
import WebSocket from 'ws';
import type { ManualClock } from '../core/clock';
import type { ClusterSim } from '../index';
import { MCP_PATH, request, startManualSim } from './helpers';

interface WatchEvent {
  type: string;
  object: {
    metadata: { name: string; resourceVersion?: string; annotations?: Record<string, string> };
    code?: number;
    reason?: string;
    message?: string;
    kind?: string;
  };
}

let sim: ClusterSim & { clock: ManualClock };

beforeEach(async () => {
  sim = await startManualSim({ bookmarkIntervalMs: 1000 });
});

afterEach(async () => {
  await sim.close();
});

/** An HTTP chunked watch that collects events, one JSON object per line. */
const httpWatch = (path: string, token = 'admin') => {
  const events: WatchEvent[] = [];
  let buffer = '';
  let ended = false;
  let status = 0;
  const req = http.get(
    `${sim.url}${path}`,
    { headers: { Authorization: `Bearer ${token}` } },
    (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) events.push(JSON.parse(line) as WatchEvent);
      });
      res.on('end', () => {
        ended = true;
      });
      res.on('error', () => {
        ended = true;
      });
    },
  );
  req.on('error', () => {
    ended = true;
  });
  return {
    events,
    get ended() {
      return ended;
    },
    get status() {
      return status;
    },
    close: () => req.destroy(),
  };
};

/** A WebSocket watch, as the console opens it. */
const wsWatch = (path: string, options: { token?: string; protocols?: string[] } = {}) => {
  const events: WatchEvent[] = [];
  const socket = new WebSocket(
    `${sim.url.replace('http', 'ws')}${path}`,
    options.protocols ?? [],
    options.token === undefined ? {} : { headers: { Authorization: `Bearer ${options.token}` } },
  );
  let closed = false;
  let unexpected = 0;
  socket.on('message', (data: Buffer) => events.push(JSON.parse(data.toString()) as WatchEvent));
  socket.on('close', () => {
    closed = true;
  });
  socket.on('unexpected-response', (_req, res) => {
    unexpected = res.statusCode ?? 0;
    closed = true;
  });
  socket.on('error', () => {
    closed = true;
  });
  return {
    events,
    socket,
    get closed() {
      return closed;
    },
    get unexpected() {
      return unexpected;
    },
  };
};

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const pausePool = (name: string, paused: boolean) =>
  request(sim, `${MCP_PATH}/${name}`, {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { spec: { paused } },
  });

describe('HTTP streaming watches', () => {
  it('starts with ADDED for every object, then streams changes (watch=true and watch=1)', async () => {
    const watch = httpWatch(`${MCP_PATH}?watch=true`);
    await until(() => watch.events.length === 3, 'initial events');
    expect(watch.events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'master'],
      ['ADDED', 'sfc'],
      ['ADDED', 'worker'],
    ]);
    await pausePool('sfc', true);
    await until(() => watch.events.length === 4, 'the change');
    expect(watch.events[3]).toMatchObject({
      type: 'MODIFIED',
      object: { metadata: { name: 'sfc' } },
    });
    watch.close();

    const legacy = httpWatch(`${MCP_PATH}?watch=1&fieldSelector=metadata.name%3Dworker`);
    await until(() => legacy.events.length === 1, 'watch=1');
    expect(legacy.events[0].object.metadata.name).toBe('worker');
    legacy.close();
  });

  it('resumes after a resourceVersion and answers a too old one with 410 Gone', async () => {
    const list = await request<{ metadata: { resourceVersion: string } }>(sim, MCP_PATH);
    await pausePool('sfc', true);
    await pausePool('worker', true);
    const resumed = httpWatch(
      `${MCP_PATH}?watch=true&resourceVersion=${list.body.metadata.resourceVersion}`,
    );
    await until(() => resumed.events.length === 2, 'replayed events');
    expect(resumed.events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['MODIFIED', 'sfc'],
      ['MODIFIED', 'worker'],
    ]);
    resumed.close();

    const stale = httpWatch(`${MCP_PATH}?watch=true&resourceVersion=1`);
    await until(() => stale.ended, 'the stale watch to end');
    expect(stale.status).toBe(200);
    expect(stale.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
          message: expect.stringMatching(/^too old resource version: 1 \(\d+\)$/) as unknown,
        }) as unknown,
      },
    ]);
  });

  it('turns label changes into ADDED and DELETED for a selector', async () => {
    const watch = httpWatch(
      `/api/v1/nodes?watch=true&labelSelector=${encodeURIComponent('team=blue')}`,
    );
    // The watch is open (no node has the label, so no initial ADDED); the exact list below shows nothing
    // else came.
    await until(() => watch.status === 200, 'the watch to open');
    const label = (value: string | null) =>
      request(sim, '/api/v1/nodes/worker-0', {
        method: 'PATCH',
        contentType: 'application/merge-patch+json',
        body: { metadata: { labels: { team: value } } },
      });
    await label('blue');
    await label('red');
    await until(() => watch.events.length === 2, 'ADDED then DELETED');
    expect(watch.events.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
    watch.close();
  });

  it('ends an open watch with ERROR 410 Expired when told to (as after an etcd compaction)', async () => {
    const watch = httpWatch(
      `${MCP_PATH}?watch=true&resourceVersion=${String(sim.simulation.store.resourceVersion)}`,
    );
    await until(() => watch.status === 200, 'the watch to open');
    sim.applyFaults({ expireWatches: true });
    await until(() => watch.ended, 'the watch to end');
    expect(watch.events).toEqual([
      {
        type: 'ERROR',
        object: expect.objectContaining({
          kind: 'Status',
          code: 410,
          reason: 'Expired',
        }) as unknown,
      },
    ]);
    expect(sim.openWatches).toBe(0);
  });

  it('ends at timeoutSeconds and sends bookmarks when allowed', async () => {
    const watch = httpWatch(
      `${MCP_PATH}?watch=true&timeoutSeconds=5&allowWatchBookmarks=true&resourceVersion=${String(sim.simulation.store.resourceVersion)}`,
    );
    await until(() => watch.status === 200, 'the watch to open');
    sim.clock.advance(1000);
    await until(() => watch.events.length >= 1, 'a bookmark');
    expect(watch.events[0]).toMatchObject({
      type: 'BOOKMARK',
      object: { kind: 'MachineConfigPool' },
    });
    sim.clock.advance(5000);
    await until(() => watch.ended, 'the timeout');
  });

  it('marks the end of initial events with a bookmark when asked (sendInitialEvents)', async () => {
    const watch = httpWatch(
      `${MCP_PATH}?watch=true&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&resourceVersion=${String(sim.simulation.store.resourceVersion)}`,
    );
    await until(() => watch.events.length === 4, 'initial events and bookmark');
    expect(watch.events[3].object.metadata.annotations).toEqual({
      'k8s.io/initial-events-end': 'true',
    });
    watch.close();
  });

  it('refuses a watch without a token or with a bad resourceVersion', async () => {
    expect((await request(sim, `${MCP_PATH}?watch=true`, { token: null })).status).toBe(401);
    expect((await request(sim, `${MCP_PATH}?watch=true&resourceVersion=abc`)).status).toBe(400);
  });
});

describe('WebSocket watches', () => {
  it('sends JSON text frames, as the console reads them', async () => {
    const watch = wsWatch(`${MCP_PATH}?watch=true`, { token: 'admin' });
    await until(() => watch.events.length === 3, 'initial events');
    await pausePool('worker', true);
    await until(() => watch.events.length === 4, 'the change');
    expect(watch.events[3]).toMatchObject({
      type: 'MODIFIED',
      object: { metadata: { name: 'worker' } },
    });
    watch.socket.close();
  });

  it('takes the token from the bearer subprotocol and replays from a resourceVersion', async () => {
    const rv = sim.simulation.store.resourceVersion;
    await pausePool('sfc', true);
    const token = Buffer.from('read-only').toString('base64url');
    const watch = wsWatch(`${MCP_PATH}?watch=true&resourceVersion=${String(rv)}`, {
      protocols: [`base64url.bearer.authorization.k8s.io.${token}`],
    });
    await until(() => watch.events.length === 1, 'the replayed event');
    expect(watch.events[0]).toMatchObject({
      type: 'MODIFIED',
      object: { metadata: { name: 'sfc' } },
    });
    watch.socket.close();
  });

  it('encodes frames in base64 for the base64.binary.k8s.io subprotocol', async () => {
    const frames: string[] = [];
    const socket = new WebSocket(
      `${sim.url.replace('http', 'ws')}${MCP_PATH}?watch=true`,
      ['base64.binary.k8s.io'],
      { headers: { Authorization: 'Bearer admin' } },
    );
    socket.on('message', (data: Buffer) => frames.push(data.toString()));
    await until(() => frames.length === 3, 'initial frames');
    expect(socket.protocol).toBe('base64.binary.k8s.io');
    expect(JSON.parse(Buffer.from(frames[0], 'base64').toString())).toMatchObject({
      type: 'ADDED',
    });
    socket.close();
  });

  it('refuses an upgrade without a token, and sends 410 as an ERROR frame', async () => {
    const anonymous = wsWatch(`${MCP_PATH}?watch=true`);
    await until(() => anonymous.closed, 'the refusal');
    expect(anonymous.unexpected).toBe(401);

    const stale = wsWatch(`${MCP_PATH}?watch=true&resourceVersion=1`, { token: 'admin' });
    await until(() => stale.closed, 'the stale watch to close');
    expect(stale.events).toEqual([expect.objectContaining({ type: 'ERROR' })]);
    expect(stale.events[0].object.code).toBe(410);
  });

  it('drops every open watch on the dropWatches fault', async () => {
    const socket = wsWatch(`${MCP_PATH}?watch=true`, { token: 'admin' });
    const stream = httpWatch(`${MCP_PATH}?watch=true`);
    await until(() => socket.events.length === 3 && stream.events.length === 3, 'both watches');
    const state = await request<{ watches: number }>(sim, '/sim/state');
    expect(state.body.watches).toBe(2);
    const dropped = await request<{ droppedWatches: number }>(sim, '/sim/faults', {
      method: 'POST',
      body: { dropWatches: true },
    });
    expect(dropped.body.droppedWatches).toBe(2);
    await until(() => socket.closed && stream.ended, 'both watches to drop');
  });
});
