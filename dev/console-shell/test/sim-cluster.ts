/**
 * The cluster the shell's specs run against: the cluster simulator (scenario `bare`, nothing but
 * namespaces, and a ManualClock, so nothing changes unless the test changes it) behind the shell's own
 * API proxy, as `npm start` runs them. One fake cluster for the whole project: the SDK talks to the
 * simulator's API server exactly as it does in the browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ClusterSim, ReceivedRequest } from '../../cluster-sim';
import { ManualClock, startClusterSim } from '../../cluster-sim';
import type { SimObject } from '../../cluster-sim/core/kube-types';
import type { ResourceDef } from '../../cluster-sim/core/resources';
import type { ConsoleShell } from '../server';
import { startConsoleShell } from '../server';
import { USER_COOKIE } from '../http/user-cookie';

export { MACHINE_CONFIGS, MACHINE_CONFIG_POOLS, NODES } from '../../cluster-sim/core/resources';

export interface SimCluster {
  sim: ClusterSim;
  clock: ManualClock;
  shell: ConsoleShell;
  /** The shell's origin: configureSDK({ apiOrigin }) sends the SDK there. */
  url: string;
  /** Every request the API server received, paths without the shell's /api/kubernetes prefix. */
  requests: ReceivedRequest[];
  /** The requests with this method whose path matches; WebSocket and streaming watches are GETs. */
  requestsTo(method: string, pattern: RegExp): ReceivedRequest[];
  /** Stores an object as a controller would (watchers see ADDED); returns it as stored. */
  add(resource: ResourceDef, object: object): SimObject;
  /** Changes a stored object (watchers see MODIFIED). */
  modify(resource: ResourceDef, name: string, edit: (object: SimObject) => void): void;
  /** Deletes a stored object (watchers see DELETED). */
  remove(resource: ResourceDef, name: string): void;
  /**
   * Makes the SDK's requests come from this user, as the shell's user switcher does in a browser: the
   * `kmm-day1-user` cookie on every fetch (Node's fetch has no cookie jar).
   */
  actAs(user: string): void;
  close(): Promise<void>;
}

export const startSimCluster = async (): Promise<SimCluster> => {
  const clock = new ManualClock();
  const requests: ReceivedRequest[] = [];
  const sim = await startClusterSim({
    port: 0,
    scenario: 'bare',
    clock,
    schemasDir: null,
    log: () => undefined,
    onRequest: (request) => requests.push(request),
  });
  const emptyDist = await mkdtemp(path.join(tmpdir(), 'sim-cluster-'));
  const shell = await startConsoleShell({
    port: 0,
    simulatorURL: sim.url,
    pluginDist: emptyDist,
    shellDist: emptyDist,
  });
  const realFetch = globalThis.fetch;
  let user: string | undefined;
  const cookieHeaders = (): Record<string, string> =>
    user === undefined ? {} : { Cookie: `${USER_COOKIE}=${user}` };
  const { store } = sim.simulation;
  return {
    sim,
    clock,
    shell,
    url: `http://127.0.0.1:${String(shell.port)}`,
    requests,
    requestsTo: (method, pattern) =>
      requests.filter((r) => r.method === method && pattern.test(r.path)),
    add: (resource, object) => store.create(resource, structuredClone(object) as SimObject),
    modify: (resource, name, edit) => {
      store.mutate(resource, undefined, name, edit);
    },
    remove: (resource, name) => {
      store.remove(resource, undefined, name);
    },
    actAs: (name) => {
      user = name;
      globalThis.fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        for (const [key, value] of Object.entries(cookieHeaders())) headers.set(key, value);
        return realFetch(input, { ...init, headers });
      };
    },
    close: async () => {
      globalThis.fetch = realFetch;
      await shell.close();
      await sim.close();
      await rm(emptyDist, { recursive: true, force: true });
    },
  };
};

/** Resolves when `check` passes (polling), or rejects with its last error after `timeoutMs`. */
export const eventually = async (check: () => void, timeoutMs = 3000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};
