/**
 * Whether deleting a Day 1 config may also remove the custom pool this product created with it, and
 * how: the nodes lose the pool's labels and go back to the pool that manages them without it (worker,
 * normally), and the pool goes only once those nodes are done on that pool's config. MCO's own advice
 * for removing a custom pool is the same: relabel the nodes, let worker reconcile them, delete the pool
 * (deleting it first garbage-collects the rendered configs its nodes still run).
 */
import type { MachineConfig, MachineConfigPool, Node } from '../k8s/types';
import { POOL_CREATED_FOR_ANNOTATION } from '../producer/pool-options';
import { DAEMON_STATE, NODE_ANNOTATION, WORKER_POOL } from './names';
import { poolOfLabels, poolTakesConfig } from './pool-membership';

interface PoolRemovalNode {
  name: string;
  /** The pool that manages the node once the labels are gone. */
  nextPool: string;
}

export type PoolRemoval =
  /** No pool was created for this config. */
  | { code: 'noPool' }
  /** Other MachineConfigs reach nodes only through this pool: it stays. */
  | { code: 'poolNeeded'; pool: string; configs: string[] }
  /** The pool selects nodes by expressions: no label to remove would empty it for sure. */
  | { code: 'selectorNotLabels'; pool: string }
  /**
   * Without the pool's labels these nodes would be in no pool: MCO would leave them on the pool's
   * rendered config, which goes with the pool.
   */
  | { code: 'nodesWithoutPool'; pool: string; nodes: string[] }
  | {
      code: 'removable';
      pool: string;
      /** The labels of the pool's nodeSelector, removed from each node. */
      labels: Record<string, string>;
      nodes: PoolRemovalNode[];
    };

/** MCO's rendered configs: named rendered-<pool>-<hash>, and marked by the render controller. */
const isRendered = (mc: MachineConfig): boolean =>
  mc.metadata.name.startsWith('rendered-') ||
  mc.metadata.annotations?.['machineconfiguration.openshift.io/generated-by-controller-version'] !==
    undefined;

const withoutKeys = (
  labels: Record<string, string> | undefined,
  keys: readonly string[],
): Record<string, string> =>
  Object.fromEntries(Object.entries(labels ?? {}).filter(([key]) => !keys.includes(key)));

/**
 * What deleting `machineConfigName` may do to the pool created for it (marked with
 * POOL_CREATED_FOR_ANNOTATION). Configs that the worker pool also takes do not need the custom pool:
 * its nodes get them back in worker.
 */
export const poolRemovalFor = (
  machineConfigName: string,
  pools: readonly MachineConfigPool[],
  machineConfigs: readonly MachineConfig[],
  nodes: readonly Node[],
): PoolRemoval => {
  const pool = pools.find(
    (candidate) =>
      candidate.metadata.annotations?.[POOL_CREATED_FOR_ANNOTATION] === machineConfigName &&
      candidate.metadata.name !== WORKER_POOL,
  );
  if (pool === undefined) return { code: 'noPool' };
  const name = pool.metadata.name;
  const worker = pools.find((candidate) => candidate.metadata.name === WORKER_POOL);
  const needing = machineConfigs
    .filter(
      (mc) =>
        mc.metadata.name !== machineConfigName &&
        !isRendered(mc) &&
        poolTakesConfig(pool, mc.metadata.labels) &&
        !(worker && poolTakesConfig(worker, mc.metadata.labels)),
    )
    .map((mc) => mc.metadata.name)
    .sort();
  if (needing.length > 0) return { code: 'poolNeeded', pool: name, configs: needing };
  const selector = pool.spec.nodeSelector;
  const labels = selector?.matchLabels ?? {};
  if ((selector?.matchExpressions?.length ?? 0) > 0 || Object.keys(labels).length === 0) {
    return { code: 'selectorNotLabels', pool: name };
  }
  const keys = Object.keys(labels);
  const otherPools = pools.filter((candidate) => candidate !== pool);
  const members = nodes
    .filter((node) => {
      const membership = poolOfLabels(node.metadata.labels, pools);
      return 'pool' in membership && membership.pool === name;
    })
    .map((node) => {
      const next = poolOfLabels(withoutKeys(node.metadata.labels, keys), otherPools);
      return { name: node.metadata.name, nextPool: 'pool' in next ? next.pool : undefined };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const moves: PoolRemovalNode[] = [];
  const stranded: string[] = [];
  for (const { name: node, nextPool } of members) {
    if (nextPool === undefined) stranded.push(node);
    else moves.push({ name: node, nextPool });
  }
  if (stranded.length > 0) return { code: 'nodesWithoutPool', pool: name, nodes: stranded };
  return { code: 'removable', pool: name, labels, nodes: moves };
};

/**
 * A node that has left `pool`: MCO is done with it on a config that is not the pool's (its rendered
 * configs are named rendered-<pool>-<hash>). Until then it runs, or moves from, a config the pool owns.
 */
export const nodeHasLeftPool = (node: Node, pool: string): boolean => {
  const annotations = node.metadata.annotations ?? {};
  const current = annotations[NODE_ANNOTATION.currentConfig] ?? '';
  const desired = annotations[NODE_ANNOTATION.desiredConfig] ?? '';
  return (
    current !== '' &&
    current === desired &&
    annotations[NODE_ANNOTATION.state] === DAEMON_STATE.done &&
    !current.startsWith(`rendered-${pool}-`)
  );
};
