/**
 * @jest-environment node
 *
 * GET /sim/watches: the open watches per resource, which the bench reads to show that the rollout page
 * keeps one watch per kind whatever the node count.
 */
import WebSocket from 'ws';
import type { ClusterSim } from '../index';
import { MCP_PATH, eventually, request, startManualSim } from './helpers';

interface WatchStats {
  count: number;
  byResource: Record<string, number>;
}

let sim: ClusterSim;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  sim = await startManualSim();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await sim.close();
});

const openWatch = async (path: string): Promise<void> => {
  const socket = new WebSocket(`${sim.url.replace('http', 'ws')}${path}`, {
    headers: { Authorization: 'Bearer admin' },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('error', reject);
  });
};

const watchStats = async (): Promise<WatchStats> =>
  (await request<WatchStats>(sim, '/sim/watches', { token: null })).body;

/** The stats once `count` watches are registered (the upgrade answers before the hub registers). */
const statsWithCount = (count: number): Promise<WatchStats> =>
  eventually(async () => {
    const stats = await watchStats();
    return stats.count === count ? stats : undefined;
  });

describe('GET /sim/watches', () => {
  it('counts open watches per resource, core resources by plural alone', async () => {
    expect(await watchStats()).toEqual({ count: 0, byResource: {} });

    await openWatch(`${MCP_PATH}?watch=true`);
    // A selector that matches nothing still holds a watch open.
    await openWatch(`${MCP_PATH}?watch=true&labelSelector=custom`);
    await openWatch('/api/v1/nodes?watch=true');

    expect(await statsWithCount(3)).toEqual({
      count: 3,
      byResource: { 'machineconfiguration.openshift.io/machineconfigpools': 2, nodes: 1 },
    });
  });

  it('forgets watches that close or are dropped', async () => {
    await openWatch('/api/v1/nodes?watch=true');
    await openWatch(`${MCP_PATH}?watch=true`);
    await statsWithCount(2);
    sockets[0].close();
    expect((await statsWithCount(1)).byResource).toEqual({
      'machineconfiguration.openshift.io/machineconfigpools': 1,
    });

    await request(sim, '/sim/faults', { method: 'POST', body: { dropWatches: true } });
    expect(await watchStats()).toEqual({ count: 0, byResource: {} });
  });
});
