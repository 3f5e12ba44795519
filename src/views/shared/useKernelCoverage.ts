import { useMemo } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import type { MachineConfigPool, Node } from '../../k8s/types';
import type { Day1ConfigSummary } from '../../producer';
import { kernelCoverage, kernelsToCheck, tagChecksFor } from '../../rollout';
import type { ConfigCoverage } from '../../rollout';
import { useImageTagChecks } from './useImageTagChecks';

export interface KernelCoverageState {
  /** Per config name; undefined until the pools and nodes have loaded. */
  coverage?: ReadonlyMap<string, ConfigCoverage>;
  /** The namespace whose pull secrets the checks use. */
  namespace: string;
  /** Asks the registry again for every tag, now. */
  recheck: () => void;
}

/**
 * Each config's kernel coverage, live: the kernels its pools and the cluster run (from the Node and
 * MachineConfigPool watches) and the registry's answers for their tags (useImageTagChecks).
 */
export const useKernelCoverage = (configs: readonly Day1ConfigSummary[]): KernelCoverageState => {
  const [pools, poolsLoaded] = useK8sWatchResource<MachineConfigPool[]>({
    groupVersionKind: MachineConfigPoolGVK,
    isList: true,
  }) as [MachineConfigPool[] | undefined, boolean, unknown];
  const [nodes, nodesLoaded] = useK8sWatchResource<Node[]>({
    groupVersionKind: NodeGVK,
    isList: true,
  }) as [Node[] | undefined, boolean, unknown];
  const loaded = poolsLoaded && nodesLoaded && Array.isArray(pools) && Array.isArray(nodes);
  const plan = useMemo(
    () => (loaded ? kernelsToCheck({ configs, pools, nodes }) : undefined),
    [loaded, configs, pools, nodes],
  );
  const requests = useMemo(() => (plan === undefined ? [] : tagChecksFor(plan)), [plan]);
  const { answer, namespace, recheck } = useImageTagChecks(requests);
  const coverage = useMemo(
    () =>
      plan === undefined
        ? undefined
        : new Map(kernelCoverage(plan, answer).map((c) => [c.machineConfigName, c])),
    [plan, answer],
  );
  return { coverage, namespace, recheck };
};
