/** @jest-environment node */
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import WebSocket from 'ws';
import type { SimCluster } from '../../../test/sim-cluster';
import {
  eventually,
  MACHINE_CONFIGS,
  MACHINE_CONFIG_POOLS,
  startSimCluster,
} from '../../../test/sim-cluster';
import { configureSDK, resetSDKConfig } from '../config';
import { HttpError } from '../http-error';
import { MachineConfigModel, MachineConfigPoolModel } from '../models';
import type { WatchRequest } from './query';
import { watchKey } from './query';
import { WatchStore } from './watch-store';

/** List requests (not watches, which are GETs with watch=true). */
const LIST = /\/machineconfigs\?(?!.*watch=)/;

const mc = (name: string, labels: Record<string, string> = {}) => ({
  metadata: { name, labels },
  spec: { config: { ignition: { version: '3.2.0' } } },
});

const listRequest: WatchRequest = { model: MachineConfigModel, isList: true, query: {} };

const names = (data: unknown) => (data as K8sResourceCommon[]).map((o) => o.metadata?.name).sort();

let server: SimCluster;
let store: WatchStore;
const releases: (() => void)[] = [];

const acquire = (request: WatchRequest) => {
  const release = store.acquire(request);
  releases.push(release);
  return release;
};
const stateOf = (request: WatchRequest) => store.getState(watchKey(request));

beforeEach(async () => {
  server = await startSimCluster();
  configureSDK({
    apiOrigin: server.url,
    createWebSocket: (url) => new WebSocket(url) as unknown as globalThis.WebSocket,
  });
  store = new WatchStore({ initialBackoffMs: 20, maxBackoffMs: 80, reconnectGraceMs: 60000 });
  server.add(MACHINE_CONFIGS, mc('00-worker', { role: 'worker' }));
  server.add(MACHINE_CONFIGS, mc('99-sfc-day1', { role: 'sfc' }));
});

afterEach(async () => {
  releases.splice(0).forEach((release) => {
    release();
  });
  store.stopAll();
  resetSDKConfig();
  await server.close();
});

describe('list watches', () => {
  it('lists, then watches from the list resourceVersion and applies events', async () => {
    acquire(listRequest);
    expect(stateOf(listRequest)).toEqual({
      data: [],
      loaded: false,
      loadError: '',
      reconnecting: false,
    });

    await eventually(() => {
      expect(stateOf(listRequest)?.loaded).toBe(true);
    });
    const state = stateOf(listRequest);
    expect(names(state?.data)).toEqual(['00-worker', '99-sfc-day1']);
    // List items get the kind and apiVersion that list responses leave out, as in console.
    expect((state?.data as K8sResourceCommon[])[0]).toMatchObject({
      kind: 'MachineConfig',
      apiVersion: 'machineconfiguration.openshift.io/v1',
    });
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
    const [list] = server.requestsTo('GET', LIST);
    const [watch] = server.requestsTo('GET', /machineconfigs\?watch=/);
    expect(list.path).toContain('limit=250');
    expect(watch.path).toMatch(
      /^\/apis\/machineconfiguration\.openshift\.io\/v1\/machineconfigs\?watch=true&resourceVersion=\d+$/,
    );

    server.add(MACHINE_CONFIGS, mc('50-new'));
    await eventually(() => {
      expect(names(stateOf(listRequest)?.data)).toEqual(['00-worker', '50-new', '99-sfc-day1']);
    });
    server.modify(MACHINE_CONFIGS, '50-new', (o) => {
      o.spec = { changed: true };
    });
    await eventually(() => {
      const changed = (stateOf(listRequest)?.data as { spec?: { changed?: boolean } }[]).find(
        (o) => o.spec?.changed,
      );
      expect(changed).toBeDefined();
    });
    server.remove(MACHINE_CONFIGS, '00-worker');
    await eventually(() => {
      expect(names(stateOf(listRequest)?.data)).toEqual(['50-new', '99-sfc-day1']);
    });
  });

  it('keeps one list and one watch per descriptor, however many users it has', async () => {
    const releaseA = acquire(listRequest);
    const releaseB = acquire({ model: MachineConfigModel, isList: true, query: {} });
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
    expect(server.requestsTo('GET', LIST)).toHaveLength(1);
    expect(store.getStatus()).toEqual({ watches: 1, reconnecting: 0, failing: 0 });

    // A different descriptor (a label selector) is a different watch.
    const selected: WatchRequest = {
      ...listRequest,
      query: { labelSelector: { matchLabels: { role: 'sfc' } } },
    };
    acquire(selected);
    await eventually(() => {
      expect(names(stateOf(selected)?.data)).toEqual(['99-sfc-day1']);
      expect(server.sim.openWatches).toBe(2);
    });

    releaseA();
    expect(stateOf(listRequest)).toBeDefined();
    releaseB();
    expect(stateOf(listRequest)).toBeUndefined();
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
  });

  it('follows continue tokens page by page', async () => {
    store = new WatchStore({ initialBackoffMs: 20, pageSize: 1 });
    server.add(MACHINE_CONFIGS, mc('50-third'));
    acquire(listRequest);
    await eventually(() => {
      expect(names(stateOf(listRequest)?.data)).toEqual(['00-worker', '50-third', '99-sfc-day1']);
    });
    expect(server.requestsTo('GET', LIST)).toHaveLength(3);
  });

  it('keeps its data while reconnecting, then re-lists and watches again', async () => {
    acquire(listRequest);
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
    server.sim.applyFaults({ dropWatches: true });
    // The drop is visible as "reconnecting" with the data kept.
    await eventually(() => {
      expect(stateOf(listRequest)?.reconnecting).toBe(true);
    });
    expect(store.getStatus()).toEqual({ watches: 1, reconnecting: 1, failing: 0 });
    expect(names(stateOf(listRequest)?.data)).toEqual(['00-worker', '99-sfc-day1']);

    // A change made while no watch was open arrives through the re-list.
    server.modify(MACHINE_CONFIGS, '99-sfc-day1', (o) => {
      o.spec = { missed: true };
    });
    await eventually(() => {
      expect(stateOf(listRequest)?.reconnecting).toBe(false);
      expect(server.sim.openWatches).toBe(1);
    });
    expect(server.requestsTo('GET', LIST)).toHaveLength(2);
    expect(
      (stateOf(listRequest)?.data as { spec?: { missed?: boolean } }[]).some((o) => o.spec?.missed),
    ).toBe(true);
    expect(store.getStatus()).toEqual({ watches: 1, reconnecting: 0, failing: 0 });

    server.add(MACHINE_CONFIGS, mc('60-after'));
    await eventually(() => {
      expect(names(stateOf(listRequest)?.data)).toContain('60-after');
    });
  });

  it('backs off while the re-list fails, without an error during the grace period', async () => {
    acquire(listRequest);
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
    server.sim.applyFaults({
      apiErrors: {
        count: 3,
        status: 503,
        method: 'GET',
        path: '/machineconfigs?limit',
        message: 'simulator restarting',
      },
    });
    server.sim.applyFaults({ dropWatches: true });
    await eventually(() => {
      expect(server.requestsTo('GET', LIST).length).toBeGreaterThanOrEqual(3);
    });
    expect(stateOf(listRequest)).toMatchObject({ loaded: true, loadError: '', reconnecting: true });
    await eventually(() => {
      expect(stateOf(listRequest)?.reconnecting).toBe(false);
    });
    expect(server.requestsTo('GET', LIST)).toHaveLength(5);
  });

  it('shows the error once a dropped watch has failed to re-list for the grace period', async () => {
    store = new WatchStore({ initialBackoffMs: 20, maxBackoffMs: 40, reconnectGraceMs: 0 });
    acquire(listRequest);
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
    server.sim.applyFaults({
      apiErrors: {
        count: 1000,
        status: 503,
        method: 'GET',
        path: '/machineconfigs?limit',
        message: 'simulator down',
      },
    });
    server.sim.applyFaults({ dropWatches: true });
    await eventually(() => {
      expect((stateOf(listRequest)?.loadError as HttpError | undefined)?.code).toBe(503);
    });
    // Console keeps the stale data and the loaded flag.
    expect(stateOf(listRequest)).toMatchObject({ loaded: true, reconnecting: true });
    expect(names(stateOf(listRequest)?.data)).toEqual(['00-worker', '99-sfc-day1']);

    server.sim.applyFaults({ apiErrors: { count: 0 } });
    await eventually(() => {
      expect(stateOf(listRequest)).toMatchObject({ loadError: '', reconnecting: false });
    });
  });

  it('starts over when the watch reports an error (410 Expired, as after an etcd compaction)', async () => {
    acquire(listRequest);
    await eventually(() => {
      expect(server.sim.openWatches).toBe(1);
    });
    server.sim.applyFaults({ expireWatches: true });
    await eventually(() => {
      expect(server.requestsTo('GET', LIST)).toHaveLength(2);
      expect(server.sim.openWatches).toBe(1);
    });
  });

  it('retries a first list that failed, as console does, and loads once the API answers', async () => {
    server.sim.applyFaults({
      apiErrors: { count: 1000, status: 500, method: 'GET', path: '/machineconfigs?limit' },
    });
    acquire(listRequest);
    await eventually(() => {
      expect((stateOf(listRequest)?.loadError as HttpError | undefined)?.code).toBe(500);
    });
    expect(stateOf(listRequest)).toMatchObject({ data: [], loaded: false });
    // The masthead must not say Live while the list fails.
    expect(store.getStatus()).toEqual({ watches: 1, reconnecting: 0, failing: 1 });
    await eventually(() => {
      expect(server.requestsTo('GET', LIST).length).toBeGreaterThanOrEqual(3);
    });

    server.sim.applyFaults({ apiErrors: { count: 0 } });
    await eventually(() => {
      expect(stateOf(listRequest)).toMatchObject({ loaded: true, loadError: '' });
    });
    expect(names(stateOf(listRequest)?.data)).toEqual(['00-worker', '99-sfc-day1']);
    expect(store.getStatus()).toEqual({ watches: 1, reconnecting: 0, failing: 0 });
  });

  it('gives console-style errors for 403 and 404, with data [] and loaded false', async () => {
    server.sim.applyFaults({
      apiErrors: {
        count: 1000,
        status: 403,
        method: 'GET',
        path: '/machineconfigs?limit',
        message: 'machineconfigs is forbidden: User "nobody" cannot list',
      },
    });
    acquire(listRequest);
    await eventually(() => {
      expect(stateOf(listRequest)?.loadError).toBeInstanceOf(HttpError);
    });
    const state = stateOf(listRequest);
    const error = state?.loadError as HttpError;
    expect(state).toMatchObject({ data: [], loaded: false });
    expect(error.code).toBe(403);
    expect(error.message).toBe('machineconfigs is forbidden: User "nobody" cannot list');
    expect(error.json).toMatchObject({ kind: 'Status', code: 403 });
    expect(error.name).toBe('HttpError');
  });
});

describe('single-object watches', () => {
  const poolRequest: WatchRequest = {
    model: MachineConfigPoolModel,
    isList: false,
    query: { name: 'sfc' },
  };

  beforeEach(() => {
    server.add(MACHINE_CONFIG_POOLS, { metadata: { name: 'sfc' }, spec: { paused: false } });
    server.add(MACHINE_CONFIG_POOLS, { metadata: { name: 'worker' }, spec: {} });
  });

  it('gets the object, watches it by name, and reports its deletion as a 404', async () => {
    acquire(poolRequest);
    expect(stateOf(poolRequest)?.data).toEqual({});
    await eventually(() => {
      expect(stateOf(poolRequest)?.loaded).toBe(true);
      expect(server.sim.openWatches).toBe(1);
    });
    expect(stateOf(poolRequest)?.data).toMatchObject({ metadata: { name: 'sfc' } });
    expect(server.requestsTo('GET', /machineconfigpools\/sfc$/)).toHaveLength(1);
    // As console: by name through the list, from the current state (no resourceVersion).
    expect(server.requestsTo('GET', /machineconfigpools\?watch=/)[0].path).toBe(
      '/apis/machineconfiguration.openshift.io/v1/machineconfigpools?watch=true&fieldSelector=metadata.name%3Dsfc',
    );

    for (const name of ['worker', 'sfc']) {
      server.modify(MACHINE_CONFIG_POOLS, name, (o) => {
        o.spec = { paused: true };
      });
    }
    await eventually(() => {
      expect(stateOf(poolRequest)?.data).toMatchObject({
        metadata: { name: 'sfc' },
        spec: { paused: true },
      });
    });

    server.remove(MACHINE_CONFIG_POOLS, 'sfc');
    await eventually(() => {
      expect((stateOf(poolRequest)?.loadError as HttpError | undefined)?.code).toBe(404);
    });
  });

  it('gives a 404 HttpError for a missing object, with data {}', async () => {
    const missing: WatchRequest = { ...poolRequest, query: { name: 'nope' } };
    acquire(missing);
    await eventually(() => {
      expect(stateOf(missing)?.loadError).toBeInstanceOf(HttpError);
    });
    const state = stateOf(missing);
    expect(state).toMatchObject({ data: {}, loaded: false });
    expect((state?.loadError as HttpError).code).toBe(404);
    expect((state?.loadError as HttpError).message).toBe(
      'machineconfigpools.machineconfiguration.openshift.io "nope" not found',
    );
  });
});
