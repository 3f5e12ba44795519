/** Helpers for the simulator's tests: a server on a free port, typed requests, the sfc Day 1 config. */
import { produceMachineConfig } from '../../../src/producer';
import type { Day1Options } from '../../../src/producer';
import { ManualClock } from '../core/clock';
import type { ClusterSim, ClusterSimOptions } from '../index';
import { startClusterSim } from '../index';

export const SFC_DAY1: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc', 'mdio'],
};

export const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';
export const MCP_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigpools';
export const MCN_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfignodes';

export const day1MachineConfig = (options: Partial<Day1Options> = {}) =>
  produceMachineConfig({ ...SFC_DAY1, ...options });

/** A simulator with a ManualClock (nothing moves until the test advances it) and no log output. */
export const startManualSim = async (
  options: Partial<ClusterSimOptions> = {},
): Promise<ClusterSim & { clock: ManualClock; logs: string[] }> => {
  const clock = new ManualClock();
  const logs: string[] = [];
  const sim = await startClusterSim({
    port: 0,
    clock,
    log: (message) => logs.push(message),
    ...options,
  });
  return Object.assign(sim, { clock, logs });
};

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/**
 * The fields tests read from API answers (objects, lists, Status bodies, discovery), typed as present:
 * a missing one makes the test fail anyway.
 */
export interface ApiBody {
  apiVersion?: string;
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
  metadata: {
    name: string;
    uid: string;
    resourceVersion: string;
    generation: number;
    creationTimestamp: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    continue?: string;
    remainingItemCount?: number;
  };
  spec: { paused?: boolean; maxUnavailable?: number | string; [field: string]: unknown };
  status: {
    machineCount: number;
    phase: string;
    allowed: boolean;
    conditions: Condition[];
    configuration: { name: string; source: { name: string }[] };
    images: {
      status: { status: string; reason?: string; message?: string };
      image: { dockerImageReference: string };
    }[];
  };
  details: { name?: string; causes: { field?: string; message: string; reason?: string }[] };
  items: ApiBody[];
  groups: { name: string }[];
  resources: { name: string }[];
  versions: string[];
  preferredVersion: { version: string };
  gitVersion: string;
}

export interface ApiResult<T = ApiBody> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  contentType?: string;
}

/** A request to the simulator as `admin` unless told otherwise; parses JSON answers. */
export const request = async <T = ApiBody>(
  sim: { url: string },
  path: string,
  { method = 'GET', body, token = 'admin', contentType = 'application/json' }: RequestOptions = {},
): Promise<ApiResult<T>> => {
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = contentType;
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (pod logs, health): keep the text.
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
};

/** Waits (in real time) until `check` returns a value, polling; fails after `timeoutMs`. */
export const eventually = async <T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('eventually: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Answers of the /sim control API that tests read. */
export interface SimAnswer {
  scenario: string;
  timeScale: number;
  watches: number;
  error: string;
  droppedWatches: number;
  images: string[];
  faults: {
    degradeNodes: string[];
    hangDrains: string[];
    apiErrors: { remaining: number; status: number } | null;
    latencyMs: number;
  };
  nodes: {
    name: string;
    pool: string;
    state: string;
    ready: boolean;
    daemon: { reboots: number };
  }[];
}

export type Day1Statuses = Record<string, { phase: string; moduleLoaded: boolean } | undefined>;
