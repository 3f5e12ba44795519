import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { poolTakesConfig } from '../../mco';
import { MachineConfigGVK, MachineConfigPoolGVK } from '../../k8s/gvk';
import type { MachineConfig, MachineConfigPool } from '../../k8s/types';
import { readDay1MachineConfig } from '../../producer';
import type { Day1ConfigRow } from '../shared/day1-config-row';

export interface Day1Configs {
  rows: Day1ConfigRow[];
  loaded: boolean;
  /** The watch error; the SDK types it as `any`. */
  error: unknown;
}

/**
 * The Day 1 MachineConfigs in the cluster (made by this plugin or by KMM's tools), sorted by name,
 * with the pools each reaches. `filter` narrows them, e.g. to the configs a pool selects; pass a
 * stable (memoised) function.
 */
export const useDay1Configs = (filter?: (mc: MachineConfig) => boolean): Day1Configs => {
  const [machineConfigs, loaded, error] = useK8sWatchResource<MachineConfig[]>({
    groupVersionKind: MachineConfigGVK,
    isList: true,
  }) as [MachineConfig[], boolean, unknown];
  // Pools only enrich the rows (state, reboot warning); the list shows without them.
  const [pools, poolsLoaded] = useK8sWatchResource<MachineConfigPool[]>({
    groupVersionKind: MachineConfigPoolGVK,
    isList: true,
  }) as [MachineConfigPool[], boolean, unknown];

  const rows = useMemo<Day1ConfigRow[]>(() => {
    const knownPools = poolsLoaded ? pools : [];
    return (loaded ? machineConfigs : [])
      .filter((mc) => !filter || filter(mc))
      .flatMap((mc) => {
        const summary = readDay1MachineConfig(mc);
        if (!summary) return [];
        return [
          {
            summary,
            machineConfig: mc,
            creationTimestamp: mc.metadata.creationTimestamp,
            reachedPools: knownPools.filter((p) => poolTakesConfig(p, mc.metadata.labels)),
          },
        ];
      })
      .sort((a, b) => a.summary.machineConfigName.localeCompare(b.summary.machineConfigName));
  }, [machineConfigs, loaded, filter, pools, poolsLoaded]);
  return { rows, loaded, error };
};
