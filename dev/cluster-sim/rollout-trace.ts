/**
 * A rollout followed step by step: after every timer a ManualClock runs (one step of the simulated MCO
 * and nodes), what the pool's status and each of its nodes show. For tests that check what is true at
 * every moment of a rollout (never more than maxUnavailable nodes down), and for the bench (the most
 * nodes unavailable at once, the rollout's duration in simulated time).
 */
import type { ManualClock } from './core/clock';
import type { NodeObject, PoolObject } from './core/kube-types';
import { MACHINE_CONFIG_POOLS, NODES } from './core/resources';
import { ANNOTATIONS } from './mco/constants';
import { isUnavailableForUpdate } from './mco/node-state';
import type { Simulation } from './simulation';

/** One node at one moment, as its Node object and its daemon show it. */
export interface NodeSample {
  name: string;
  /** The status of each node condition (Ready, DiskPressure, NetworkUnavailable…). */
  conditions: Record<string, string>;
  unschedulable: boolean;
  /** The daemon's annotations. */
  state: string;
  currentConfig: string;
  desiredConfig: string;
  /** MCO's reading: not ready, or its update not done (mco/node-state.ts). */
  unavailable: boolean;
  reboots: number;
  day1Reboots: number;
}

/** The pool at one moment. */
export interface PoolSample {
  /** Simulated time, ms since the epoch. */
  at: number;
  /** spec.configuration.name: the rendered config the pool is rolling out. */
  target: string;
  /** status.unavailableMachineCount as the node controller last wrote it. */
  unavailableMachineCount: number;
  updatedMachineCount: number;
  nodes: NodeSample[];
}

export interface RolloutTrace {
  startedAt: number;
  /** When `until` became true. */
  endedAt: number;
  samples: PoolSample[];
}

/** The nodes whose primary pool is `pool`, by name. */
const poolMembers = (simulation: Simulation, pool: string): string[] =>
  simulation.operator.allAgents
    .map((agent) => agent.name)
    .filter((name) => simulation.operator.nodes.poolOf(name) === pool)
    .sort();

/** The pool and its nodes now. */
const samplePool = (simulation: Simulation, pool: string): PoolSample => {
  const { store } = simulation;
  const poolObject = store.get(MACHINE_CONFIG_POOLS, undefined, pool) as PoolObject | undefined;
  const nodes = poolMembers(simulation, pool).flatMap((name): NodeSample[] => {
    const node = store.get(NODES, undefined, name) as NodeObject | undefined;
    if (node === undefined) return [];
    const annotations = node.metadata.annotations ?? {};
    const daemon = simulation.operator.agent(name)?.describe();
    return [
      {
        name,
        conditions: Object.fromEntries(node.status.conditions.map((c) => [c.type, c.status])),
        unschedulable: node.spec.unschedulable === true,
        state: annotations[ANNOTATIONS.state] ?? '',
        currentConfig: annotations[ANNOTATIONS.currentConfig] ?? '',
        desiredConfig: annotations[ANNOTATIONS.desiredConfig] ?? '',
        unavailable: isUnavailableForUpdate(node),
        reboots: daemon?.reboots ?? 0,
        day1Reboots: daemon?.day1Reboots ?? 0,
      },
    ];
  });
  return {
    at: simulation.clock.now(),
    target: poolObject?.spec.configuration?.name ?? '',
    unavailableMachineCount: poolObject?.status?.unavailableMachineCount ?? 0,
    updatedMachineCount: poolObject?.status?.updatedMachineCount ?? 0,
    nodes,
  };
};

/**
 * Runs the clock one timer at a time until `until()` is true, sampling `pool` before the first step and
 * after each one. Throws when no timer is left or `limitMs` of simulated time has passed first.
 */
export const traceRollout = (
  simulation: Simulation,
  clock: ManualClock,
  pool: string,
  until: () => boolean,
  limitMs = 24 * 3_600_000,
): RolloutTrace => {
  const startedAt = clock.now();
  const samples = [samplePool(simulation, pool)];
  while (!until()) {
    if (!clock.step() || clock.now() - startedAt > limitMs) {
      throw new Error(
        `traceRollout: the rollout of pool ${pool} did not finish within ${String(limitMs)} ms of simulated time`,
      );
    }
    samples.push(samplePool(simulation, pool));
  }
  return { startedAt, endedAt: clock.now(), samples };
};

/** Whether `pool` is Updated on a rendered config other than `from`, every member Done on it and idle. */
export const poolRolledOut = (simulation: Simulation, pool: string, from: string): boolean => {
  const poolObject = simulation.store.get(MACHINE_CONFIG_POOLS, undefined, pool) as
    PoolObject | undefined;
  const target = poolObject?.spec.configuration?.name ?? '';
  const updated = poolObject?.status?.conditions?.some(
    (c) => c.type === 'Updated' && c.status === 'True',
  );
  if (target === '' || target === from || updated !== true) return false;
  return poolMembers(simulation, pool).every((name) => {
    const node = simulation.store.get(NODES, undefined, name) as NodeObject | undefined;
    const agent = simulation.operator.agent(name);
    return (
      agent?.idle === true && node?.metadata.annotations?.[ANNOTATIONS.currentConfig] === target
    );
  });
};

/**
 * Moves `nodes` into the custom pool `pool` (its `node-role.kubernetes.io/<pool>` label) and runs the
 * clock until MCO has moved them onto the pool's rendered config and the pool is Updated.
 */
export const addNodesToPool = (
  simulation: Simulation,
  clock: ManualClock,
  pool: string,
  nodes: string[],
): void => {
  for (const name of nodes) {
    simulation.store.mutate<NodeObject>(NODES, undefined, name, (node) => {
      node.metadata.labels = { ...node.metadata.labels, [`node-role.kubernetes.io/${pool}`]: '' };
    });
  }
  const settled = () => {
    const poolObject = simulation.store.get(MACHINE_CONFIG_POOLS, undefined, pool) as
      PoolObject | undefined;
    const target = poolObject?.spec.configuration?.name ?? '';
    const members = poolMembers(simulation, pool);
    return (
      nodes.every((name) => members.includes(name)) &&
      poolObject?.status?.machineCount === members.length &&
      poolObject.status.updatedMachineCount === members.length &&
      members.every((name) => {
        const node = simulation.store.get(NODES, undefined, name) as NodeObject | undefined;
        return (
          simulation.operator.agent(name)?.idle === true &&
          node?.metadata.annotations?.[ANNOTATIONS.currentConfig] === target
        );
      })
    );
  };
  clock.runUntil(settled);
};
