/**
 * The rollout as an admin needs it once Day 1 configs are involved: MCO may be done with a node that
 * is down again for the Day 1 image reboot (configs made before the pull unit ran before the kubelet,
 * and KMM's own), or that has not said from its current boot whether the module loaded. Such a node is
 * in a phase of its own, RebootingForDay1, and its pool is not done while it is.
 */
import { DEFAULT_DAY1_REBOOT_MS } from './estimate';
import { day1PoolCounts, nodeDay1State } from './day1-state';
import type { Day1PoolCounts, NodeDay1Facts, NodeDay1State } from './day1-state';
import type { NodeRollout, PoolRollout, Rollout } from './types';

export interface PoolDay1 {
  counts: Day1PoolCounts;
  /** More nodes unavailable than maxUnavailable: MCO's throttle was bypassed (a reboot after Done). */
  overMaxUnavailable: boolean;
}

export interface Day1Rollout {
  rollout: Rollout;
  /** By node name, for nodes whose pool target has Day 1 configs. */
  nodes: ReadonlyMap<string, NodeDay1State>;
  /** By pool name, for pools whose target has Day 1 configs. */
  pools: ReadonlyMap<string, PoolDay1>;
}

interface NodeEntry {
  facts: NodeDay1Facts | undefined;
  configs: readonly string[];
  state: NodeDay1State | undefined;
  node: NodeRollout;
}

interface PoolEntry {
  nodes: readonly NodeRollout[];
  states: readonly (NodeDay1State | undefined)[];
  pool: PoolRollout;
}

const sameArray = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Keeps the results of unchanged nodes and pools between calls, so that one node event costs one
 * node's work, and gives back the same objects (a table row need not re-render).
 */
export class Day1RolloutDeriver {
  private readonly nodeEntries = new WeakMap<NodeRollout, NodeEntry>();
  private readonly poolEntries = new WeakMap<PoolRollout, PoolEntry>();
  private readonly configNames = new WeakMap<PoolRollout, readonly string[]>();

  /** `facts` by node name: the status files read for it and its bootID when MCO was done. */
  derive(rollout: Rollout, facts: ReadonlyMap<string, NodeDay1Facts>): Day1Rollout {
    const nodeStates = new Map<string, NodeDay1State>();
    const poolViews = new Map<string, PoolDay1>();
    const pools = rollout.pools.map((pool) => {
      const configs = this.configsOf(pool);
      if (configs.length === 0) return pool;
      const nodes: NodeRollout[] = [];
      const states: (NodeDay1State | undefined)[] = [];
      for (const node of pool.nodes) {
        const entry = this.nodeEntry(node, configs, facts.get(node.name));
        nodes.push(entry.node);
        states.push(entry.state);
        if (entry.state !== undefined) nodeStates.set(node.name, entry.state);
      }
      const previous = this.poolEntries.get(pool);
      const next =
        previous !== undefined &&
        sameArray(previous.nodes, nodes) &&
        sameArray(previous.states, states)
          ? previous.pool
          : withDay1Nodes(pool, nodes, states);
      this.poolEntries.set(pool, { nodes, states, pool: next });
      const counts = day1PoolCounts(states);
      poolViews.set(pool.name, {
        counts,
        overMaxUnavailable: next.unavailableMachineCount > next.maxUnavailable,
      });
      return next;
    });
    const changed = pools.some((pool, index) => pool !== rollout.pools[index]);
    return {
      rollout: changed ? { ...rollout, pools } : rollout,
      nodes: nodeStates,
      pools: poolViews,
    };
  }

  private configsOf(pool: PoolRollout): readonly string[] {
    let names = this.configNames.get(pool);
    if (names === undefined) {
      names = pool.day1Configs.map((config) => config.name);
      this.configNames.set(pool, names);
    }
    return names;
  }

  private nodeEntry(
    node: NodeRollout,
    configs: readonly string[],
    facts: NodeDay1Facts | undefined,
  ): NodeEntry {
    const previous = this.nodeEntries.get(node);
    if (
      previous !== undefined &&
      previous.facts === facts &&
      sameArray(previous.configs, configs)
    ) {
      return previous;
    }
    const state = nodeDay1State(node, configs, facts);
    const shown: NodeRollout =
      state?.rebooting === true
        ? {
            ...node,
            phase: 'RebootingForDay1',
            message: { code: 'rebootingForDay1Image', params: { config: state.worstConfig } },
          }
        : node;
    const entry = { facts, configs, state, node: shown };
    this.nodeEntries.set(node, entry);
    return entry;
  }
}

/** The pool with its nodes' Day 1 phases: not Updated while a node is in a Day 1 reboot. */
const withDay1Nodes = (
  pool: PoolRollout,
  nodes: NodeRollout[],
  states: readonly (NodeDay1State | undefined)[],
): PoolRollout => {
  const rebooting = states.filter((state) => state?.rebooting === true).length;
  if (rebooting === 0 && sameArray(pool.nodes, nodes)) return pool;
  const phaseCounts = { ...pool.phaseCounts };
  phaseCounts.Updated -= rebooting;
  phaseCounts.RebootingForDay1 += rebooting;
  const completion =
    pool.machineCount === 0 ? 100 : Math.floor((100 * phaseCounts.Updated) / pool.machineCount);
  const stillUpdated = pool.state === 'Updated' && rebooting > 0;
  return {
    ...pool,
    nodes,
    phaseCounts,
    completion,
    ...(stillUpdated
      ? {
          state: 'Updating' as const,
          message: { code: 'day1Rebooting' as const, params: { count: rebooting } },
          // Each such node is one Day 1 reboot (and load) away, all at once: they are not throttled.
          estimatedSecondsLeft: Math.ceil(DEFAULT_DAY1_REBOOT_MS / 1000),
          estimateBasis: 'default' as const,
        }
      : {}),
  };
};
