import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigGVK } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { readDay1MachineConfig } from '../../producer';
import type { Day1ConfigRow } from './types';

export interface Day1Configs {
  rows: Day1ConfigRow[];
  loaded: boolean;
  /** The watch error; the SDK types it as `any`. */
  error: unknown;
}

/**
 * The Day 1 MachineConfigs in the cluster (made by this plugin or by KMM's tools), sorted by name.
 * `filter` narrows them, e.g. to the configs a pool selects; pass a stable (memoised) function.
 */
export const useDay1Configs = (filter?: (mc: MachineConfig) => boolean): Day1Configs => {
  const [machineConfigs, loaded, error] = useK8sWatchResource<MachineConfig[]>({
    groupVersionKind: MachineConfigGVK,
    isList: true,
  }) as [MachineConfig[], boolean, unknown];

  const rows = useMemo<Day1ConfigRow[]>(
    () =>
      (loaded ? machineConfigs : [])
        .filter((mc) => !filter || filter(mc))
        .flatMap((mc) => {
          const summary = readDay1MachineConfig(mc);
          return summary ? [{ summary, creationTimestamp: mc.metadata.creationTimestamp }] : [];
        })
        .sort((a, b) => a.summary.machineConfigName.localeCompare(b.summary.machineConfigName)),
    [machineConfigs, loaded, filter],
  );
  return { rows, loaded, error };
};
