/**
 * The rollout as an admin needs it once Day 1 configs are involved: MCO may be done with a node that
 * is down again for the Day 1 image reboot (configs made before the pull unit ran before the kubelet,
 * and KMM's own), or that has not said from its current boot whether the module loaded. Such a node is
 * in a phase of its own, RebootingForDay1, and its pool is not done while it is.
 */
import { DEFAULT_DAY1_REBOOT_MS } from './estimate';
import { day1PoolCounts, nodeDay1State } from './day1-state';
import type { Day1PoolCounts, NodeDay1Facts, NodeDay1State } from './day1-state';
import { SameOrNew } from './same-or-new';
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
  /** The node as given, and as shown (RebootingForDay1 while in a Day 1 reboot). */
  given: NodeRollout;
  node: NodeRollout;
}

/** The last result for a pool (by name), and what it was made from. */
interface PoolEntry {
  given: PoolRollout;
  nodes: readonly NodeRollout[];
  states: readonly (NodeDay1State | undefined)[];
  pool: PoolRollout;
  view: PoolDay1;
}

const sameArray = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a === b || (a.length === b.length && a.every((item, index) => item === b[index]));

/** What nodeDay1State reads of a node besides its facts and configs is the same. */
const sameDay1Inputs = (a: NodeRollout, b: NodeRollout): boolean =>
  a.phase === b.phase &&
  a.bootID === b.bootID &&
  a.kernelVersion === b.kernelVersion &&
  a.kubeletReady === b.kubeletReady;

/**
 * Keeps the results of unchanged nodes and pools between calls, so that one node event costs one
 * node's work, and gives back the same objects (a table row need not re-render). A node event that
 * changes nothing its Day 1 state reads keeps that state, and with it the pool's counts and maps.
 */
export class Day1RolloutDeriver {
  /** Each node's last entry, by name: a new NodeRollout of the same node is compared with it. */
  private lastEntries = new Map<string, NodeEntry>();
  private poolEntries = new Map<string, PoolEntry>();
  private readonly configNames = new WeakMap<PoolRollout, readonly string[]>();
  private last: Day1Rollout | undefined;

  /** `facts` by node name: the status files read for it and its bootID when MCO was done. */
  derive(rollout: Rollout, facts: ReadonlyMap<string, NodeDay1Facts>): Day1Rollout {
    const poolEntries = new Map<string, PoolEntry>();
    let statesChanged = false;
    let viewsChanged = false;
    let nodeCount = 0;
    const pools: PoolRollout[] = [];
    for (const pool of rollout.pools) {
      const configs = this.configsOf(pool);
      if (configs.length === 0) {
        pools.push(pool);
        continue;
      }
      const previous = this.poolEntries.get(pool.name);
      // As given, unless a node is in a Day 1 reboot.
      const nodes = new SameOrNew(pool.nodes);
      const states = new SameOrNew(previous?.states);
      for (const node of pool.nodes) {
        const entry = this.nodeEntry(node, configs, facts.get(node.name));
        nodes.push(entry.node);
        states.push(entry.state);
      }
      nodeCount += pool.nodes.length;
      const shownNodes = nodes.result();
      const shownStates = states.result();
      if (shownStates !== previous?.states) statesChanged = true;
      const next =
        previous?.given === pool &&
        sameArray(previous.nodes, shownNodes) &&
        previous.states === shownStates
          ? previous.pool
          : withDay1Nodes(pool, shownNodes, shownStates);
      const overMaxUnavailable = next.unavailableMachineCount > next.maxUnavailable;
      const view =
        previous?.states === shownStates && previous.view.overMaxUnavailable === overMaxUnavailable
          ? previous.view
          : { counts: day1PoolCounts(shownStates), overMaxUnavailable };
      if (view !== previous?.view) viewsChanged = true;
      poolEntries.set(pool.name, {
        given: pool,
        nodes: shownNodes,
        states: shownStates,
        pool: next,
        view,
      });
      pools.push(next);
    }
    const last = this.last;
    const samePools = poolEntries.size === this.poolEntries.size;
    this.poolEntries = poolEntries;
    const changed = pools.some((pool, index) => pool !== rollout.pools[index]);
    const result: Day1Rollout = {
      rollout: changed ? { ...rollout, pools } : rollout,
      nodes:
        last !== undefined && samePools && !statesChanged ? last.nodes : this.nodeStates(pools),
      pools:
        last !== undefined && samePools && !viewsChanged
          ? last.pools
          : new Map([...poolEntries].map(([name, entry]) => [name, entry.view])),
    };
    this.last = result;
    // Nodes gone from the rollout are forgotten.
    if (this.lastEntries.size > nodeCount) this.forgetGoneNodes(pools);
    return result;
  }

  private nodeStates(pools: readonly PoolRollout[]): Map<string, NodeDay1State> {
    const states = new Map<string, NodeDay1State>();
    for (const pool of pools) {
      const entry = this.poolEntries.get(pool.name);
      if (entry === undefined) continue;
      entry.states.forEach((state, index) => {
        if (state !== undefined) states.set(entry.nodes[index].name, state);
      });
    }
    return states;
  }

  private forgetGoneNodes(pools: readonly PoolRollout[]): void {
    const kept = new Map<string, NodeEntry>();
    for (const pool of pools) {
      for (const node of pool.nodes) {
        const entry = this.lastEntries.get(node.name);
        if (entry !== undefined) kept.set(node.name, entry);
      }
    }
    this.lastEntries = kept;
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
    const previous = this.lastEntries.get(node.name);
    if (
      previous !== undefined &&
      previous.facts === facts &&
      sameArray(previous.configs, configs) &&
      (previous.given === node || sameDay1Inputs(previous.given, node))
    ) {
      if (previous.given === node) return previous;
      const entry = { ...previous, given: node, node: shownNode(node, previous.state) };
      this.lastEntries.set(node.name, entry);
      return entry;
    }
    const state = nodeDay1State(node, configs, facts);
    const entry = { facts, configs, state, given: node, node: shownNode(node, state) };
    this.lastEntries.set(node.name, entry);
    return entry;
  }
}

/** A node as the table shows it: in a phase of its own while in a Day 1 reboot. */
const shownNode = (node: NodeRollout, state: NodeDay1State | undefined): NodeRollout =>
  state?.rebooting === true
    ? {
        ...node,
        phase: 'RebootingForDay1',
        message: { code: 'rebootingForDay1Image', params: { config: state.worstConfig } },
      }
    : node;

/** The pool with its nodes' Day 1 phases: not Updated while a node is in a Day 1 reboot. */
const withDay1Nodes = (
  pool: PoolRollout,
  nodes: readonly NodeRollout[],
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
