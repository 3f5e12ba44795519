import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigGVK, MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import type { K8sObject, MachineConfig, MachineConfigPool, Node } from '../../k8s/types';

const NamespaceGVK = { version: 'v1', kind: 'Namespace' };

interface Watched<T> {
  items: T[];
  loaded: boolean;
  /** The watch error; the SDK types it as `any`. */
  error: unknown;
}

export interface CreateClusterState {
  pools: Watched<MachineConfigPool>;
  nodes: Watched<Node>;
  /** For a taken name and Day 1 configs that load the same module; the form works without them. */
  machineConfigs: Watched<MachineConfig>;
  /** Namespace names, sorted; undefined until listed, or when the user may not list them. */
  namespaces?: string[];
  /** The namespace list has loaded or failed: the default namespace for checks can be chosen. */
  namespacesSettled: boolean;
}

const useList = <T extends K8sObject>(groupVersionKind: {
  group?: string;
  version: string;
  kind: string;
}) => {
  const [items, loaded, error] = useK8sWatchResource<K8sObject[]>({
    groupVersionKind,
    isList: true,
  }) as [T[] | undefined, boolean, unknown];
  return useMemo<Watched<T>>(
    () => ({ items: loaded && Array.isArray(items) ? items : [], loaded, error }),
    [items, loaded, error],
  );
};

/** The live pools, nodes, MachineConfigs and namespaces the create page checks against. */
export const useCreateClusterState = (): CreateClusterState => {
  const pools = useList<MachineConfigPool>(MachineConfigPoolGVK);
  const nodes = useList<Node>(NodeGVK);
  const machineConfigs = useList<MachineConfig>(MachineConfigGVK);
  const namespaceList = useList<K8sObject>(NamespaceGVK);
  const namespaces = useMemo(
    () =>
      namespaceList.loaded && !namespaceList.error
        ? namespaceList.items.flatMap((ns) => (ns.metadata?.name ? [ns.metadata.name] : [])).sort()
        : undefined,
    [namespaceList],
  );
  const namespacesSettled = namespaceList.loaded || !!namespaceList.error;
  return { pools, nodes, machineConfigs, namespaces, namespacesSettled };
};
