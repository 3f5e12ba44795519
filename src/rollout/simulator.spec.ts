/**
 * @jest-environment node
 *
 * The rollout derived from the simulated cluster while it rolls a Day 1 config out, checked step by step
 * against the simulator's own state: its daemons' steps, MCO's counting rules applied to its nodes, and
 * the status files its nodes write. Time only moves when the test steps the ManualClock.
 */
import { ManualClock, startClusterSim } from '../../dev/cluster-sim';
import type { ClusterSim } from '../../dev/cluster-sim';
import type { NodeObject } from '../../dev/cluster-sim/core/kube-types';
import {
  MACHINE_CONFIGS,
  MACHINE_CONFIG_NODES,
  MACHINE_CONFIG_POOLS,
  NODES,
} from '../../dev/cluster-sim/core/resources';
import {
  isNodeDegraded,
  isNodeReady,
  isUnavailableForUpdate,
  isUpdatedFor,
} from '../../dev/cluster-sim/mco/node-state';
import { SFC_EXAMPLE } from '../../test/support/examples';
import type { MachineConfig, MachineConfigNode, MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfig } from '../producer';
import { RolloutDeriver, day1FollowUp, deriveRollout, formatPoolMessage, parseDay1Status } from '.';
import { nodeDay1State } from './day1-state';
import type { NodePhase, NodeRollout, PoolRollout, Rollout, RolloutInput } from '.';

const MC_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigs';
const MCP_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfigpools';
const MCN_PATH = '/apis/machineconfiguration.openshift.io/v1/machineconfignodes';
const SFC_NODES = ['worker-4', 'worker-5'];
const DAY1 = SFC_EXAMPLE.machineConfigName;

let sim: ClusterSim;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock();
  sim = await startClusterSim({ port: 0, scenario: 'demo', clock, log: () => undefined });
});
afterEach(async () => {
  await sim.close();
});

const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(`${sim.url}${path}`, {
    ...init,
    headers: {
      Authorization: 'Bearer admin',
      'Content-Type': init.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
    },
  });
  if (!response.ok) throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
  return (await response.json()) as T;
};

/** What a console page watches, straight from the simulator's store. */
const snapshot = (withMachineConfigNodes = true): RolloutInput => {
  const { store } = sim.simulation;
  return {
    pools: store.list(MACHINE_CONFIG_POOLS) as unknown as MachineConfigPool[],
    nodes: store.list(NODES),
    machineConfigNodes: withMachineConfigNodes ? store.list(MACHINE_CONFIG_NODES) : undefined,
    machineConfigs: store.list(MACHINE_CONFIGS) as unknown as MachineConfig[],
  };
};

const simNode = (name: string) =>
  sim.simulation.store.get(NODES, undefined, name) as unknown as NodeObject;
const poolNamed = (rollout: Rollout, name: string): PoolRollout => {
  const found = rollout.pools.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no pool ${name}`);
  return found;
};
const nodeNamed = (pool: PoolRollout, name: string): NodeRollout => {
  const found = pool.nodes.find((n) => n.name === name);
  if (found === undefined) throw new Error(`no node ${name} in ${pool.name}`);
  return found;
};

/** Appends `value` unless it repeats the last one: the sequence of states something went through. */
const record = <T>(sequences: Map<string, T[]>, key: string, value: T): void => {
  const sequence = sequences.get(key) ?? [];
  if (sequence.at(-1) !== value) sequence.push(value);
  sequences.set(key, sequence);
};

/**
 * The phases a node may show at each step of the simulated daemon (dev/cluster-sim/mco/daemon.ts): the
 * daemon's step and the objects change in the same timer callbacks, except where a step leaves the
 * objects as they were (the daemon picks up, then prepares).
 */
const PHASES_BY_DAEMON_STEP: Record<string, NodePhase[]> = {
  idle: ['Updated', 'Pending', 'Draining'],
  starting: ['Draining'],
  preparing: ['Updating'],
  awaitingDrain: ['Draining'],
  applying: ['Updating'],
  rebooting: ['Rebooting'],
  awaitingUncordon: ['Updating'],
  completing: ['Updating', 'Updated'],
};

const createDay1Config = () =>
  api(MC_PATH, { method: 'POST', body: JSON.stringify(produceMachineConfig(SFC_EXAMPLE)) });

describe('a Day 1 rollout on the simulated cluster', () => {
  it('goes Pending → Draining → Updating → Rebooting → Updated per node, Updating → Updated for the pool, as the simulator does', async () => {
    const before = poolNamed(deriveRollout(snapshot(), clock.now()), 'sfc');
    expect(before).toMatchObject({ state: 'Updated', completion: 100, machineCount: 2 });
    await createDay1Config();

    const withMcns = new RolloutDeriver();
    const withoutMcns = new RolloutDeriver();
    const phases = new Map<string, NodePhase[]>();
    const phasesWithoutMcns = new Map<string, NodePhase[]>();
    const followUps = new Map<string, string[]>();
    const day1States = new Map<string, string[]>();
    const poolStates = new Map<string, string[]>();
    const completions: number[] = [];
    const agents = sim.simulation.operator;
    let target = '';

    clock.runUntil(() => {
      const rollout = withMcns.derive(snapshot(), clock.now());
      const sfc = poolNamed(rollout, 'sfc');
      const sfcWithout = poolNamed(withoutMcns.derive(snapshot(false), clock.now()), 'sfc');
      target = sfc.targetConfig ?? '';
      record(poolStates, 'sfc', sfc.state);
      completions.push(sfc.completion);

      // MCO's counting rules applied to the simulator's nodes give our counts.
      const members = SFC_NODES.map(simNode);
      expect(sfc).toMatchObject({
        machineCount: members.length,
        updatedMachineCount: members.filter((n) => isUpdatedFor(n, target)).length,
        readyMachineCount: members.filter((n) => isUpdatedFor(n, target) && isNodeReady(n)).length,
        unavailableMachineCount: members.filter(isUnavailableForUpdate).length,
        degradedMachineCount: members.filter(isNodeDegraded).length,
      });

      for (const name of SFC_NODES) {
        const ours = nodeNamed(sfc, name);
        const agent = agents.agent(name);
        const step = agent?.currentPhase ?? 'missing';
        // The product's pull unit runs before the kubelet: its Day 1 reboot happens inside MCO's
        // window, while the node is still drained and counted as updating.
        const allowed = PHASES_BY_DAEMON_STEP[step];
        expect({ name, step, phase: ours.phase }).toEqual({
          name,
          step,
          phase: allowed.includes(ours.phase) ? ours.phase : allowed.join(' or '),
        });
        record(phases, name, ours.phase);
        record(phasesWithoutMcns, name, nodeNamed(sfcWithout, name).phase);
        const file = sim.simulation.day1Status(name)?.[DAY1];
        const status = file === undefined ? undefined : parseDay1Status(JSON.stringify(file));
        record(followUps, name, day1FollowUp(ours, status).state);
        // What the console reads through the node proxy, as the status file stands now.
        const reads = new Map([
          [DAY1, status === undefined ? undefined : { kind: 'read' as const, status, at: '' }],
        ]);
        record(day1States, name, nodeDay1State(ours, [DAY1], { reads })?.state ?? 'none');
      }
      return (
        sfc.state === 'Updated' &&
        target !== before.targetConfig &&
        SFC_NODES.every(
          (name) =>
            agents.agent(name)?.idle === true &&
            sim.simulation.day1Status(name)?.[DAY1]?.phase === 'Loaded',
        )
      );
    });

    // MCO's steps (mco-rollout.md §4.4) in oc's words: waiting for its turn, targeted (oc calls a
    // node whose daemon has not started Draining), preparing, drain, files, reboot, uncordon, done.
    const expected: NodePhase[] = [
      'Updated',
      'Pending',
      'Draining',
      'Updating',
      'Draining',
      'Updating',
      'Rebooting',
      'Updating',
      'Updated',
    ];
    for (const name of SFC_NODES) {
      expect({ name, phases: phases.get(name) }).toEqual({ name, phases: expected });
      expect({ name, phases: phasesWithoutMcns.get(name) }).toEqual({ name, phases: expected });
      // No status file before; the pull and its reboot happen while MCO still has the node; the
      // module loads before the kubelet starts, and MCO finishes with the node after that.
      expect(followUps.get(name)).toEqual(['Unknown', 'AwaitingMCO', 'ModuleLoaded']);
      expect({ name, states: day1States.get(name) }).toEqual({
        name,
        states: [
          'NotReported',
          'WaitingForMCO',
          'PullingImage',
          'RebootingForImage',
          'WaitingForMCO',
          'Loaded',
        ],
      });
    }
    expect(poolStates.get('sfc')).toEqual(['Updated', 'Updating', 'Updated']);
    const during = completions.slice(completions.indexOf(0));
    expect(during).toEqual([...during].sort((a, b) => a - b));
    expect(new Set(during)).toEqual(new Set([0, 50, 100]));

    // MCO's pool controller then records the target as the pool's current config.
    clock.runUntil(
      () => poolNamed(deriveRollout(snapshot(), clock.now()), 'sfc').currentConfig === target,
    );

    // Over the wire, as the console reads it: the same rollout, Day 1 config included.
    const [pools, nodes, mcns, mcs] = await Promise.all([
      api<{ items: MachineConfigPool[] }>(MCP_PATH),
      api<{ items: Node[] }>('/api/v1/nodes'),
      api<{ items: MachineConfigNode[] }>(MCN_PATH),
      api<{ items: MachineConfig[] }>(MC_PATH),
    ]);
    const overApi = deriveRollout(
      {
        pools: pools.items,
        nodes: nodes.items,
        machineConfigNodes: mcns.items,
        machineConfigs: mcs.items,
      },
      clock.now(),
    );
    const sfc = poolNamed(overApi, 'sfc');
    expect(sfc).toMatchObject({
      state: 'Updated',
      completion: 100,
      estimatedSecondsLeft: 0,
      targetConfig: target,
      currentConfig: target,
      day1Configs: [
        {
          name: DAY1,
          recognisedBy: 'content',
          new: false,
          summary: expect.objectContaining({ kernelModuleName: 'sfc' }) as unknown,
        },
      ],
    });
    expect(overApi.pools.map((p) => p.state)).toEqual(['Updated', 'Updated', 'Updated']);
    // The simulator's status endpoint serves what the Verify action will read from the node.
    const files = await api<Record<string, unknown>>('/sim/nodes/worker-4/day1-status');
    expect(
      day1FollowUp(nodeNamed(sfc, 'worker-4'), parseDay1Status(JSON.stringify(files[DAY1]))),
    ).toEqual({
      state: 'ModuleLoaded',
      message: { code: 'loaded', params: {} },
    });
  });

  it('shows a degraded node with the reason its daemon gives, until the fault clears', async () => {
    await api('/sim/faults', { method: 'POST', body: JSON.stringify({ degradeNode: 'worker-4' }) });
    await createDay1Config();
    const deriver = new RolloutDeriver();
    let sfc = poolNamed(deriver.derive(snapshot(), clock.now()), 'sfc');
    clock.runUntil(() => {
      sfc = poolNamed(deriver.derive(snapshot(), clock.now()), 'sfc');
      return nodeNamed(sfc, 'worker-4').phase === 'Degraded';
    });
    const reason =
      simNode('worker-4').metadata.annotations?.['machineconfiguration.openshift.io/reason'];
    expect(reason).toContain('content mismatch');
    expect(nodeNamed(sfc, 'worker-4')).toMatchObject({
      phase: 'Degraded',
      reason: 'Degraded',
      // The daemon's words, quoted as they are.
      message: { code: 'mco', params: { text: reason } },
      degraded: true,
    });
    expect(sfc).toMatchObject({
      state: 'Degraded',
      degradedMachineCount: 1,
      estimatedSecondsLeft: undefined,
    });
    expect(formatPoolMessage(sfc.message)).toContain('content mismatch');

    await api('/sim/faults', { method: 'POST', body: JSON.stringify({ clear: true }) });
    clock.runUntil(() => {
      sfc = poolNamed(deriver.derive(snapshot(), clock.now()), 'sfc');
      return sfc.state === 'Updated' && SFC_NODES.every((n) => agentIdle(n));
    });
    expect(sfc.nodes.map((n) => n.phase)).toEqual(['Updated', 'Updated']);
  });

  it('shows a paused pool with its nodes Paused, then updates them once resumed', async () => {
    await api(`${MCP_PATH}/sfc`, {
      method: 'PATCH',
      body: JSON.stringify({ spec: { paused: true } }),
    });
    await createDay1Config();
    const deriver = new RolloutDeriver();
    const before = poolNamed(deriver.derive(snapshot(), clock.now()), 'sfc').targetConfig;
    // Ten minutes: MCO renders the new config, and leaves the nodes alone.
    clock.advance(10 * 60_000);
    let sfc = poolNamed(deriver.derive(snapshot(), clock.now()), 'sfc');
    expect(sfc.targetConfig).not.toBe(before);
    expect(sfc).toMatchObject({
      state: 'Paused',
      paused: true,
      completion: 0,
      estimatedSecondsLeft: undefined,
    });
    expect(sfc.nodes.map((n) => [n.phase, n.currentConfig])).toEqual([
      ['Paused', before],
      ['Paused', before],
    ]);

    await api(`${MCP_PATH}/sfc`, {
      method: 'PATCH',
      body: JSON.stringify({ spec: { paused: false } }),
    });
    clock.runUntil(() => {
      sfc = poolNamed(deriver.derive(snapshot(), clock.now()), 'sfc');
      return sfc.state === 'Updated' && SFC_NODES.every((n) => agentIdle(n));
    });
    expect(sfc).toMatchObject({ paused: false, completion: 100 });
  });

  it('shows a render failure with MCO message, and leaves the nodes on their config', async () => {
    await api(MC_PATH, {
      method: 'POST',
      body: JSON.stringify({
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfig',
        metadata: {
          name: '99-sfc-bad',
          labels: { 'machineconfiguration.openshift.io/role': 'sfc' },
        },
        spec: { config: { ignition: { version: '3.6.0' } } },
      }),
    });
    clock.advance(60_000);
    const sfc = poolNamed(deriveRollout(snapshot(), clock.now()), 'sfc');
    expect(sfc.state).toBe('RenderDegraded');
    expect(sfc.message.code).toBe('mco');
    expect(formatPoolMessage(sfc.message)).toMatch(
      /^Failed to render configuration for pool sfc: .*unknown version/,
    );
    expect(sfc.nodes.map((n) => n.phase)).toEqual(['Updated', 'Updated']);
  });
});

const agentIdle = (name: string): boolean => sim.simulation.operator.agent(name)?.idle === true;
