/**
 * @jest-environment node
 *
 * A list's first load reports "loaded" with its first page and grows page by page, as console's
 * watchK8sList does (loaded, then bulkAddToList); a re-list after a dropped watch keeps the data it
 * had until the whole list is in.
 */
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import WebSocket from 'ws';
import type { SimCluster } from '../../../test/sim-cluster';
import { eventually, MACHINE_CONFIGS, startSimCluster } from '../../../test/sim-cluster';
import { configureSDK, resetSDKConfig } from '../config';
import { MachineConfigModel } from '../models';
import type { WatchRequest } from './query';
import { watchKey } from './query';
import { WatchStore } from './watch-store';

const request: WatchRequest = { model: MachineConfigModel, isList: true, query: {} };
const key = watchKey(request);
const names = (data: unknown) => (data as K8sResourceCommon[]).map((o) => o.metadata?.name).sort();

let server: SimCluster;
let store: WatchStore;

beforeEach(async () => {
  server = await startSimCluster();
  configureSDK({
    apiOrigin: server.url,
    createWebSocket: (url) => new WebSocket(url) as unknown as globalThis.WebSocket,
  });
  for (const name of ['a', 'b', 'c']) server.add(MACHINE_CONFIGS, { metadata: { name }, spec: {} });
  store = new WatchStore({ pageSize: 1, initialBackoffMs: 20 });
});

afterEach(async () => {
  store.stopAll();
  resetSDKConfig();
  await server.close();
});

/** What the watch's users see at each change: loaded, and the names. */
const recordStates = () => {
  const seen: { loaded: boolean; names: (string | undefined)[] }[] = [];
  store.subscribe(key, () => {
    const state = store.getState(key);
    if (state) seen.push({ loaded: state.loaded, names: names(state.data) });
  });
  return seen;
};

it('is loaded with the first page, then grows page by page', async () => {
  const seen = recordStates();
  store.acquire(request);
  await eventually(() => {
    expect(server.sim.openWatches).toBe(1);
  });
  expect(seen).toEqual([
    { loaded: true, names: ['a'] },
    { loaded: true, names: ['a', 'b'] },
    { loaded: true, names: ['a', 'b', 'c'] },
  ]);
});

it('keeps its data while it re-lists after a dropped watch', async () => {
  store.acquire(request);
  await eventually(() => {
    expect(server.sim.openWatches).toBe(1);
  });
  const seen = recordStates();
  server.sim.applyFaults({ dropWatches: true });
  await eventually(() => {
    expect(server.sim.openWatches).toBe(1);
    expect(store.getState(key)?.reconnecting).toBe(false);
  });
  expect(seen.every((state) => state.names.length === 3)).toBe(true);
});
