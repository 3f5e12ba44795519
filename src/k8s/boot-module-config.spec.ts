import { managingBootModuleConfig } from './boot-module-config';
import type { BootModuleConfig } from './boot-module-config';

const bmc = (name: string, namespace: string, machineConfigName: string): BootModuleConfig => ({
  apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
  kind: 'BootModuleConfig',
  metadata: { name, namespace },
  spec: { machineConfigName, machineConfigPoolName: 'sfc' },
});

describe('managingBootModuleConfig', () => {
  it('finds the BMC whose spec.machineConfigName is the config', () => {
    expect(
      managingBootModuleConfig({ metadata: { name: '99-sfc-day1' } }, [
        bmc('other', 'kmm', '99-ice-day1'),
        bmc('sfc', 'openshift-kmm', '99-sfc-day1'),
      ]),
    ).toEqual({ name: 'sfc', namespace: 'openshift-kmm', through: 'machineConfigName' });
  });

  it('finds a BMC owner reference, with the namespace of the one BMC of that name', () => {
    const mc = {
      metadata: {
        name: '99-kmm-day1',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: '1' },
          {
            apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
            kind: 'BootModuleConfig',
            name: 'sfc',
            uid: '2',
          },
        ],
      },
    };
    expect(managingBootModuleConfig(mc, [bmc('sfc', 'kmm', 'renamed')])).toEqual({
      name: 'sfc',
      namespace: 'kmm',
      through: 'ownerReference',
    });
    // Without the BMC list (KMM's CRD absent, or no permission to list) the reference still tells.
    expect(managingBootModuleConfig(mc, [])).toEqual({
      name: 'sfc',
      namespace: undefined,
      through: 'ownerReference',
    });
  });

  it('ignores other owners, other groups and configs no BMC names', () => {
    const mc = {
      metadata: {
        name: '99-sfc-day1',
        ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'BootModuleConfig', name: 'x' }],
      },
    };
    expect(managingBootModuleConfig(mc, [bmc('ice', 'kmm', '99-ice-day1')])).toBeUndefined();
    expect(managingBootModuleConfig(null, [])).toBeUndefined();
  });
});
