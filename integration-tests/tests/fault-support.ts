/** Helpers for the fault suite: the simulator's fault injection, the cluster's objects as admin. */
import { spawnSync } from 'node:child_process';
import type { APIRequestContext, Page } from '@playwright/test';

export const MCO_API = '/apis/machineconfiguration.openshift.io/v1';
const ADMIN = { Cookie: 'kmm-day1-user=admin' };

/** POST /sim/faults (see dev/cluster-sim/README.md). */
export const injectFaults = async (
  request: APIRequestContext,
  faults: Record<string, unknown>,
): Promise<void> => {
  const response = await request.post('/sim/faults', { data: faults });
  if (!response.ok())
    throw new Error(`faults: ${String(response.status())} ${await response.text()}`);
};

export const clearFaults = (request: APIRequestContext): Promise<void> =>
  injectFaults(request, { clear: true });

/** GETs an object or a list as the admin; undefined when the API says 404. */
export const getAsAdmin = async <T>(
  request: APIRequestContext,
  path: string,
): Promise<T | undefined> => {
  const response = await request.get(`/api/kubernetes${path}`, { headers: ADMIN });
  if (response.status() === 404) return undefined;
  if (!response.ok()) throw new Error(`GET ${path}: ${String(response.status())}`);
  return (await response.json()) as T;
};

interface Named {
  metadata: { name: string };
}

/** The names of the objects in a list (empty when the list is missing). */
export const namesIn = async (request: APIRequestContext, path: string): Promise<string[]> =>
  ((await getAsAdmin<{ items: Named[] }>(request, path))?.items ?? []).map((o) => o.metadata.name);

/** A rollout as the page or the CLI tells it: each pool's state and MCO counts, each node's phase. */
export interface RolloutView {
  pools: Record<
    string,
    {
      state: string;
      machineCount: number;
      updatedMachineCount: number;
      degradedMachineCount: number;
    }
  >;
  phases: Record<string, string>;
}

/**
 * What `day1-utility rollout` reads from the cluster's objects right now: the API's pools, nodes,
 * MachineConfigNodes and MachineConfigs.
 */
export const rolloutOfCluster = async (request: APIRequestContext): Promise<RolloutView> => {
  const lists = [
    ['MachineConfigPoolList', `${MCO_API}/machineconfigpools`],
    ['NodeList', '/api/v1/nodes'],
    ['MachineConfigNodeList', `${MCO_API}/machineconfignodes`],
    ['MachineConfigList', `${MCO_API}/machineconfigs`],
  ] as const;
  const documents = await Promise.all(
    lists.map(async ([kind, path]) => {
      const list = await getAsAdmin<{ items: unknown[] }>(request, path);
      return JSON.stringify({ apiVersion: 'v1', kind, items: list?.items ?? [] });
    }),
  );
  const run = spawnSync('node', ['bin/day1-utility.cjs', 'rollout', '-f', '-', '-o', 'json'], {
    input: documents.join('\n---\n'),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`day1-utility rollout: ${run.stderr}`);
  const { pools } = JSON.parse(run.stdout) as {
    pools: (RolloutView['pools'][string] & {
      name: string;
      nodes: { name: string; phase: string }[];
    })[];
  };
  return {
    pools: Object.fromEntries(
      pools.map(({ name, state, machineCount, updatedMachineCount, degradedMachineCount }) => [
        name,
        { state, machineCount, updatedMachineCount, degradedMachineCount },
      ]),
    ),
    phases: Object.fromEntries(
      pools.flatMap((pool) => pool.nodes.map((node) => [node.name, node.phase])),
    ),
  };
};

/** The same as the rollout page shows it (all pools, and every node on the table's page). */
export const rolloutOnPage = (page: Page): Promise<RolloutView> =>
  page.evaluate(() => {
    const suffix = (element: Element, prefix: string) =>
      (element.getAttribute('data-test') ?? '').slice(prefix.length);
    const count = (card: Element, test: string) =>
      Number(card.querySelector(`[data-test="${test}"]`)?.textContent.trim());
    const view: RolloutView = { pools: {}, phases: {} };
    for (const card of document.querySelectorAll('[data-test^="pool-card-"]')) {
      view.pools[suffix(card, 'pool-card-')] = {
        state: card.getAttribute('data-state') ?? '',
        machineCount: count(card, 'pool-machine-count'),
        updatedMachineCount: count(card, 'pool-updated-count'),
        degradedMachineCount: count(card, 'pool-degraded-count'),
      };
    }
    for (const row of document.querySelectorAll('[data-test^="node-row-"]')) {
      view.phases[suffix(row, 'node-row-')] = row.getAttribute('data-phase') ?? '';
    }
    return view;
  });
