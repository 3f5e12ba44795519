import { produceMachineConfig, readDay1MachineConfig } from '../../producer';
import type { Day1Options } from '../../producer';
import type { MachineConfig } from '../../k8s/types';
import { toDay1Options } from '../day1-create/create-form';
import {
  comparableMachineConfig,
  formValuesFromSummary,
  sameMachineConfig,
  updatedMachineConfig,
} from './edit-form';

const OPTIONS: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc', 'mdio'],
  firmwareFilesPath: '/firmware',
};

const inCluster = (): MachineConfig => {
  const mc = produceMachineConfig(OPTIONS);
  return {
    ...mc,
    metadata: {
      ...mc.metadata,
      labels: { ...mc.metadata.labels, team: 'network' },
      annotations: { note: 'kept' },
      uid: 'u1',
      resourceVersion: '42',
      creationTimestamp: '2026-12-01T10:00:00Z',
    },
  };
};

describe('the edit form and the objects it sends', () => {
  it('fills the form so that it produces the same options back', () => {
    const summary = readDay1MachineConfig(inCluster());
    if (summary === null) throw new Error('not read back');
    const options = toDay1Options(formValuesFromSummary(summary));
    expect(options).toEqual({ ...OPTIONS, workerImage: summary.workerImage });
  });

  it('sends the produced spec over the loaded object, with its resourceVersion and what others added', () => {
    const produced = produceMachineConfig({ ...OPTIONS, kernelModuleImage: 'quay.io/acme/v2' });
    const update = updatedMachineConfig(inCluster(), produced);
    expect(update.metadata.resourceVersion).toBe('42');
    expect(update.metadata.labels).toEqual({
      'machineconfiguration.openshift.io/role': 'sfc',
      team: 'network',
    });
    expect(update.metadata.annotations).toEqual({ note: 'kept' });
    expect(update.spec).toEqual(produced.spec);
  });

  it('compares configs without the server metadata, whatever their key order', () => {
    const loaded = inCluster();
    const same = updatedMachineConfig(loaded, produceMachineConfig(OPTIONS));
    expect(sameMachineConfig(loaded, same)).toBe(true);
    const reordered = JSON.parse(
      JSON.stringify({
        spec: loaded.spec,
        metadata: { ...loaded.metadata, resourceVersion: '50' },
      }),
    ) as MachineConfig;
    expect(sameMachineConfig(loaded, reordered)).toBe(true);
    expect(comparableMachineConfig(loaded).metadata).toEqual({
      name: '99-sfc-day1',
      labels: { 'machineconfiguration.openshift.io/role': 'sfc', team: 'network' },
      annotations: { note: 'kept' },
    });
    const changed = updatedMachineConfig(
      loaded,
      produceMachineConfig({ ...OPTIONS, inTreeModulesToRemove: ['sfc'] }),
    );
    expect(sameMachineConfig(loaded, changed)).toBe(false);
  });
});
