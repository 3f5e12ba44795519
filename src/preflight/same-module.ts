import { matchesLabelSelector } from '../k8s/label-selector';
import type { MachineConfig, MachineConfigPool, Node } from '../k8s/types';
import { readDay1MachineConfig } from '../producer';
import { nodesReachedByPoolConfigs, poolOfNode } from '../mco';

/** The Day 1 config about to be created. */
export interface PlannedDay1Config {
  machineConfigName: string;
  kernelModuleName: string;
  /** The pool the config is for (its role label). */
  poolName: string;
  /** A custom pool the same flow creates, and the nodes it labels into that pool. */
  newPool?: { pool: MachineConfigPool; nodeNames: string[] };
}

/** Another Day 1 config that already loads the planned module on some of the same nodes. */
export interface SameModuleConfig {
  machineConfigName: string;
  /** The module as that config spells it ("-" and "_" are the same to modprobe). */
  kernelModuleName: string;
  /** The pool that config is for (its role label). */
  machineConfigPoolRef: string;
  /** The pools the shared nodes are in once the planned config is created, sorted. */
  pools: string[];
  /** The nodes both configs reach, sorted. */
  nodeNames: string[];
}

const canonicalModule = (name: string) => name.replace(/-/g, '_');

/** The pools and nodes as they will be once a new pool exists and its nodes carry its labels. */
const plannedCluster = (
  planned: PlannedDay1Config,
  pools: MachineConfigPool[],
  nodes: Node[],
): { pools: MachineConfigPool[]; nodes: Node[] } => {
  const { newPool } = planned;
  if (!newPool) return { pools, nodes };
  const labels = newPool.pool.spec.nodeSelector?.matchLabels ?? {};
  const chosen = new Set(newPool.nodeNames);
  return {
    pools: [
      ...pools.filter((pool) => pool.metadata.name !== newPool.pool.metadata.name),
      newPool.pool,
    ],
    nodes: nodes.map((node) =>
      chosen.has(node.metadata.name)
        ? {
            ...node,
            metadata: { ...node.metadata, labels: { ...node.metadata.labels, ...labels } },
          }
        : node,
    ),
  };
};

/**
 * The Day 1 configs in the cluster that already load the planned config's module on nodes the planned
 * config reaches, with those nodes and their pools, sorted by config name. Two configs loading one
 * module on a node race at boot, so the create page warns before creating. Configs that are not Day 1
 * configs, and a config of the planned name (a name that is taken is its own problem), are left out.
 */
export const day1ConfigsLoadingSameModule = (
  planned: PlannedDay1Config,
  machineConfigs: MachineConfig[],
  pools: MachineConfigPool[],
  nodes: Node[],
): SameModuleConfig[] => {
  const module = canonicalModule(planned.kernelModuleName);
  if (module === '' || planned.poolName === '') return [];
  const cluster = plannedCluster(planned, pools, nodes);
  const plannedNodes = new Set(
    nodesReachedByPoolConfigs(planned.poolName, cluster.pools, cluster.nodes).map(
      (node) => node.metadata.name,
    ),
  );
  if (plannedNodes.size === 0) return [];

  const found: SameModuleConfig[] = [];
  for (const machineConfig of machineConfigs) {
    const summary = readDay1MachineConfig(machineConfig);
    if (!summary || summary.machineConfigName === planned.machineConfigName) continue;
    if (canonicalModule(summary.kernelModuleName) !== module) continue;
    // MCO gives a config to the pools whose machineConfigSelector matches its labels.
    const reachingPools = new Set(
      cluster.pools
        .filter((pool) =>
          matchesLabelSelector(machineConfig.metadata.labels, pool.spec.machineConfigSelector),
        )
        .map((pool) => pool.metadata.name),
    );
    const shared = new Map<string, string>();
    for (const node of cluster.nodes) {
      if (!plannedNodes.has(node.metadata.name)) continue;
      const membership = poolOfNode(node, cluster.pools);
      if ('pool' in membership && reachingPools.has(membership.pool)) {
        shared.set(node.metadata.name, membership.pool);
      }
    }
    if (shared.size === 0) continue;
    found.push({
      machineConfigName: summary.machineConfigName,
      kernelModuleName: summary.kernelModuleName,
      machineConfigPoolRef: summary.machineConfigPoolRef,
      pools: [...new Set(shared.values())].sort(),
      nodeNames: [...shared.keys()].sort(),
    });
  }
  return found.sort((a, b) => a.machineConfigName.localeCompare(b.machineConfigName));
};
