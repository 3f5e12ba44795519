/** Helpers for the simulator's tests: a server on a free port, typed requests, the sfc Day 1 config. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ManualClock } from '../core/clock';
import type { ClusterSim, ClusterSimOptions } from '../index';
import { startClusterSim } from '../index';

export interface Day1Parameters {
  machineConfigName: string;
  machineConfigPoolRef: string;
  kernelModuleImage: string;
  kernelModuleName: string;
  inTreeModulesToRemove: string[];
}

/** The parameters of the checked-in product fixture (test/fixtures/machine-configs/99-sfc-day1.product.yaml). */
export const SFC_DAY1: Day1Parameters = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc', 'mdio'],
};

export const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';
export const MCP_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigpools';

const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'machine-configs');

/** A checked-in MachineConfig fixture, parsed. */
export const machineConfigFixture = (file: string): Record<string, unknown> =>
  load(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;

const setEnvironment = (contents: string, key: string, value: string): string =>
  contents.replace(
    new RegExp(`^Environment="${key}=[^"]*"$`, 'gm'),
    `Environment="${key}=${value}"`,
  );

/**
 * The product's Day 1 MachineConfig for other parameters, made from the checked-in fixture (not with the
 * producer, which the simulator must check, not echo) as an admin would edit it by hand: the name, which
 * prefixes every unit, script and state path, the pool label, and the units' Environment lines.
 */
export const day1MachineConfig = (options: Partial<Day1Parameters> = {}): object => {
  const p = { ...SFC_DAY1, ...options };
  const text = readFileSync(join(FIXTURES, '99-sfc-day1.product.yaml'), 'utf8');
  const mc = load(text.replaceAll(SFC_DAY1.machineConfigName, p.machineConfigName)) as {
    metadata: { labels: Record<string, string> };
    spec: { config: { systemd: { units: { contents?: string }[] } } };
  };
  mc.metadata.labels['machineconfiguration.openshift.io/role'] = p.machineConfigPoolRef;
  for (const unit of mc.spec.config.systemd.units) {
    if (unit.contents === undefined) continue;
    unit.contents = setEnvironment(unit.contents, 'KERNEL_MODULE', p.kernelModuleName);
    unit.contents = setEnvironment(unit.contents, 'KERNEL_MODULE_IMAGE', p.kernelModuleImage);
    unit.contents = setEnvironment(
      unit.contents,
      'IN_TREE_MODULES_TO_REMOVE',
      p.inTreeModulesToRemove.join(' '),
    );
  }
  return mc;
};

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

interface Condition {
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
