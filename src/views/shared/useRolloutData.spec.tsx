import { useK8sWatchResource, useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import { renderHook } from '@testing-library/react';
import type { Node } from '../../k8s/types';
import {
  MachineConfigGVK,
  MachineConfigNodeGVK,
  MachineConfigPoolGVK,
  NodeGVK,
} from '../../k8s/gvk';
import {
  SFC_TARGET,
  loaded,
  serveCluster,
  sfcDay1Config,
  sfcMachineConfigNodes,
  sfcNodes,
  sfcPool,
} from '../../../test/support/views/rollout-fixtures';
import { useRolloutData } from './useRolloutData';

/** What console's watch hook may hand back after any event: fresh copies of every object. */
const copies = <T,>(objects: T[]): T[] => JSON.parse(JSON.stringify(objects)) as T[];

const serve = (nodes: Node[]) => {
  serveCluster({
    pools: loaded(copies([sfcPool()])),
    nodes: loaded(nodes),
    machineConfigNodes: loaded(copies(sfcMachineConfigNodes())),
    machineConfigs: loaded([sfcDay1Config()]),
  });
};

describe('useRolloutData', () => {
  it('watches each kind once, as a list, and nothing per node', () => {
    serve(sfcNodes());
    renderHook(() => useRolloutData());
    expect(useK8sWatchResource).not.toHaveBeenCalled();
    expect(useK8sWatchResources).toHaveBeenLastCalledWith({
      pools: { groupVersionKind: MachineConfigPoolGVK, isList: true },
      nodes: { groupVersionKind: NodeGVK, isList: true },
      machineConfigNodes: { groupVersionKind: MachineConfigNodeGVK, isList: true },
      machineConfigs: { groupVersionKind: MachineConfigGVK, isList: true },
    });
  });

  it('re-derives only the node that changed, even when the watch copies every object', () => {
    serve(sfcNodes());
    const { result, rerender } = renderHook(() => useRolloutData());
    const before = result.current.rollout?.pools.find((p) => p.name === 'sfc');
    expect(before?.nodes.map((n) => n.phase)).toEqual(['Updated', 'Degraded', 'Pending']);

    // sfc-c is targeted: a new resourceVersion and desiredConfig; the others are unchanged copies.
    const next = copies(sfcNodes());
    next[2].metadata.resourceVersion = '99';
    next[2].metadata.annotations = {
      ...next[2].metadata.annotations,
      'machineconfiguration.openshift.io/desiredConfig': SFC_TARGET,
    };
    serve(next);
    rerender();

    const after = result.current.rollout?.pools.find((p) => p.name === 'sfc');
    expect(after?.nodes[0]).toBe(before?.nodes[0]);
    expect(after?.nodes[1]).toBe(before?.nodes[1]);
    expect(after?.nodes[2]).not.toBe(before?.nodes[2]);
    expect(after?.nodes[2].phase).toBe('Draining');
    // The raw objects the drawer reads keep their identity too.
    expect(result.current.findNode('sfc-a')?.metadata.resourceVersion).toBe('20');
  });

  it('keeps the whole rollout when nothing changed', () => {
    serve(sfcNodes());
    const { result, rerender } = renderHook(() => useRolloutData());
    const before = result.current.rollout;
    serve(copies(sfcNodes()));
    rerender();
    expect(result.current.rollout).toBe(before);
  });
});
