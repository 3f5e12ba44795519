import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { poolOfNode, poolTakesConfig } from '../../mco';
import { MachineConfigGVK, MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import type { MachineConfig, MachineConfigPool, Node } from '../../k8s/types';
import { readDay1MachineConfig } from '../../producer';
import type { Day1ConfigRow } from '../shared/day1-config-row';

export interface ReachedPool {
  pool: MachineConfigPool;
  /** The nodes MCO manages in the pool, by name; empty until the nodes are listed. */
  nodes: Node[];
}

export type ConfigDetails =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  /** No MachineConfig of that name: never was, or deleted while the page is open. */
  | { state: 'notFound' }
  /** A MachineConfig, but not one that loads a kernel module at boot. */
  | { state: 'notDay1'; machineConfig: MachineConfig }
  | {
      state: 'day1';
      row: Day1ConfigRow;
      /** Every pool that takes the config (its own, and custom pools inheriting worker configs). */
      pools: ReachedPool[];
      nodesLoaded: boolean;
    };

type Watch<T> = [T[], boolean, unknown];

/**
 * One Day 1 config, live, with the pools it reaches and their nodes. It watches the lists the other
 * pages watch (console shares them), so that a deleted config shows as not found at once.
 */
export const useConfigDetails = (name: string): ConfigDetails => {
  const [machineConfigs, loaded, error] = useK8sWatchResource<MachineConfig[]>({
    groupVersionKind: MachineConfigGVK,
    isList: true,
  }) as Watch<MachineConfig>;
  const [pools, poolsLoaded] = useK8sWatchResource<MachineConfigPool[]>({
    groupVersionKind: MachineConfigPoolGVK,
    isList: true,
  }) as Watch<MachineConfigPool>;
  const [nodes, nodesLoaded] = useK8sWatchResource<Node[]>({
    groupVersionKind: NodeGVK,
    isList: true,
  }) as Watch<Node>;

  const machineConfig = loaded ? machineConfigs.find((mc) => mc.metadata.name === name) : undefined;
  const summary = useMemo(
    () => (machineConfig ? readDay1MachineConfig(machineConfig) : undefined),
    [machineConfig],
  );
  const reached = useMemo<ReachedPool[]>(() => {
    if (!machineConfig || !poolsLoaded) return [];
    const known = pools.filter((pool) => poolTakesConfig(pool, machineConfig.metadata.labels));
    const members = new Map<string, Node[]>();
    for (const node of nodesLoaded ? nodes : []) {
      const membership = poolOfNode(node, pools);
      if (!('pool' in membership)) continue;
      members.set(membership.pool, [...(members.get(membership.pool) ?? []), node]);
    }
    return known.map((pool) => ({
      pool,
      nodes: (members.get(pool.metadata.name) ?? []).sort((a, b) =>
        a.metadata.name.localeCompare(b.metadata.name),
      ),
    }));
  }, [machineConfig, pools, poolsLoaded, nodes, nodesLoaded]);

  // A list that loaded once and then fails keeps its data: show it rather than the error.
  if (error && !(loaded && machineConfigs.length > 0)) return { state: 'error', error };
  if (!loaded) return { state: 'loading' };
  if (!machineConfig) return { state: 'notFound' };
  if (!summary) return { state: 'notDay1', machineConfig };
  return {
    state: 'day1',
    row: {
      summary,
      machineConfig,
      creationTimestamp: machineConfig.metadata.creationTimestamp,
      reachedPools: reached.map((entry) => entry.pool),
    },
    pools: reached,
    nodesLoaded,
  };
};
