import { useMemo, useState } from 'react';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { MachineConfigPoolGVK, NodeGVK } from '../../k8s/gvk';
import type { MachineConfigPool, Node } from '../../k8s/types';
import type { Day1ConfigSummary } from '../../producer';
import { kernelCoverage, kernelsToCheck, tagChecksFor } from '../../rollout';
import type { ConfigCoverage } from '../../rollout';
import { useImageTagChecks } from './useImageTagChecks';

/**
 * What coverage reads of a node: its name, kernel, labels (pool membership) and OS. Cached per object:
 * a watch replaces only the objects that changed.
 */
const nodeKeys = new WeakMap<Node, string>();
const nodeKey = (node: Node): string => {
  let key = nodeKeys.get(node);
  if (key === undefined) {
    key = JSON.stringify([
      node.metadata.name,
      node.status?.nodeInfo?.kernelVersion,
      node.metadata.labels,
    ]);
    nodeKeys.set(node, key);
  }
  return key;
};

/** What coverage reads of a pool: its name and the selectors that give its nodes and configs. */
const poolKey = (pool: MachineConfigPool): string =>
  JSON.stringify([pool.metadata.name, pool.spec.nodeSelector, pool.spec.machineConfigSelector]);

/**
 * Hands back the previous list when nothing coverage reads has changed: a burst of cordons (or pool
 * status updates) replaces objects without changing a kernel or a label, and must not re-derive the
 * coverage of every node.
 */
class SameForCoverage<T> {
  private keys: string[] = [];
  /** The list last handed back, and the latest list seen (whose items the keys describe). */
  private list: readonly T[] | undefined;
  private seen: readonly T[] | undefined;

  constructor(private readonly keyOf: (item: T) => string) {}

  update(list: readonly T[]): readonly T[] {
    if (list === this.list || list === this.seen) return this.list ?? list;
    const previous = this.seen;
    this.seen = list;
    // Items a watch handed back unchanged are compared by identity, without their keys; the keys
    // are updated in place (a new array per event burst on 2,000 nodes is garbage to collect).
    let same = this.list !== undefined && list.length === this.keys.length;
    const keys = same ? this.keys : new Array<string>(list.length);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (previous !== undefined && previous[i] === item && i < this.keys.length) {
        keys[i] = this.keys[i];
        continue;
      }
      const key = this.keyOf(item);
      if (key !== this.keys[i]) same = false;
      keys[i] = key;
    }
    this.keys = keys;
    if (same && this.list !== undefined) return this.list;
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
  const [poolsKept] = useState(() => new SameForCoverage(poolKey));
  const [nodesKept] = useState(() => new SameForCoverage(nodeKey));
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
