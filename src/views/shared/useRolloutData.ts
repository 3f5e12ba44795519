import { useEffect, useMemo, useState } from 'react';
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import type {
  K8sResourceCommon,
  WatchK8sResources,
  WatchK8sResultsObject,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  MachineConfigGVK,
  MachineConfigNodeGVK,
  MachineConfigPoolGVK,
  NodeGVK,
} from '../../k8s/gvk';
import type { MachineConfig, MachineConfigNode, MachineConfigPool, Node } from '../../k8s/types';
import { RolloutDeriver } from '../../rollout';
import type { Rollout } from '../../rollout';
import { StableList } from './stable-objects';

/** How often the rollout is derived again without a watch event, for the time left. */
const CLOCK_INTERVAL_MS = 10_000;

type Watched = Record<
  'pools' | 'nodes' | 'machineConfigNodes' | 'machineConfigs',
  K8sResourceCommon[]
>;

// One list watch per kind, shared with any other user of the same descriptor on the page.
const WATCHES: WatchK8sResources<Watched> = {
  pools: { groupVersionKind: MachineConfigPoolGVK, isList: true },
  nodes: { groupVersionKind: NodeGVK, isList: true },
  machineConfigNodes: { groupVersionKind: MachineConfigNodeGVK, isList: true },
  machineConfigs: { groupVersionKind: MachineConfigGVK, isList: true },
};

const EMPTY: K8sResourceCommon[] = [];

export interface RolloutData {
  rollout?: Rollout;
  /** Pools and nodes are loaded, and the optional kinds have loaded or failed. */
  loaded: boolean;
  /** Why the page cannot show: pools or nodes could not be listed. */
  error?: unknown;
  /**
   * A watch that had loaded reports an error: console keeps the last data while it reconnects, so the
   * page says the data may be stale.
   */
  interrupted: boolean;
  /** MachineConfigNodes were listed (OpenShift 4.19+, and the user may list them). */
  machineConfigNodesAvailable: boolean;
  /** The watched Node and MachineConfigNode of a node, for its details. */
  findNode: (name: string) => Node | undefined;
  findMachineConfigNode: (name: string) => MachineConfigNode | undefined;
}

type Result = WatchK8sResultsObject<K8sResourceCommon[]>;

/**
 * The data of a watch, once loaded; undefined while it loads, or when it failed with nothing to show
 * (an optional kind the cluster lacks or the user may not list). A watch that drops after loading
 * keeps its data.
 */
const loadedData = (result: Result) =>
  result.loaded && (!result.loadError || result.data.length > 0) ? result.data : undefined;

const settled = (result: Result): boolean => result.loaded || !!result.loadError;

// A search, not an index: only an open details panel asks, and an index of 2,000 nodes would be rebuilt
// on every node event.
const finder =
  <T extends { metadata: { name: string } }>(list: readonly T[] | undefined) =>
  (name: string): T | undefined =>
    list?.find((object) => object.metadata.name === name);

/** Re-renders its user every `intervalMs`; the number only changes. */
const useTicker = (intervalMs: number): number => {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => {
      setTick((n) => n + 1);
    }, intervalMs);
    return () => {
      clearInterval(id);
    };
  }, [intervalMs]);
  return tick;
};

/**
 * The rollout of every pool, live: one list watch per kind (never one per node), objects kept by
 * identity while unchanged, and the deriver's cache, so a node event re-derives that node and its pool.
 * MachineConfigNodes and MachineConfigs are optional: without them (older cluster, 403, 404) the
 * phases come from the node annotations and Day 1 configs are recognised by name.
 */
export const useRolloutData = (): RolloutData => {
  const watched = useK8sWatchResources<Watched>(WATCHES);
  const { pools, nodes, machineConfigNodes, machineConfigs } = watched;
  const [lists] = useState(() => ({
    pools: new StableList<MachineConfigPool>(),
    nodes: new StableList<Node>(),
    machineConfigNodes: new StableList<MachineConfigNode>(),
    machineConfigs: new StableList<MachineConfig>(),
  }));
  const [deriver] = useState(() => new RolloutDeriver());
  const tick = useTicker(CLOCK_INTERVAL_MS);

  const poolList = useMemo(
    () => lists.pools.update((loadedData(pools) ?? EMPTY) as MachineConfigPool[]),
    [lists, pools],
  );
  const nodeList = useMemo(
    () => lists.nodes.update((loadedData(nodes) ?? EMPTY) as Node[]),
    [lists, nodes],
  );
  const mcnData = loadedData(machineConfigNodes) as MachineConfigNode[] | undefined;
  const mcnList = useMemo(
    () => (mcnData === undefined ? undefined : lists.machineConfigNodes.update(mcnData)),
    [lists, mcnData],
  );
  const mcData = loadedData(machineConfigs) as MachineConfig[] | undefined;
  const mcList = useMemo(
    () => (mcData === undefined ? undefined : lists.machineConfigs.update(mcData)),
    [lists, mcData],
  );

  const loaded =
    pools.loaded && nodes.loaded && settled(machineConfigNodes) && settled(machineConfigs);
  const rollout = useMemo(
    () =>
      loaded
        ? deriver.derive({
            pools: poolList,
            nodes: nodeList,
            machineConfigNodes: mcnList,
            machineConfigs: mcList,
          })
        : undefined,
    // `tick`: derive() reads the clock itself; the tick re-derives for the time left.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [loaded, deriver, poolList, nodeList, mcnList, mcList, tick],
  );
  const findNode = useMemo(() => finder(nodeList), [nodeList]);
  const findMachineConfigNode = useMemo(() => finder(mcnList), [mcnList]);

  const blocking = [pools, nodes].find((result) => !result.loaded && result.loadError);
  return {
    rollout,
    loaded,
    error: blocking?.loadError as unknown,
    interrupted:
      [pools, nodes].some((result) => result.loaded && !!result.loadError) ||
      [machineConfigNodes, machineConfigs].some(
        (result) => loadedData(result) !== undefined && !!result.loadError,
      ),
    machineConfigNodesAvailable: mcnList !== undefined,
    findNode,
    findMachineConfigNode,
  };
};
