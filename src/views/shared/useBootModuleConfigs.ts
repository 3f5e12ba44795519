import { useMemo } from 'react';
import { useK8sModel, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { BootModuleConfigGVK } from '../../k8s/gvk';
import type { BootModuleConfig } from '../../k8s/boot-module-config';

export interface BootModuleConfigs {
  items: BootModuleConfig[];
  /** Listed, or known to be absent (no CRD, no permission, an error): callers may decide now. */
  settled: boolean;
}

/**
 * KMM's BootModuleConfigs in every namespace. Watched only where console knows the CRD (KMM 2.5 or
 * later installed); without it, or when they cannot be listed, the list is empty and only owner
 * references on the MachineConfigs tell which ones KMM manages.
 */
export const useBootModuleConfigs = (): BootModuleConfigs => {
  // Console types the model as always there; it is undefined for a kind it has not discovered.
  const [model, inFlight] = useK8sModel(BootModuleConfigGVK) as [K8sModel | undefined, boolean];
  const [items, loaded, error] = useK8sWatchResource<BootModuleConfig[]>(
    model ? { groupVersionKind: BootModuleConfigGVK, isList: true } : null,
  ) as [BootModuleConfig[] | undefined, boolean, unknown];
  const usable = model !== undefined && loaded && !error && Array.isArray(items);
  const settled = (!inFlight && model === undefined) || loaded || !!error;
  return useMemo(() => ({ items: usable ? items : [], settled }), [usable, items, settled]);
};
