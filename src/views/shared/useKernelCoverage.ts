import { useMemo, useState } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import type { MachineConfigPool, Node } from '../../k8s/types';
import type { Day1ConfigSummary } from '../../producer';
import { kernelCoverage, kernelsToCheck, tagChecksFor } from '../../rollout';
import type { ConfigCoverage } from '../../rollout';
import { useImageTagChecks } from './useImageTagChecks';

/** Whether two label maps hold the same labels. Walks them: no key lists per node per event. */
const sameLabels = (
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean => {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  let count = 0;
  for (const key in a) {
    if (a[key] !== b[key]) return false;
    count++;
  }
  for (const key in b) {
    if (--count < 0 || !(key in a)) return false;
  }
  return count === 0;
};

/** What coverage reads of a node is the same: its name, kernel and labels (pool membership, OS). */
const sameNodeForCoverage = (a: Node, b: Node): boolean =>
  a.metadata.name === b.metadata.name &&
  a.status?.nodeInfo?.kernelVersion === b.status?.nodeInfo?.kernelVersion &&
  sameLabels(a.metadata.labels, b.metadata.labels);

/** What coverage reads of a pool: its name and the selectors that give its nodes and configs. */
const poolKey = (pool: MachineConfigPool): string =>
  JSON.stringify([pool.metadata.name, pool.spec.nodeSelector, pool.spec.machineConfigSelector]);
const samePoolForCoverage = (a: MachineConfigPool, b: MachineConfigPool): boolean =>
  poolKey(a) === poolKey(b);

/**
 * Hands back the previous list when nothing coverage reads has changed: a burst of cordons (or pool
 * status updates) replaces objects without changing a kernel or a label, and must not re-derive the
 * coverage of every node.
 */
class SameForCoverage<T> {
  /** The list last handed back, and the latest list seen. */
  private list: readonly T[] | undefined;
  private seen: readonly T[] | undefined;

  constructor(private readonly same: (a: T, b: T) => boolean) {}

  update(list: readonly T[]): readonly T[] {
    if (list === this.list || list === this.seen) return this.list ?? list;
    const previous = this.seen;
    this.seen = list;
    // Items a watch handed back unchanged are compared by identity first.
    if (
      this.list !== undefined &&
      previous?.length === list.length &&
      list.every((item, i) => item === previous[i] || this.same(previous[i], item))
    ) {
      return this.list;
    }
    this.list = list;
    return list;
  }
}

export interface KernelCoverageState {
  /** Per config name; undefined until the pools and nodes have loaded. */
  coverage?: ReadonlyMap<string, ConfigCoverage>;
  /** The namespace whose pull secrets the checks use. */
  namespace: string;
  /** Asks the registry again now for every tag (e.g. after one was pushed). */
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
  const [poolsKept] = useState(() => new SameForCoverage(samePoolForCoverage));
  const [nodesKept] = useState(() => new SameForCoverage(sameNodeForCoverage));
  const samePools = useMemo(
    () => (loaded ? poolsKept.update(pools) : undefined),
    [loaded, poolsKept, pools],
  );
  const sameNodes = useMemo(
    () => (loaded ? nodesKept.update(nodes) : undefined),
    [loaded, nodesKept, nodes],
  );
  const plan = useMemo(
    () =>
      samePools === undefined || sameNodes === undefined
        ? undefined
        : kernelsToCheck({ configs, pools: samePools, nodes: sameNodes }),
    [configs, samePools, sameNodes],
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
