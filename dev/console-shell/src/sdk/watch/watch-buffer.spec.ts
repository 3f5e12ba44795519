/**
 * @jest-environment node
 *
 * Watch events are applied in batches, as console's watch socket buffers them (bufferFlushInterval
 * 500 ms, bufferMax 1000): a burst of events changes a list, and wakes its users, once.
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
const mc = (name: string, spec: Record<string, unknown> = {}) => ({ metadata: { name }, spec });
const names = (data: unknown) => (data as K8sResourceCommon[]).map((o) => o.metadata?.name).sort();

let server: SimCluster;
let store: WatchStore | undefined;
/** Watch frames the store's WebSockets have received. */
let framesReceived = 0;

beforeEach(async () => {
  server = await startSimCluster();
  framesReceived = 0;
  configureSDK({
    apiOrigin: server.url,
    createWebSocket: (url) => {
      const socket = new WebSocket(url);
      socket.on('message', () => {
        framesReceived += 1;
      });
      return socket as unknown as globalThis.WebSocket;
    },
  });
  server.add(MACHINE_CONFIGS, mc('00-worker'));
});

afterEach(async () => {
  store?.stopAll();
  resetSDKConfig();
  await server.close();
});

/** A store holding the list watch, loaded and watching, and a count of its users' wake-ups. */
const watching = async (bufferFlushMs: number, initialBackoffMs = 1000) => {
  const started = new WatchStore({ bufferFlushMs, initialBackoffMs });
  store = started;
  started.acquire(request);
  await eventually(() => {
    expect(started.getState(key)?.loaded).toBe(true);
    expect(server.sim.openWatches).toBe(1);
  });
  const wakeUps = { count: 0 };
  started.subscribe(key, () => {
    wakeUps.count += 1;
  });
  return { state: () => started.getState(key), wakeUps };
};

it('applies a burst of events to a list in one change', async () => {
  const { state, wakeUps } = await watching(300);
  const before = state()?.data;

  server.add(MACHINE_CONFIGS, mc('50-a'));
  server.add(MACHINE_CONFIGS, mc('50-b'));
  server.modify(MACHINE_CONFIGS, '50-a', (o) => {
    o.spec = { changed: true };
  });
  server.remove(MACHINE_CONFIGS, '00-worker');

  await eventually(() => {
    expect(names(state()?.data)).toEqual(['50-a', '50-b']);
  });
  expect(wakeUps.count).toBe(1);
  expect(state()?.data).not.toBe(before);
  expect((state()?.data as { spec?: { changed?: boolean } }[])[0].spec).toEqual({ changed: true });
});

it('applies what arrived before a dropped watch', async () => {
  // Neither the buffer's timer nor the re-list (after a minute) can bring the event in.
  const { state } = await watching(60_000, 60_000);
  server.add(MACHINE_CONFIGS, mc('50-a'));
  // Wait until the event has arrived, so it is in the buffer (it cannot be applied for a minute).
  await eventually(() => {
    expect(framesReceived).toBe(1);
  });
  expect(names(state()?.data)).toEqual(['00-worker']);

  server.sim.applyFaults({ dropWatches: true });
  await eventually(() => {
    expect(state()?.reconnecting).toBe(true);
  });
  expect(names(state()?.data)).toEqual(['00-worker', '50-a']);
});

it('applies each event at once with bufferFlushMs 0', async () => {
  const { state, wakeUps } = await watching(0);
  server.add(MACHINE_CONFIGS, mc('50-a'));
  await eventually(() => {
    expect(names(state()?.data)).toEqual(['00-worker', '50-a']);
  });
  server.add(MACHINE_CONFIGS, mc('50-b'));
  await eventually(() => {
    expect(names(state()?.data)).toEqual(['00-worker', '50-a', '50-b']);
  });
  expect(wakeUps.count).toBe(2);
});
