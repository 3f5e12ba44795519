import { useK8sModel, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { renderHook } from '@testing-library/react';
import { BootModuleConfigModel } from '../../k8s/models';
import type { MachineConfig } from '../../k8s/types';
import { produceMachineConfig } from '../../producer';
import useDay1ConfigActions from './useDay1ConfigActions';

const day1 = produceMachineConfig({
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
});
const other: MachineConfig = {
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfig',
  metadata: { name: '99-worker-ssh', labels: {} },
  spec: { config: { ignition: { version: '3.2.0' } } },
};

const serveBmcs = (bmcs: unknown[] | undefined) => {
  // Console answers no model for a kind it has not discovered (KMM not installed).
  const model: K8sModel | undefined = bmcs ? BootModuleConfigModel : undefined;
  jest
    .mocked(useK8sModel)
    .mockImplementation(() => [model, false] as unknown as ReturnType<typeof useK8sModel>);
  jest
    .mocked(useK8sWatchResource)
    .mockImplementation(
      (resource) =>
        (resource ? [bmcs ?? [], true, undefined] : [undefined, true, undefined]) as ReturnType<
          typeof useK8sWatchResource
        >,
    );
};

describe('useDay1ConfigActions (console.action/resource-provider for MachineConfigs)', () => {
  it('offers Edit Day 1 config for a Day 1 config, gated on updating that MachineConfig', () => {
    serveBmcs(undefined);
    const { result } = renderHook(() => useDay1ConfigActions(day1));
    const [actions, loaded] = result.current;
    expect(loaded).toBe(true);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      label: 'Edit Day 1 config',
      cta: { href: '/day1-kernel-modules/configs/99-sfc-day1/edit' },
      disabled: false,
      accessReview: {
        group: 'machineconfiguration.openshift.io',
        resource: 'machineconfigs',
        verb: 'update',
        name: '99-sfc-day1',
      },
    });
  });

  it('offers nothing for other MachineConfigs', () => {
    serveBmcs(undefined);
    const { result } = renderHook(() => useDay1ConfigActions(other));
    expect(result.current[0]).toEqual([]);
    expect(result.current[1]).toBe(true);
  });

  it('disables it, with the reason, for a config a BootModuleConfig manages', () => {
    serveBmcs([
      {
        metadata: { name: 'sfc-boot', namespace: 'openshift-kmm' },
        spec: { machineConfigName: '99-sfc-day1' },
      },
    ]);
    const { result } = renderHook(() => useDay1ConfigActions(day1));
    expect(result.current[0][0]).toMatchObject({
      disabled: true,
      disabledTooltip: 'Managed by KMM: change the BootModuleConfig sfc-boot instead.',
    });
  });
});
