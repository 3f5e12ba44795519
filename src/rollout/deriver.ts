/**
 * The whole rollout from the watched lists, recomputed incrementally: each node's rollout is cached by
 * the identity of its Node object (and of its MachineConfigNode), and a pool's aggregate by the identity
 * of its pool object and of its nodes' rollouts. Watch stores replace an object when it changes, so one
 * node event recomputes that node and its pool only, and every unchanged rollout keeps its identity
 * (React can skip it). The deriver also remembers what it saw: when a phase began when MCO's objects do
 * not say, and how long finished nodes took, for the estimate.
 */
import type { MachineConfig, MachineConfigPool } from '../k8s/types';
import {
  DEFAULT_DAY1_REBOOT_MS,
  DEFAULT_NODE_UPDATE_MS,
  estimateRemainingMs,
  median,
  smoothEstimate,
} from './estimate';
import type { EstimateSample } from './estimate';
import { arrayOf, dig, nameOf, parseTime, text, toISO } from './loose';
import {
  ARBITER_POOL,
  MASTER_POOL,
  RELEASE_IMAGE_VERSION_ANNOTATION,
  WORKER_POOL,
} from '../mco/names';
import { MembershipResolver, membershipPool, readLabelSelector, selectorKeys } from './membership';
import { deriveNodeRollout, isInProgress } from './node-phase';
import type { NodeMembership, PoolTarget, ReleaseTarget } from './node-phase';
import { aggregatePool } from './pool-rollout';
import type { PoolAggregate } from './pool-rollout';
import type { NodeRollout, PoolRollout, Rollout, RolloutInput } from './types';

/** Finished-node durations kept per pool for the estimate. */
const DURATIONS_KEPT = 50;

interface NodeEntry {
  mcn: unknown;
  membershipToken: object;
  membership: NodeMembership;
  release: ReleaseTarget | undefined;
  result: NodeRollout;
}

interface PoolInfo {
  target: PoolTarget;
  selectorKey: string;
  membershipPool: MachineConfigPool;
}

interface PoolEntry {
  object: unknown;
  target: PoolTarget;
  machineConfigs: ReadonlyMap<string, MachineConfig> | undefined;
  aggregate: PoolAggregate;
  /** The last PoolRollout, and the aggregate it was made from. */
  rollout?: PoolRollout;
  rolloutFrom?: PoolAggregate;
}

const POOL_ORDER = [MASTER_POOL, ARBITER_POOL, WORKER_POOL];
const poolRank = (name: string): number => {
  const rank = POOL_ORDER.indexOf(name);
  return rank < 0 ? POOL_ORDER.length : rank;
};
const byPoolOrder = (a: PoolRollout, b: PoolRollout): number =>
  poolRank(a.name) - poolRank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byName = (a: NodeRollout, b: NodeRollout): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
/**
 * Nodes by name, in place. The API server lists them by name, so they mostly come in order: check
 * first, as sort copies the array and calls the comparator even then.
 */
const sortByName = (nodes: NodeRollout[]): void => {
  for (let i = 1; i < nodes.length; i++) {
    if (byName(nodes[i - 1], nodes[i]) > 0) {
      nodes.sort(byName);
      return;
    }
  }
};

/** Same items in the same order, by identity: what the deriver keeps, its users can compare this way. */
export const sameItems = <T>(a: readonly T[] | undefined, b: readonly T[]): boolean =>
  a?.length === b.length && a.every((item, i) => item === b[i]);

const NO_RELEASES = new Map<string, string>();

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** A rollout phase in which the node has an update start worth remembering. */
const isUnderway = (node: NodeRollout): boolean =>
  isInProgress(node.phase) || node.phase === 'Degraded';

export interface RolloutDeriverOptions {
  /**
   * Remember node rollouts between calls (default). Off for a one-off derivation, which then skips the
   * cache writes it would never read.
   */
  incremental?: boolean;
}

/**
 * Keep one per page and give it the watched lists on every change:
 *
 * ```ts
 * const deriver = useMemo(() => new RolloutDeriver(), []);
 * const rollout = useMemo(
 *   () => deriver.derive({ pools, nodes, machineConfigNodes, machineConfigs }, Date.now()),
 *   [deriver, pools, nodes, machineConfigNodes, machineConfigs],
 * );
 * ```
 *
 * Unchanged NodeRollouts, node arrays, PoolRollouts and the Rollout itself keep their identity.
 */
export class RolloutDeriver {
  private readonly incremental: boolean;
  private readonly nodeEntries = new WeakMap<object, NodeEntry>();
  private readonly poolInfo = new WeakMap<object, PoolInfo>();
  /** PoolTargets by pool name, reused while they hold the same values. */
  private targets = new Map<string, PoolTarget>();
  private membership?: {
    key: string;
    token: object;
    pools: MachineConfigPool[];
    labelKeys: Set<string>;
  };
  private mcnIndex?: { source: readonly unknown[]; byNode: Map<string, unknown> };
  private machineConfigIndex?: {
    source: readonly unknown[];
    byName: Map<string, MachineConfig>;
    releaseOf: Map<string, string>;
  };
  private release?: ReleaseTarget;
  /** A pool's PoolTarget changed (or a pool came or went) in the last readPools. */
  private targetsMoved = true;
  /** The last grouping of node rollouts, and what it was made from. */
  private grouping?: {
    nodes: readonly unknown[];
    mcnByNode: ReadonlyMap<string, unknown> | undefined;
    token: object;
    release: ReleaseTarget | undefined;
    nodesByPool: ReadonlyMap<string, NodeRollout[]>;
    unpooled: NodeRollout[];
  };
  private previousNodes = new Map<string, NodeRollout>();
  private readonly poolEntries = new Map<string, PoolEntry>();
  private readonly durations = new Map<string, number[]>();
  /** The time left last shown per pool, for smoothing. */
  private readonly shownEstimates = new Map<string, EstimateSample>();
  private last?: Rollout;

  constructor(options: RolloutDeriverOptions = {}) {
    this.incremental = options.incremental ?? true;
  }

  /** The rollout of `input` at `now` (ms since the epoch, or a Date). */
  derive(input: RolloutInput, now: number | Date = Date.now()): Rollout {
    const nowMs = typeof now === 'number' ? now : now.getTime();
    const nowISO = toISO(nowMs);
    const pools = this.readPools(input.pools);
    const { token, pools: membershipPools, labelKeys } = this.readMembership(pools);
    const mcnByNode = this.indexMachineConfigNodes(input.machineConfigNodes);
    const machineConfigs = this.indexMachineConfigs(input.machineConfigs);
    const release = this.readRelease(input.clusterVersion, machineConfigs?.releaseOf);

    // A pool event that moves no target leaves every node's rollout as it was: group them as last time.
    const grouping = this.grouping;
    let nodesByPool: ReadonlyMap<string, NodeRollout[]>;
    let unpooled: NodeRollout[];
    if (
      grouping?.nodes === input.nodes &&
      grouping.mcnByNode === mcnByNode &&
      grouping.token === token &&
      grouping.release === release &&
      !this.targetsMoved
    ) {
      ({ nodesByPool, unpooled } = grouping);
    } else {
      ({ nodesByPool, unpooled } = this.groupNodes(
        input.nodes,
        mcnByNode,
        { token, resolver: new MembershipResolver(membershipPools, labelKeys, this.targets) },
        release,
        { ms: nowMs, iso: nowISO },
      ));
      if (this.incremental) {
        this.grouping = { nodes: input.nodes, mcnByNode, token, release, nodesByPool, unpooled };
      }
    }

    const poolRollouts: PoolRollout[] = [];
    for (const { object, info } of pools) {
      const members = nodesByPool.get(info.target.name) ?? [];
      sortByName(members);
      const aggregate = this.poolAggregate(object, info.target, members, machineConfigs?.byName);
      poolRollouts.push(this.withEstimate(info.target.name, aggregate, nowMs));
    }
    poolRollouts.sort(byPoolOrder);
    sortByName(unpooled);

    const last = this.last;
    if (
      last !== undefined &&
      sameItems(last.pools, poolRollouts) &&
      sameItems(last.unpooledNodes, unpooled)
    ) {
      return last;
    }
    this.last = {
      pools: poolRollouts,
      unpooledNodes: sameItems(last?.unpooledNodes, unpooled)
        ? (last?.unpooledNodes ?? [])
        : unpooled,
    };
    return this.last;
  }

  /** Each node's rollout, by the pool it is in (in list order), and the nodes in no pool. */
  private groupNodes(
    nodes: readonly unknown[],
    mcnByNode: ReadonlyMap<string, unknown> | undefined,
    membership: { token: object; resolver: MembershipResolver },
    release: ReleaseTarget | undefined,
    at: { ms: number; iso: string },
  ): { nodesByPool: Map<string, NodeRollout[]>; unpooled: NodeRollout[] } {
    const nodesByPool = new Map<string, NodeRollout[]>();
    const unpooled: NodeRollout[] = [];
    let count = 0;
    for (const node of arrayOf(nodes)) {
      const name = nameOf(node);
      if (name === undefined || !isObject(node)) continue;
      count++;
      const result = this.nodeRollout(node, name, mcnByNode?.get(name), membership, release, at);
      if (result.pool === undefined) unpooled.push(result);
      else {
        const members = nodesByPool.get(result.pool);
        if (members === undefined) nodesByPool.set(result.pool, [result]);
        else members.push(result);
      }
    }
    // Nodes that left the cluster: forget them once they are many.
    if (this.previousNodes.size > 2 * count + 100) this.prunePreviousNodes(nodesByPool, unpooled);
    return { nodesByPool, unpooled };
  }

  /** Named pools, last one wins for a repeated name, each with its PoolTarget (reused while equal). */
  private readPools(list: readonly unknown[]): { object: object; info: PoolInfo }[] {
    const byPoolName = new Map<string, { object: object; info: PoolInfo }>();
    for (const object of arrayOf(list)) {
      const name = nameOf(object);
      if (name === undefined || !isObject(object)) continue;
      let info = this.poolInfo.get(object);
      if (info === undefined) {
        const selector = readLabelSelector(dig(object, 'spec', 'nodeSelector'));
        info = {
          target: {
            name,
            target: text(dig(object, 'spec', 'configuration', 'name')),
            paused: dig(object, 'spec', 'paused') === true,
          },
          selectorKey: selector === undefined ? '' : JSON.stringify(selector),
          membershipPool: membershipPool(name, object),
        };
        this.poolInfo.set(object, info);
      }
      byPoolName.set(name, { object, info });
    }
    const targets = new Map<string, PoolTarget>();
    for (const [name, { info }] of byPoolName) {
      const previous = this.targets.get(name);
      const { target } = info;
      // Keep the PoolTarget nodes were derived with while it holds the same values.
      if (
        previous !== undefined &&
        previous.target === target.target &&
        previous.paused === target.paused
      ) {
        info.target = previous;
      }
      targets.set(name, info.target);
    }
    this.targetsMoved =
      targets.size !== this.targets.size ||
      [...targets].some(([name, target]) => this.targets.get(name) !== target);
    this.targets = targets;
    return [...byPoolName.values()];
  }

  private readMembership(pools: { info: PoolInfo }[]): {
    token: object;
    pools: MachineConfigPool[];
    labelKeys: Set<string>;
  } {
    const key = pools
      .map(({ info }) => `${info.target.name}\u0000${info.selectorKey}`)
      .join('\u0001');
    if (this.membership?.key !== key) {
      const membershipPools = pools.map(({ info }) => info.membershipPool);
      this.membership = {
        key,
        token: {},
        pools: membershipPools,
        labelKeys: selectorKeys(membershipPools),
      };
    }
    return this.membership;
  }

  private indexMachineConfigNodes(
    list: readonly unknown[] | undefined,
  ): Map<string, unknown> | undefined {
    if (list === undefined) return undefined;
    if (this.mcnIndex?.source !== list) {
      const byNode = new Map<string, unknown>();
      for (const mcn of arrayOf(list)) {
        const node = text(dig(mcn, 'spec', 'node', 'name')) ?? nameOf(mcn);
        if (node !== undefined) byNode.set(node, mcn);
      }
      this.mcnIndex = { source: list, byNode };
    }
    return this.mcnIndex.byNode;
  }

  private indexMachineConfigs(list: readonly unknown[] | undefined) {
    if (list === undefined) return undefined;
    if (this.machineConfigIndex?.source !== list) {
      const byName = new Map<string, MachineConfig>();
      const releaseOf = new Map<string, string>();
      for (const mc of arrayOf(list)) {
        const name = nameOf(mc);
        if (name === undefined) continue;
        byName.set(name, mc as MachineConfig);
        const release = text(dig(mc, 'metadata', 'annotations', RELEASE_IMAGE_VERSION_ANNOTATION));
        if (release !== undefined) releaseOf.set(name, release);
      }
      this.machineConfigIndex = { source: list, byName, releaseOf };
    }
    return this.machineConfigIndex;
  }

  /** oc's target release: the newest history entry's version. */
  private readRelease(
    clusterVersion: unknown,
    releaseOf: Map<string, string> | undefined,
  ): ReleaseTarget | undefined {
    const version = text(dig(arrayOf(dig(clusterVersion, 'status', 'history'))[0], 'version'));
    if (version === undefined) {
      this.release = undefined;
      return undefined;
    }
    const versionOf = releaseOf ?? NO_RELEASES;
    if (this.release?.version !== version || this.release.versionOf !== versionOf) {
      this.release = { version, versionOf };
    }
    return this.release;
  }

  private nodeRollout(
    node: object,
    name: string,
    mcn: unknown,
    membership: { token: object; resolver: MembershipResolver },
    release: ReleaseTarget | undefined,
    now: { ms: number; iso: string },
  ): NodeRollout {
    // A one-off derivation remembers nothing: no lookups either.
    const entry = this.incremental ? this.nodeEntries.get(node) : undefined;
    let nodeMembership: NodeMembership;
    if (entry?.membershipToken === membership.token) {
      nodeMembership = entry.membership;
      if ('pool' in nodeMembership) {
        const target = this.targets.get(nodeMembership.pool.name);
        if (target !== nodeMembership.pool) {
          nodeMembership = target === undefined ? { none: true } : { pool: target };
        }
      }
    } else {
      nodeMembership = membership.resolver.of(node);
    }
    if (entry?.membership === nodeMembership && entry.mcn === mcn && entry.release === release) {
      return entry.result;
    }
    const derived = deriveNodeRollout(node, name, mcn, nodeMembership, release, now.ms, now.iso);
    if (!this.incremental) return derived;
    const result = this.withHistory(derived, this.previousNodes.get(name), now.ms);
    this.previousNodes.set(name, result);
    this.nodeEntries.set(node, {
      mcn,
      membershipToken: membership.token,
      membership: nodeMembership,
      release,
      result,
    });
    return result;
  }

  /**
   * Fills in what MCO's objects do not say from what this deriver saw before: when a phase began (a
   * change of phase seen now began now) and when the update began; records finished nodes' durations.
   */
  private withHistory(
    node: NodeRollout,
    previous: NodeRollout | undefined,
    now: number,
  ): NodeRollout {
    if (previous === undefined) return node;
    const since = node.since ?? (previous.phase === node.phase ? previous.since : toISO(now));
    let { updateStartedAt } = node;
    if (updateStartedAt === undefined && isUnderway(node)) {
      updateStartedAt = isUnderway(previous) ? previous.updateStartedAt : since;
    }
    if (
      node.phase === 'Updated' &&
      isInProgress(previous.phase) &&
      previous.updateStartedAt !== undefined &&
      node.pool !== undefined
    ) {
      const started = Date.parse(previous.updateStartedAt);
      const finished = parseTime(since) ?? now;
      this.recordDuration(node.pool, Math.max(0, finished - started));
    }
    return since === node.since && updateStartedAt === node.updateStartedAt
      ? node
      : { ...node, since, updateStartedAt };
  }

  private prunePreviousNodes(
    nodesByPool: ReadonlyMap<string, NodeRollout[]>,
    unpooled: readonly NodeRollout[],
  ): void {
    this.previousNodes = new Map(
      [...nodesByPool.values(), unpooled].flat().map((node) => [node.name, node]),
    );
  }

  private recordDuration(pool: string, ms: number): void {
    const list = this.durations.get(pool) ?? [];
    list.push(ms);
    if (list.length > DURATIONS_KEPT) list.shift();
    this.durations.set(pool, list);
  }

  private poolAggregate(
    object: object,
    target: PoolTarget,
    nodes: NodeRollout[],
    machineConfigs: ReadonlyMap<string, MachineConfig> | undefined,
  ): PoolAggregate {
    const entry = this.poolEntries.get(target.name);
    if (
      entry?.object === object &&
      entry.target === target &&
      entry.machineConfigs === machineConfigs &&
      sameItems(entry.aggregate.nodes, nodes)
    ) {
      return entry.aggregate;
    }
    // Same members: keep their array, so that a table of them need not re-render.
    const members =
      entry !== undefined && sameItems(entry.aggregate.nodes, nodes)
        ? entry.aggregate.nodes
        : nodes;
    const aggregate = aggregatePool(object, target, members, machineConfigs);
    this.poolEntries.set(target.name, {
      object,
      target,
      machineConfigs,
      aggregate,
      rollout: entry?.rollout,
      rolloutFrom: entry?.rolloutFrom,
    });
    return aggregate;
  }

  /** The aggregate with its time estimate; the previous PoolRollout when nothing changed. */
  private withEstimate(name: string, aggregate: PoolAggregate, now: number): PoolRollout {
    const entry = this.poolEntries.get(name);
    const observed =
      median(this.durations.get(name) ?? []) ?? median([...this.durations.values()].flat());
    // A new Day 1 config's reboot for its image happens inside each node's update when its pull unit
    // runs before the kubelet (observed durations include it), and after the last node otherwise.
    const newConfigs = aggregate.day1Configs.filter((config) => config.new);
    const rebootInWindow = newConfigs.some((config) => config.summary?.pullRebootInMcoWindow);
    const rebootAfter = newConfigs.some((config) => config.summary?.pullRebootInMcoWindow !== true);
    const perNodeMs =
      observed ?? DEFAULT_NODE_UPDATE_MS + (rebootInWindow ? DEFAULT_DAY1_REBOOT_MS : 0);
    const estimateBasis = observed === undefined ? 'default' : 'observed';
    const remaining = aggregate.machineCount - aggregate.phaseCounts.Updated;
    const tailMs = rebootAfter ? DEFAULT_DAY1_REBOOT_MS : 0;
    let rawSecondsLeft: number | undefined;
    if (remaining === 0) rawSecondsLeft = 0;
    else if (aggregate.state === 'Updating') {
      const ms = estimateRemainingMs({
        inProgressElapsedMs: aggregate.inProgressStarts.map((start) =>
          start === undefined || Number.isNaN(start) ? undefined : now - start,
        ),
        waiting: aggregate.waiting,
        slots: aggregate.maxUnavailable,
        perNodeMs,
        tailMs,
      });
      rawSecondsLeft = Math.ceil(ms / 1000);
    }
    // The figure shown follows the raw estimate smoothly (see smoothEstimate).
    const estimatedSecondsLeft = smoothEstimate(this.shownEstimates.get(name), rawSecondsLeft, now);
    if (estimatedSecondsLeft === undefined || estimatedSecondsLeft === 0 || !this.incremental) {
      this.shownEstimates.delete(name);
    } else {
      this.shownEstimates.set(name, { seconds: estimatedSecondsLeft, atMs: now });
    }
    const previous = entry?.rollout;
    if (
      previous !== undefined &&
      entry?.rolloutFrom === aggregate &&
      previous.estimatedSecondsLeft === estimatedSecondsLeft &&
      previous.estimateBasis === estimateBasis &&
      previous.estimatePerNodeMs === perNodeMs &&
      previous.estimateTailMs === tailMs
    ) {
      return previous;
    }
    const rollout = toPoolRollout(aggregate, {
      estimatedSecondsLeft,
      estimateBasis,
      estimatePerNodeMs: perNodeMs,
      estimateTailMs: tailMs,
    });
    if (entry !== undefined) {
      entry.rollout = rollout;
      entry.rolloutFrom = aggregate;
    }
    return rollout;
  }
}

const toPoolRollout = (
  aggregate: PoolAggregate,
  {
    estimatedSecondsLeft,
    estimateBasis,
    estimatePerNodeMs,
    estimateTailMs,
  }: Pick<
    PoolRollout,
    'estimatedSecondsLeft' | 'estimateBasis' | 'estimatePerNodeMs' | 'estimateTailMs'
  >,
): PoolRollout => ({
  name: aggregate.name,
  machineCount: aggregate.machineCount,
  updatedMachineCount: aggregate.updatedMachineCount,
  readyMachineCount: aggregate.readyMachineCount,
  unavailableMachineCount: aggregate.unavailableMachineCount,
  degradedMachineCount: aggregate.degradedMachineCount,
  paused: aggregate.paused,
  state: aggregate.state,
  message: aggregate.message,
  targetConfig: aggregate.targetConfig,
  currentConfig: aggregate.currentConfig,
  day1Configs: aggregate.day1Configs,
  completion: aggregate.completion,
  maxUnavailable: aggregate.maxUnavailable,
  estimatedSecondsLeft,
  estimateBasis,
  estimatePerNodeMs,
  estimateTailMs,
  phaseCounts: aggregate.phaseCounts,
  nodes: aggregate.nodes,
});

/** The rollout of `input` at `now`, from scratch (nothing remembered). */
export const deriveRollout = (input: RolloutInput, now: number | Date = Date.now()): Rollout =>
  new RolloutDeriver({ incremental: false }).derive(input, now);
