import { matchesLabelSelector } from '../k8s/label-selector';
import type { MachineConfigPool, Node } from '../k8s/types';
import { ROLE_LABEL } from '../producer';

/** Pools that hold control plane nodes: they win over any custom pool. */
const CONTROL_PLANE_POOLS = ['master', 'arbiter'];
const WORKER_POOL = 'worker';

/** The pool MCO manages a node in, or why it manages none. */
export type NodePool =
  | { pool: string }
  /** In two or more custom pools: MCO refuses to manage the node. */
  | { conflict: string[] }
  | { none: true };

const isCustomPool = (name: string): boolean =>
  name !== WORKER_POOL && !CONTROL_PLANE_POOLS.includes(name);

/**
 * The pool a node belongs to, by MCO's rule: of the pools whose nodeSelector matches the node, a
 * control plane pool wins over a custom pool and a custom pool over worker; a node matched by two
 * custom pools is an error, and MCO leaves it alone.
 */
export const poolOfNode = (node: Node, pools: MachineConfigPool[]): NodePool => {
  const matching = pools
    .filter((pool) => matchesLabelSelector(node.metadata.labels, pool.spec.nodeSelector))
    .map((pool) => pool.metadata.name);
  const custom = matching.filter(isCustomPool);
  if (custom.length > 1) return { conflict: custom.sort() };
  const controlPlane = CONTROL_PLANE_POOLS.find((name) => matching.includes(name));
  if (controlPlane !== undefined) return { pool: controlPlane };
  if (custom.length === 1) return { pool: custom[0] };
  if (matching.includes(WORKER_POOL)) return { pool: WORKER_POOL };
  return { none: true };
};

/**
 * The nodes a MachineConfig for `poolName` reaches: the members of every pool whose
 * machineConfigSelector takes configs with that role. A worker config also reaches the nodes of the
 * custom pools that inherit worker's configs, and none of the control plane nodes that carry a
 * worker label.
 */
export const nodesReachedByPoolConfigs = (
  poolName: string,
  pools: MachineConfigPool[],
  nodes: Node[],
): Node[] => {
  const configLabels = { [ROLE_LABEL]: poolName };
  const reachedPools = new Set(
    pools
      .filter((pool) => matchesLabelSelector(configLabels, pool.spec.machineConfigSelector))
      .map((pool) => pool.metadata.name),
  );
  return nodes.filter((node) => {
    const membership = poolOfNode(node, pools);
    return 'pool' in membership && reachedPools.has(membership.pool);
  });
};

/** Whether a node may join a new custom pool, and if not, why. */
export type CustomPoolEligibility =
  | { eligible: true }
  | { eligible: false; reason: 'control-plane' | 'custom-pool' | 'conflict'; pools: string[] };

/**
 * A node can be in one custom pool only, and control plane nodes stay in their pool whatever their
 * labels say, so only worker nodes and nodes in no pool can join a new custom pool.
 */
export const customPoolEligibility = (membership: NodePool): CustomPoolEligibility => {
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
