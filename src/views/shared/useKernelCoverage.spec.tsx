import { k8sCreate, useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import { renderHook, waitFor } from '@testing-library/react';
import type { ImageStreamImport, Node } from '../../k8s/types';
import { readDay1MachineConfig, produceMachineConfig } from '../../producer';
import { answerWatches } from '../../../test/support/views/watch-fixtures';
import { node as rolloutNode, pool } from '../../../test/support/rollout-objects';
import { useKernelCoverage } from './useKernelCoverage';

const EL94 = '5.14.0-427.13.1.el9_4.x86_64';
const EL96 = '5.14.0-570.42.2.el9_6.x86_64';

const workerPool = pool({ name: 'worker' });
const node = (name: string, kernelVersion: string, unschedulable?: boolean): Node =>
  rolloutNode(name, { kernelVersion, unschedulable });

const config = readDay1MachineConfig(
  produceMachineConfig({
    machineConfigName: '99-cov-day1',
    machineConfigPoolRef: 'worker',
    // An image of its own: the tag checks' cache lives for the console session.
    kernelModuleImage: 'quay.io/acme/coverage-hook-kmod',
    kernelModuleName: 'ice',
  }),
);
if (config === null) throw new Error('the produced config does not read back');
const CONFIGS = [config];

const serve = (nodes: Node[]) => {
  answerWatches({
    MachineConfigPool: [[workerPool], true],
    Node: [nodes, true],
    Namespace: [[{ metadata: { name: 'kmm-day1-checks' } }], true],
  });
};

beforeEach(() => {
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
  jest.mocked(k8sCreate).mockImplementation(({ data }) => {
    const request = data as ImageStreamImport;
    return Promise.resolve({
      ...request,
      status: { images: request.spec.images.map(() => ({ status: { status: 'Success' } })) },
    });
  });
});

describe('useKernelCoverage', () => {
  it('keeps its result through changes it does not read (a cordon), and follows a new kernel', async () => {
    serve([node('worker-0', EL94), node('worker-1', EL94)]);
    const { result, rerender } = renderHook(() => useKernelCoverage(CONFIGS));
    await waitFor(() => {
      expect(result.current.coverage?.get('99-cov-day1')?.state).toBe('full');
    });
    const before = result.current.coverage;

    // New Node objects, same kernels and labels: nothing to derive again.
    serve([node('worker-0', EL94, true), node('worker-1', EL94)]);
    rerender();
    expect(result.current.coverage).toBe(before);

    serve([node('worker-0', EL94, true), node('worker-1', EL96)]);
    rerender();
    await waitFor(() => {
      expect(
        result.current.coverage?.get('99-cov-day1')?.kernels.map((k) => k.kernelVersion),
      ).toEqual([EL94, EL96]);
    });

    // A label changed: a Windows node's kernel is not one MCO manages, and leaves the coverage.
    serve([
      node('worker-0', EL94, true),
      rolloutNode('worker-1', { kernelVersion: EL96, labels: { 'kubernetes.io/os': 'windows' } }),
    ]);
    rerender();
    await waitFor(() => {
      expect(
        result.current.coverage?.get('99-cov-day1')?.kernels.map((k) => k.kernelVersion),
      ).toEqual([EL94]);
    });
  });
});
