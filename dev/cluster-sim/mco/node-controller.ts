/**
 * MCO's node controller (pkg/controller/node): per pool, its member nodes, the UpdateInProgress taint,
 * which nodes to move to the pool's rendered config within maxUnavailable (zone, then age order), the
 * desiredConfig annotation, and the pool status. A paused pool only gets its status recomputed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { TimerId } from '../core/clock';
import type { NodeObject, PoolObject } from '../core/kube-types';
import { MACHINE_CONFIG_POOLS, NODES } from '../core/resources';
import { addTaint, hasTaint, removeTaint, setAnnotations } from '../node/node-edits';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import { ANNOTATIONS, UPDATE_IN_PROGRESS_TAINT } from './constants';
import { computeMembership } from './membership';
import type { McnWriter } from './mcn-writer';
import {
  desiredConfigOf,
  isNodeMCDFailing,
  isNodeReady,
  isUnavailableForUpdate,
} from './node-state';
import { calculatePoolStatus } from './pool-status';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * MCO's reading of `spec.maxUnavailable` (node controller, mco-rollout.md §4.3), written here from the
 * documented rule rather than shared with the plugin, so the simulator can catch a plugin that reads it
 * differently: unset means 1; an integer is taken as is; a string must be a percentage (intstr), scaled
 * over the pool's node count and rounded down; 0 becomes 1; the arbiter pool always takes 1. A value MCO
 * cannot read gives undefined: MCO then only syncs the pool's status.
 */
export const maxUnavailableCount = (
  value: unknown,
  poolName: string,
  nodeCount: number,
): number | undefined => {
  let count: number;
  if (value === undefined || value === null) count = 1;
  else if (typeof value === 'number' && Number.isInteger(value)) count = value;
  else if (typeof value === 'string' && /^-?\d+%$/.test(value)) {
    count = Math.floor((Number.parseInt(value, 10) * nodeCount) / 100);
  } else return undefined;
  if (count === 0) count = 1;
  return poolName === 'arbiter' ? 1 : count;
};

/** Candidates in MCO's order: by zone (zoneless last), then oldest first. */
const updateOrder = (a: NodeObject, b: NodeObject): number => {
  const zoneA = a.metadata.labels?.[ZONE_LABEL];
  const zoneB = b.metadata.labels?.[ZONE_LABEL];
  if (zoneA !== zoneB) {
    if (zoneA === undefined) return 1;
    if (zoneB === undefined) return -1;
    return zoneA < zoneB ? -1 : 1;
  }
  const age = (a.metadata.creationTimestamp ?? '').localeCompare(
    b.metadata.creationTimestamp ?? '',
  );
  return age !== 0 ? age : a.metadata.name.localeCompare(b.metadata.name);
};

/** The nodes to target now, given the pool's members. */
const chooseNodesToUpdate = (
  pool: PoolObject,
  members: NodeObject[],
  target: string,
): NodeObject[] => {
  const maxUnavailable = maxUnavailableCount(
    pool.spec.maxUnavailable,
    pool.metadata.name,
    members.length,
  );
  if (maxUnavailable === undefined) return [];
  const unavailable = members.filter(isUnavailableForUpdate).length;
  if (unavailable >= maxUnavailable) return [];
  let capacity = maxUnavailable - unavailable;
  let failing = 0;
  const candidates: NodeObject[] = [];
  for (const node of members) {
    if (desiredConfigOf(node) === target) {
      // Nodes failing to reach the target count against availability too.
      if (isNodeMCDFailing(node)) failing++;
      continue;
    }
    if (isNodeReady(node)) candidates.push(node);
  }
  if (failing >= capacity) return [];
  capacity -= failing;
  return candidates.sort(updateOrder).slice(0, capacity);
};

export class NodeController {
  private timer?: TimerId;
  private readonly reportedErrors = new Set<string>();
  /** Pool membership by node name, kept until node labels or pools change. */
  private membership?: { poolOf: Map<string, string>; members: Map<string, string[]> };
  /** Pools whose nodes or status changed since the last sync; all of them after membership changes. */
  private readonly dirtyPools = new Set<string>();
  private allDirty = true;

  constructor(
    private readonly context: SimContext,
    private readonly mcn: McnWriter,
  ) {}

  /** A node changed; `membershipMayChange` when it was added, removed or relabelled. */
  nodeChanged(name: string, membershipMayChange: boolean): void {
    const pool = this.membership?.poolOf.get(name);
    if (membershipMayChange || pool === undefined) this.invalidate();
    else this.dirtyPools.add(pool);
    this.schedule();
  }

  /** A pool was added, removed or had its spec changed. */
  poolsChanged(): void {
    this.invalidate();
    this.schedule();
  }

  /** A pool's status changed (RenderDegraded feeds Degraded). */
  poolChanged(name: string): void {
    this.dirtyPools.add(name);
    this.schedule();
  }

  /** Syncs soon; repeated calls before then make one sync (the controller's work queue). */
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = this.context.timers.after(this.context.timings.nodeController, () => {
      this.timer = undefined;
      this.sync();
    });
  }

  stop(): void {
    this.context.timers.cancel(this.timer);
    this.timer = undefined;
  }

  /** The primary pool of a node, by MCO's rules. */
  poolOf(nodeName: string): string | undefined {
    return this.currentMembership().poolOf.get(nodeName);
  }

  sync(): void {
    const { store } = this.context;
    const pools = this.context.wellFormed.pools(store.list(MACHINE_CONFIG_POOLS));
    const membership = this.currentMembership();
    const toSync = this.allDirty
      ? pools
      : pools.filter((p) => this.dirtyPools.has(p.metadata.name));
    this.allDirty = false;
    this.dirtyPools.clear();
    for (const pool of toSync) {
      const target = pool.spec.configuration?.name ?? '';
      // MCO waits for the render controller before it touches a pool's nodes or status.
      if (target === '') continue;
      const names = membership.members.get(pool.metadata.name) ?? [];
      const members = names
        .map((name) => store.get(NODES, undefined, name))
        .filter((n): n is NodeObject => this.context.wellFormed.node(n));
      if (pool.spec.paused !== true) this.rollOut(pool, members, target);
      this.updateStatus(pool.metadata.name, names);
    }
  }

  private invalidate(): void {
    this.membership = undefined;
    this.allDirty = true;
  }

  private currentMembership(): { poolOf: Map<string, string>; members: Map<string, string[]> } {
    if (this.membership !== undefined) return this.membership;
    const { store } = this.context;
    const { wellFormed } = this.context;
    const computed = computeMembership(
      wellFormed.nodes(store.list(NODES)),
      wellFormed.pools(store.list(MACHINE_CONFIG_POOLS)),
    );
    for (const [node, error] of computed.errors) {
      if (!this.reportedErrors.has(node)) this.context.log(`node controller: ${error}`);
      this.reportedErrors.add(node);
    }
    this.membership = {
      poolOf: computed.poolOf,
      members: new Map(
        [...computed.members].map(([pool, nodes]) => [pool, nodes.map((n) => n.metadata.name)]),
      ),
    };
    return this.membership;
  }

  private rollOut(pool: PoolObject, members: NodeObject[], target: string): void {
    const { store } = this.context;
    for (const node of members) {
      const wantsTaint = desiredConfigOf(node) !== target;
      if (wantsTaint !== hasTaint(node, UPDATE_IN_PROGRESS_TAINT)) {
        store.mutate<NodeObject>(NODES, undefined, node.metadata.name, (draft) => {
          if (wantsTaint)
            addTaint(draft, { key: UPDATE_IN_PROGRESS_TAINT, effect: 'PreferNoSchedule' });
          else removeTaint(draft, UPDATE_IN_PROGRESS_TAINT);
        });
      }
    }
    const fresh = members
      .map((n) => store.get(NODES, undefined, n.metadata.name))
      .filter((n): n is NodeObject => this.context.wellFormed.node(n));
    for (const node of chooseNodesToUpdate(pool, fresh, target)) {
      const name = node.metadata.name;
      this.context.log(
        `node controller: pool ${pool.metadata.name}: targeted node ${name} to MachineConfig ${target}`,
      );
      store.mutate<NodeObject>(NODES, undefined, name, (draft) => {
        setAnnotations(draft, { [ANNOTATIONS.desiredConfig]: target });
        removeTaint(draft, UPDATE_IN_PROGRESS_TAINT);
      });
      this.mcn.setDesired(name, target);
    }
  }

  private updateStatus(poolName: string, memberNames: string[]): void {
    const { store } = this.context;
    const pool = store.get(MACHINE_CONFIG_POOLS, undefined, poolName);
    if (!this.context.wellFormed.pool(pool)) return;
    const nodes = memberNames
      .map((name) => store.get(NODES, undefined, name))
      .filter((n): n is NodeObject => this.context.wellFormed.node(n));
    const status = calculatePoolStatus(pool, nodes, nowStamp(this.context));
    if (isDeepStrictEqual(pool.status, status)) return;
    store.mutate<PoolObject>(MACHINE_CONFIG_POOLS, undefined, poolName, (draft) => {
      draft.status = status;
    });
  }
}
