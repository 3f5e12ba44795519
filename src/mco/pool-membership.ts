import { matchesLabelSelector } from '../k8s/label-selector';
import type { LabelSelector, MachineConfigPool, Node } from '../k8s/types';
import { ARBITER_POOL, MASTER_POOL, OS_LABEL, ROLE_LABEL, WINDOWS_OS, WORKER_POOL } from './names';

/** Pools that hold control plane nodes: they win over any custom pool. */
const CONTROL_PLANE_POOLS: readonly string[] = [MASTER_POOL, ARBITER_POOL];

type Labels = Node['metadata']['labels'];

/** The pool MCO manages a node in, or why it manages none. */
export type NodePool =
  | { pool: string }
  /** In two or more custom pools: MCO refuses to manage the node. */
  | { conflict: string[] }
  /** MCO never manages Windows nodes, whatever pool selects them. */
  | { windows: true }
  | { none: true };

const isCustomPool = (name: string): boolean =>
  name !== WORKER_POOL && !CONTROL_PLANE_POOLS.includes(name);

const isWindowsNode = (labels: Labels): boolean => labels?.[OS_LABEL] === WINDOWS_OS;

/** MCO skips a pool whose nodeSelector is missing or empty: it selects no node rather than all. */
const selectsNode = (selector: LabelSelector | undefined, labels: Labels): boolean => {
  if (selector === undefined) return false;
  const hasLabels =
    selector.matchLabels !== undefined && Object.keys(selector.matchLabels).length > 0;
  const hasExpressions = (selector.matchExpressions?.length ?? 0) > 0;
  return (hasLabels || hasExpressions) && matchesLabelSelector(labels, selector);
};

/**
 * The pool a node with these labels belongs to, by MCO's rule (pkg/helpers GetPoolsForNode): Windows
 * nodes are never managed; of the pools whose nodeSelector matches, a control plane pool (master,
 * arbiter) wins over a custom pool and a custom pool over worker; a node matched by two custom pools
 * is an error, and MCO leaves it alone.
 */
export const poolOfLabels = (labels: Labels, pools: readonly MachineConfigPool[]): NodePool => {
  if (isWindowsNode(labels)) return { windows: true };
  const matching: string[] = [];
  for (const pool of pools) {
    if (selectsNode(pool.spec.nodeSelector, labels)) matching.push(pool.metadata.name);
  }
  const custom = matching.filter(isCustomPool);
  if (custom.length > 1) return { conflict: custom.sort() };
  const controlPlane = CONTROL_PLANE_POOLS.find((name) => matching.includes(name));
  if (controlPlane !== undefined) return { pool: controlPlane };
  if (custom.length === 1) return { pool: custom[0] };
  if (matching.includes(WORKER_POOL)) return { pool: WORKER_POOL };
  return { none: true };
};

/** The pool MCO manages `node` in, or why it manages none (see poolOfLabels). */
export const poolOfNode = (node: Node, pools: readonly MachineConfigPool[]): NodePool =>
  poolOfLabels(node.metadata.labels, pools);

/** Whether a pool renders a MachineConfig with these labels: its machineConfigSelector selects them. */
export const poolTakesConfig = (
  pool: MachineConfigPool,
  configLabels: Record<string, string> | undefined,
): boolean => matchesLabelSelector(configLabels, pool.spec.machineConfigSelector);

/**
 * The pools whose machineConfigSelector takes the configs made for `role` (labelled
 * machineconfiguration.openshift.io/role=<role>): the pool of that name, and every custom pool that
 * inherits them, as custom pools inherit worker's.
 */
export const poolsTakingConfigsFor = (
  role: string,
  pools: readonly MachineConfigPool[],
): string[] => {
  const configLabels = { [ROLE_LABEL]: role };
  return pools
    .filter((pool) => poolTakesConfig(pool, configLabels))
    .map((pool) => pool.metadata.name);
};

/**
 * The nodes a MachineConfig for `role` reaches: the members of every pool that takes configs for that
 * role. A worker config also reaches the nodes of the custom pools that inherit worker's configs, and
 * none of the control plane nodes that carry a worker label, nor Windows nodes.
 */
export const nodesReachedByPoolConfigs = (
  role: string,
  pools: readonly MachineConfigPool[],
  nodes: readonly Node[],
): Node[] => {
  const reachedPools = new Set(poolsTakingConfigsFor(role, pools));
  return nodes.filter((node) => {
    const membership = poolOfNode(node, pools);
    return 'pool' in membership && reachedPools.has(membership.pool);
  });
};

/** Whether a node may join a new custom pool, and if not, why. */
export type CustomPoolEligibility =
  | { eligible: true }
  | { eligible: false; reason: 'control-plane' | 'custom-pool' | 'conflict'; pools: string[] }
  | { eligible: false; reason: 'windows' };

/**
 * A node can be in one custom pool only, control plane nodes stay in their pool whatever their labels
 * say, and MCO does not manage Windows nodes, so only worker nodes and nodes in no pool can join a new
 * custom pool.
 */
export const customPoolEligibility = (membership: NodePool): CustomPoolEligibility => {
  if ('windows' in membership) return { eligible: false, reason: 'windows' };
  if ('conflict' in membership) {
    return { eligible: false, reason: 'conflict', pools: membership.conflict };
  }
  if ('none' in membership || membership.pool === WORKER_POOL) return { eligible: true };
  return {
    eligible: false,
    reason: isCustomPool(membership.pool) ? 'custom-pool' : 'control-plane',
    pools: [membership.pool],
  };
};
