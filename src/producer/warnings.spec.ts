import { formatDay1Warning } from './english';
import { day1Warnings } from './warnings';

const base = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleName: 'sfc',
};

describe('day1Warnings', () => {
  it('says nothing about an outside registry', () => {
    expect(day1Warnings({ ...base, kernelModuleImage: 'quay.io/acme/sfc-kmod' })).toEqual([]);
  });

  it.each([
    'image-registry.openshift-image-registry.svc:5000/drivers/sfc-kmod',
    'image-registry.openshift-image-registry.svc.cluster.local:5000/drivers/sfc-kmod',
    'IMAGE-REGISTRY.openshift-image-registry.svc/drivers/sfc-kmod',
  ])('warns when the module image comes from the in-cluster registry service: %s', (image) => {
    const warnings = day1Warnings({ ...base, kernelModuleImage: image });
    expect(warnings).toEqual([
      expect.objectContaining({
        field: 'kernelModuleImage',
        code: 'imageFromInClusterRegistry',
        params: expect.objectContaining({ via: 'service' }) as unknown,
      }),
    ]);
    expect(formatDay1Warning(warnings[0])).toMatch(
      /is served by the cluster's own registry, which a node cannot reach before its kubelet starts/,
    );
  });

  it("warns about the registry's default route and a worker image from it too", () => {
    const warnings = day1Warnings({
      ...base,
      kernelModuleImage: 'default-route-openshift-image-registry.apps.ocp.example.com/d/sfc-kmod',
      workerImage: 'image-registry.openshift-image-registry.svc:5000/kmm/worker:1',
    });
    expect(warnings.map((w) => [w.field, w.params.via])).toEqual([
      ['kernelModuleImage', 'route'],
      ['workerImage', 'service'],
    ]);
  });

  it('leaves invalid references to validation', () => {
    expect(day1Warnings({ ...base, kernelModuleImage: 'image-registry' })).toEqual([]);
  });
});
