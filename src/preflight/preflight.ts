/**
 * The preflight as one derivation: which nodes a new Day 1 config reaches, what the pool choice means
 * for them, and what happens to each node. The preflight panel, its reboot summary and the create
 * confirmation all show this one result, so they cannot disagree. Codes with parameters; the views
 * word them.
 */
import type { MachineConfigPool, Node } from '../k8s/types';
import {
  customPoolEligibility,
  nodesReachedByPoolConfigs,
  poolOfLabels,
  poolOfNode,
  poolsTakingConfigsFor,
} from '../mco';
import { isNoChange } from './config-change';
import type { ConfigChange } from './config-change';
import type { ImageCheck } from './image-checks';
import { groupNodesByKernel } from './kernel-groups';
import type { KernelGroup } from './kernel-groups';
import { rebootPlan } from './reboot-plan';
import type { RebootPlan } from './reboot-plan';

export interface PreflightInput {
  /** The chosen pool's name: an existing pool, or the custom pool the flow creates. */
  poolName: string;
  /** The pool as it is, or as it will be created; undefined while it is unknown or invalid. */
  pool?: MachineConfigPool;
  /** The cluster's pools (without the one the flow creates). */
  pools: readonly MachineConfigPool[];
  nodes: readonly Node[];
  /** When the flow creates the pool: the nodes it labels into it. */
  newPoolNodes?: readonly string[];
  /** The kernel module image the nodes pull, tagged with their kernel. */
  kernelModuleImage: string;
}

/** What the choice of pool means for which nodes the config reaches. */
export type PoolNote =
  /** Configs for `pool` also reach the nodes of `pools`, custom pools that inherit them. */
  | { code: 'inheriting-pools'; pool: string; pools: string[] }
  /** The new pool takes `nodes` away from the pool `from`: MCO manages them in `pool` from now on. */
  | { code: 'nodes-leave-pool'; pool: string; from: string; nodes: string[] }
  /** The new pool's machineConfigSelector takes `from`'s configs: the moved nodes keep them. */
  | { code: 'keeps-inherited-configs'; pool: string; from: string }
  /** The new pool does not take `from`'s configs: the moved nodes lose them. */
  | { code: 'loses-configs'; pool: string; from: string }
  /** Nodes in no pool so far, which MCO starts managing in the new pool. */
  | { code: 'unmanaged-nodes-join'; pool: string; nodes: string[] };

export interface PreflightScope {
  poolName: string;
  /** The nodes the config reaches, once the pool exists and they are labelled. */
  nodes: Node[];
  /** Those nodes by kernel, with the image each group pulls. */
  groups: KernelGroup[];
  poolNotes: PoolNote[];
}

const labelsOf = (pool: MachineConfigPool): Record<string, string> =>
  pool.spec.nodeSelector?.matchLabels ?? {};

/** The chosen nodes that end up in the new pool, with the pool each one leaves. */
const newPoolScope = (input: PreflightInput, chosen: ReadonlySet<string>) => {
  const { pool, pools, poolName } = input;
  const reached: { node: Node; from: ReturnType<typeof poolOfNode> }[] = [];
  for (const node of input.nodes) {
    if (!chosen.has(node.metadata.name)) continue;
    const from = poolOfNode(node, pools);
    // With the pool known, MCO's rule on the labels the flow adds; until then, who may join at all.
    const joins =
      pool === undefined
        ? customPoolEligibility(from).eligible
        : (() => {
            const after = poolOfLabels({ ...node.metadata.labels, ...labelsOf(pool) }, [
              ...pools,
              pool,
            ]);
            return 'pool' in after && after.pool === poolName;
          })();
    if (joins) reached.push({ node, from });
  }
  return reached;
};

const newPoolNotes = (
  input: PreflightInput,
  reached: ReturnType<typeof newPoolScope>,
): PoolNote[] => {
  const { pool, poolName } = input;
  const byPool = new Map<string, string[]>();
  const unmanaged: string[] = [];
  for (const { node, from } of reached) {
    if ('pool' in from)
      byPool.set(from.pool, [...(byPool.get(from.pool) ?? []), node.metadata.name]);
    else unmanaged.push(node.metadata.name);
  }
  const notes: PoolNote[] = [];
  for (const [from, nodes] of [...byPool].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    notes.push({ code: 'nodes-leave-pool', pool: poolName, from, nodes: nodes.sort() });
    if (pool !== undefined) {
      const inherits = poolsTakingConfigsFor(from, [pool]).length > 0;
      notes.push({
        code: inherits ? 'keeps-inherited-configs' : 'loses-configs',
        pool: poolName,
        from,
      });
    }
  }
  if (unmanaged.length > 0) {
    notes.push({ code: 'unmanaged-nodes-join', pool: poolName, nodes: unmanaged.sort() });
  }
  return notes;
};

/** Which nodes the config reaches, by kernel, and what the pool choice means for them. */
export const preflightScope = (input: PreflightInput): PreflightScope => {
  const { poolName, pools, newPoolNodes } = input;
  let nodes: Node[];
  let poolNotes: PoolNote[];
  if (newPoolNodes !== undefined) {
    const reached = newPoolScope(input, new Set(newPoolNodes));
    nodes = reached.map(({ node }) => node);
    poolNotes = newPoolNotes(input, reached);
  } else {
    nodes = poolName === '' ? [] : nodesReachedByPoolConfigs(poolName, pools, input.nodes);
    const inheriting = new Set<string>();
    for (const node of nodes) {
      const member = poolOfNode(node, pools);
      if ('pool' in member && member.pool !== poolName) inheriting.add(member.pool);
    }
    poolNotes =
      inheriting.size > 0
        ? [{ code: 'inheriting-pools', pool: poolName, pools: [...inheriting].sort() }]
        : [];
  }
  return {
    poolName,
    nodes,
    groups: groupNodesByKernel(nodes, input.kernelModuleImage),
    poolNotes,
  };
};

/** One statement about the reboots, in the order the views show them. */
export type RebootNote =
  /** The pool has no node: nothing reboots now. */
  | { code: 'no-nodes'; pool: string }
  | { code: 'reboots'; pool: string; nodeCount: number }
  | { code: 'rounds'; pool: string; maxUnavailable: number; batches: number }
  /** The image exists: MCO's reboot, then a second one after the pull, on first apply. */
  | { code: 'reboot-twice'; nodes: string[] }
  /** An edit with a new image that exists: MCO's reboot, then the pull and a second reboot. */
  | { code: 'pull-new-image'; nodes: string[] }
  /** An edit that keeps the images: MCO's reboot only; the module loads from the images on the node. */
  | { code: 'reboot-once'; nodes: string[] }
  /** No image for their kernel: one reboot, and they boot without the module. */
  | { code: 'keep-in-tree'; nodes: string[] }
  /** An edit to a new image with no tag for their kernel: one reboot, and they lose the module. */
  | { code: 'lose-module'; nodes: string[] }
  /** An edit that changes nothing: nothing to save, nothing reboots. */
  | { code: 'no-change' }
  /** The registry answered, but not for these nodes' images (unknown kernel, no access, error). */
  | { code: 'not-checked'; nodes: string[] }
  /** The registry has not answered yet. */
  | { code: 'not-checked-yet'; nodes: string[] }
  | { code: 'estimate'; low: number; high: number; maxUnavailable: number }
  | { code: 'paused'; pool: string };

export interface Preflight extends PreflightScope {
  /** Undefined until the pool is known. */
  plan?: RebootPlan;
  rebootNotes: RebootNote[];
  /** Some node will boot without the module. */
  warning: boolean;
}

const names = (nodes: readonly string[]): string[] => [...nodes].sort();

/**
 * The reboot statements of a plan; `checked` says whether the registry has answered, `change` what an
 * edit changes (undefined for a new config).
 */
const rebootNotes = (
  poolName: string,
  plan: RebootPlan,
  checked: boolean,
  change: ConfigChange | undefined,
): RebootNote[] => {
  if (plan.nodeCount === 0) return [{ code: 'no-nodes', pool: poolName }];
  const notes: RebootNote[] = [
    { code: 'reboots', pool: poolName, nodeCount: plan.nodeCount },
    {
      code: 'rounds',
      pool: poolName,
      maxUnavailable: plan.maxUnavailable,
      batches: plan.batches,
    },
  ];
  if (plan.rebootTwice.length > 0)
    notes.push({
      code: change === undefined ? 'reboot-twice' : 'pull-new-image',
      nodes: names(plan.rebootTwice),
    });
  if (plan.rebootOnce.length > 0)
    notes.push({ code: 'reboot-once', nodes: names(plan.rebootOnce) });
  if (plan.rebootOnceKeepInTree.length > 0) {
    notes.push({
      code: change?.newImage ? 'lose-module' : 'keep-in-tree',
      nodes: names(plan.rebootOnceKeepInTree),
    });
  }
  if (plan.unchecked.length > 0) {
    notes.push({ code: checked ? 'not-checked' : 'not-checked-yet', nodes: names(plan.unchecked) });
  }
  notes.push({ code: 'estimate', ...plan.estimatedMinutes, maxUnavailable: plan.maxUnavailable });
  if (plan.paused) notes.push({ code: 'paused', pool: poolName });
  return notes;
};

/**
 * The preflight: the scope, the reboot plan for `pool` and what it says, from the registry's answers
 * (`checks`, undefined until it has answered). For an edit, `change` is what the edit changes: the
 * edit page's plan, its confirmation and its Save button all read this one result.
 */
export const derivePreflight = (
  scope: PreflightScope,
  pool: MachineConfigPool | undefined,
  checks: readonly ImageCheck[] | undefined,
  change?: ConfigChange,
): Preflight => {
  if (change !== undefined && isNoChange(change))
    return { ...scope, rebootNotes: [{ code: 'no-change' }], warning: false };
  if (pool === undefined) return { ...scope, rebootNotes: [], warning: false };
  const plan = rebootPlan(pool, scope.groups, checks ?? [], change);
  return {
    ...scope,
    plan,
    rebootNotes: rebootNotes(scope.poolName, plan, checks !== undefined, change),
    warning: plan.rebootOnceKeepInTree.length > 0,
  };
};
