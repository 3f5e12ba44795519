/**
 * @jest-environment node
 *
 * The create sequence against the simulated cluster, through the console shell's implementation of
 * the SDK's k8sCreate/k8sPatch/k8sDelete (console's URLs, JSON patches and HttpErrors) and the shell
 * server's proxy, as in the browser. Races and server failures are made real: another client writes
 * to the cluster, or the simulator is told to fail, between two steps.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startClusterSim } from '../../../dev/cluster-sim';
import type { ClusterSim } from '../../../dev/cluster-sim';
import type { ConsoleShell } from '../../../dev/console-shell/server';
import { startConsoleShell } from '../../../dev/console-shell/server';
import { configureSDK, resetSDKConfig } from '../../../dev/console-shell/src/sdk/config';
import { HttpError } from '../../../dev/console-shell/src/sdk/http-error';
import * as shellSDK from '../../../dev/console-shell/src/sdk/k8s-resource';
import type { MachineConfigPool, Node } from '../../k8s/types';
import { produceMachineConfig, produceMachineConfigPool } from '../../producer';
import type { ClusterWriter, CreatePlan, CreateStep } from './create-sequence';
import { createSteps, runCreate } from './create-sequence';

let sim: ClusterSim;
let shell: ConsoleShell;
let emptyDir: string;

const MCP_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigpools';
const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';
const LABEL = 'node-role.kubernetes.io/sfc2';

/** Another client, straight to the simulator as the admin. */
const admin = async (pathName: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${sim.url}${pathName}`, {
    ...init,
    headers: { Authorization: 'Bearer admin', 'Content-Type': 'application/json' },
  });

const exists = async (pathName: string): Promise<boolean> => (await admin(pathName)).ok;

const node = async (name: string): Promise<Node> =>
  (await (await admin(`/api/v1/nodes/${name}`)).json()) as Node;

const injectServerErrors = async (count: number, status: number): Promise<void> => {
  await fetch(`${sim.url}/sim/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ apiErrors: { count, status } }),
  });
};

const writer: ClusterWriter = {
  k8sCreate: shellSDK.k8sCreate,
  k8sPatch: shellSDK.k8sPatch,
  k8sDelete: shellSDK.k8sDelete,
};

const machineConfig = (pool: string) =>
  produceMachineConfig({
    machineConfigName: `99-${pool}-sfc-day1`,
    machineConfigPoolRef: pool,
    kernelModuleImage: 'quay.io/acme/sfc-kmod',
    kernelModuleName: 'sfc',
    inTreeModulesToRemove: ['sfc', 'mdio'],
  });

const newPoolPlan = async (): Promise<CreatePlan> => ({
  machineConfig: machineConfig('sfc2'),
  newPool: produceMachineConfigPool('sfc2', { maxUnavailable: 1 }),
  nodesToLabel: [await node('worker-0'), await node('worker-2')],
});

const run = async (plan: CreatePlan, using: ClusterWriter = writer) => {
  const progress: CreateStep[][] = [];
  const result = await runCreate(plan, using, (steps) => progress.push(steps));
  return { result, progress, steps: progress.at(-1) ?? [] };
};

const statuses = (steps: CreateStep[]) => steps.map((s) => `${s.id} ${s.status}`);

beforeAll(async () => {
  emptyDir = await mkdtemp(path.join(tmpdir(), 'create-sequence-'));
  sim = await startClusterSim({
    port: 0,
    scenario: 'demo',
    timeScale: 0.001,
    log: () => undefined,
  });
  shell = await startConsoleShell({
    port: 0,
    simulatorURL: sim.url,
    pluginDist: emptyDir,
    shellDist: emptyDir,
  });
  configureSDK({ apiOrigin: shell.url });
});

afterAll(async () => {
  resetSDKConfig();
  await shell.close();
  await sim.close();
  await rm(emptyDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await fetch(`${sim.url}/sim/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario: 'demo', timeScale: 0.001 }),
  });
});

describe('runCreate', () => {
  it('dry-runs every write, then creates the pool and the config and labels the nodes', async () => {
    const plan = await newPoolPlan();
    let clusterBeforeFirstWrite: boolean[] = [];
    const observing: ClusterWriter = {
      ...writer,
      k8sCreate: async (options) => {
        // The dry runs are over when the first real write starts: they must have stored nothing.
        if (!options.queryParams && clusterBeforeFirstWrite.length === 0) {
          clusterBeforeFirstWrite = [
            await exists(`${MCP_PATH}/sfc2`),
            await exists(`${MC_PATH}/99-sfc2-sfc-day1`),
            (await node('worker-0')).metadata.labels?.[LABEL] !== undefined,
          ];
        }
        return writer.k8sCreate(options);
      },
    };
    const { result, steps, progress } = await run(plan, observing);

    expect(result).toEqual({ outcome: 'created' });
    expect(clusterBeforeFirstWrite).toEqual([false, false, false]);
    expect(statuses(steps)).toEqual([
      'dryRun:pool:sfc2 done',
      'dryRun:machineConfig:99-sfc2-sfc-day1 done',
      'dryRun:nodeLabel:worker-0 done',
      'dryRun:nodeLabel:worker-2 done',
      'apply:pool:sfc2 done',
      'apply:machineConfig:99-sfc2-sfc-day1 done',
      'apply:nodeLabel:worker-0 done',
      'apply:nodeLabel:worker-2 done',
    ]);
    // Progress is reported step by step, one step running at a time.
    expect(progress.length).toBeGreaterThan(steps.length);
    for (const snapshot of progress) {
      expect(snapshot.filter((s) => s.status === 'running').length).toBeLessThanOrEqual(1);
    }

    const pool = (await (await admin(`${MCP_PATH}/sfc2`)).json()) as MachineConfigPool;
    expect(pool.spec.nodeSelector).toEqual({ matchLabels: { [LABEL]: '' } });
    expect(await exists(`${MC_PATH}/99-sfc2-sfc-day1`)).toBe(true);
    expect((await node('worker-0')).metadata.labels?.[LABEL]).toBe('');
    expect((await node('worker-2')).metadata.labels?.[LABEL]).toBe('');
    expect((await node('worker-1')).metadata.labels?.[LABEL]).toBeUndefined();
  });

  it('creates only the config for an existing pool', async () => {
    const plan: CreatePlan = { machineConfig: machineConfig('sfc'), nodesToLabel: [] };
    expect(createSteps(plan).map((s) => s.id)).toEqual([
      'dryRun:machineConfig:99-sfc-sfc-day1',
      'apply:machineConfig:99-sfc-sfc-day1',
    ]);
    const { result } = await run(plan);
    expect(result).toEqual({ outcome: 'created' });
    expect(await exists(`${MC_PATH}/99-sfc-sfc-day1`)).toBe(true);
  });

  it('writes nothing when a dry run fails, and reports the API error', async () => {
    const plan = await newPoolPlan();
    await admin(MC_PATH, { method: 'POST', body: JSON.stringify(plan.machineConfig) });

    const { result, steps } = await run(plan);

    expect(result).toMatchObject({
      outcome: 'failed',
      phase: 'dryRun',
      failedStep: { id: 'dryRun:machineConfig:99-sfc2-sfc-day1' },
      rollbackFailures: [],
    });
    const { error } = result as { error: HttpError };
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe(409);
    expect(error.message).toContain('already exists');
    expect(statuses(steps).filter((s) => s.startsWith('apply'))).toEqual([
      'apply:pool:sfc2 pending',
      'apply:machineConfig:99-sfc2-sfc-day1 pending',
      'apply:nodeLabel:worker-0 pending',
      'apply:nodeLabel:worker-2 pending',
    ]);
    expect(await exists(`${MCP_PATH}/sfc2`)).toBe(false);
  });

  it('deletes the new pool when the config then fails (another client took the name)', async () => {
    const plan = await newPoolPlan();
    const racing: ClusterWriter = {
      ...writer,
      k8sCreate: async (options) => {
        if (!options.queryParams && options.model.kind === 'MachineConfig') {
          await admin(MC_PATH, { method: 'POST', body: JSON.stringify(plan.machineConfig) });
        }
        return writer.k8sCreate(options);
      },
    };

    const { result, steps } = await run(plan, racing);

    expect(result).toMatchObject({
      outcome: 'failed',
      phase: 'apply',
      failedStep: { id: 'apply:machineConfig:99-sfc2-sfc-day1' },
      rollbackFailures: [],
    });
    expect(statuses(steps).slice(4)).toEqual([
      'apply:pool:sfc2 done',
      'apply:machineConfig:99-sfc2-sfc-day1 failed',
      'apply:nodeLabel:worker-0 pending',
      'apply:nodeLabel:worker-2 pending',
      'rollback:pool:sfc2 done',
    ]);
    expect(await exists(`${MCP_PATH}/sfc2`)).toBe(false);
    expect((await node('worker-0')).metadata.labels?.[LABEL]).toBeUndefined();
  });

  it('undoes a config whose create was made but whose answer was lost, so a retry makes one', async () => {
    const plan = await newPoolPlan();
    const losing: ClusterWriter = {
      ...writer,
      k8sCreate: async (options) => {
        const made = await writer.k8sCreate(options);
        if (!options.queryParams && options.model.kind === 'MachineConfig') {
          // A proxy gave up waiting: the object exists, the console hears a 504.
          throw new HttpError('Gateway Timeout', 504);
        }
        return made;
      },
    };

    const { result, steps } = await run(plan, losing);

    expect(result).toMatchObject({ outcome: 'failed', phase: 'apply', rollbackFailures: [] });
    expect(statuses(steps.filter((s) => s.phase === 'rollback'))).toEqual([
      'rollback:machineConfig:99-sfc2-sfc-day1 done',
      'rollback:pool:sfc2 done',
    ]);
    expect(await exists(`${MC_PATH}/99-sfc2-sfc-day1`)).toBe(false);
    expect(await exists(`${MCP_PATH}/sfc2`)).toBe(false);
    expect((await run(plan)).result).toEqual({ outcome: 'created' });
  });

  it('treats a create that failed with a 5xx, and was not made, as nothing to undo', async () => {
    const plan = await newPoolPlan();
    const failing: ClusterWriter = {
      ...writer,
      k8sCreate: async (options) => {
        if (!options.queryParams && options.model.kind === 'MachineConfig')
          await injectServerErrors(1, 500);
        return writer.k8sCreate(options);
      },
    };

    const { result, steps } = await run(plan, failing);

    expect(result).toMatchObject({ outcome: 'failed', phase: 'apply', rollbackFailures: [] });
    expect(statuses(steps.filter((s) => s.phase === 'rollback'))).toEqual([
      'rollback:machineConfig:99-sfc2-sfc-day1 done',
      'rollback:pool:sfc2 done',
    ]);
    expect(await exists(`${MCP_PATH}/sfc2`)).toBe(false);
  });

  it('undoes labels, the config and the pool when a node cannot be labelled', async () => {
    const plan = await newPoolPlan();
    const racing: ClusterWriter = {
      ...writer,
      k8sPatch: async (options) => {
        // The second node is deleted after the dry run said it could be labelled.
        if (!options.queryParams && options.resource.metadata?.name === 'worker-2') {
          await admin('/api/v1/nodes/worker-2', { method: 'DELETE' });
        }
        return writer.k8sPatch(options);
      },
    };

    const { result, steps } = await run(plan, racing);

    expect(result).toMatchObject({
      outcome: 'failed',
      phase: 'apply',
      failedStep: { id: 'apply:nodeLabel:worker-2' },
      rollbackFailures: [],
    });
    expect((result as { error: HttpError }).error.code).toBe(404);
    expect(statuses(steps.filter((s) => s.phase === 'rollback'))).toEqual([
      'rollback:nodeLabel:worker-0 done',
      'rollback:machineConfig:99-sfc2-sfc-day1 done',
      'rollback:pool:sfc2 done',
    ]);
    expect((await node('worker-0')).metadata.labels?.[LABEL]).toBeUndefined();
    expect(await exists(`${MC_PATH}/99-sfc2-sfc-day1`)).toBe(false);
    expect(await exists(`${MCP_PATH}/sfc2`)).toBe(false);
  });

  it('reports what it could not roll back, and still undoes the rest', async () => {
    const plan = await newPoolPlan();
    const failing: ClusterWriter = {
      ...writer,
      k8sPatch: async (options) => {
        if (!options.queryParams && options.resource.metadata?.name === 'worker-2') {
          await admin('/api/v1/nodes/worker-2', { method: 'DELETE' });
        }
        return writer.k8sPatch(options);
      },
      k8sDelete: async (options) => {
        if (options.model.kind === 'MachineConfigPool') await injectServerErrors(1, 503);
        return writer.k8sDelete(options);
      },
    };

    const { result, steps } = await run(plan, failing);

    expect(result).toMatchObject({
      outcome: 'failed',
      phase: 'apply',
      rollbackFailures: [{ id: 'rollback:pool:sfc2', status: 'failed' }],
    });
    const [left] = (result as { rollbackFailures: CreateStep[] }).rollbackFailures;
    expect((left.error as HttpError).code).toBe(503);
    expect(statuses(steps.filter((s) => s.phase === 'rollback'))).toEqual([
      'rollback:nodeLabel:worker-0 done',
      'rollback:machineConfig:99-sfc2-sfc-day1 done',
      'rollback:pool:sfc2 failed',
    ]);
    expect((await node('worker-0')).metadata.labels?.[LABEL]).toBeUndefined();
    expect(await exists(`${MC_PATH}/99-sfc2-sfc-day1`)).toBe(false);
    expect(await exists(`${MCP_PATH}/sfc2`)).toBe(true);
  });
});
