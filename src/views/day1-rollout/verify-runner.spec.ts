import {
  HttpError,
  consoleFetchText,
  k8sCreate,
  k8sDelete,
  k8sGet,
} from '@openshift-console/dynamic-plugin-sdk';
import { PodModel } from '../../k8s/models';
import type { Pod } from '../../k8s/types';
import { verifyPod } from '../../rollout';
import {
  VerifyCancelledError,
  VerifyPodError,
  VerifyTimeoutError,
  runVerification,
} from './verify-runner';
import type { VerifyStep } from './verify-runner';

const REQUEST = { nodeName: 'worker-4', namespace: 'default', machineConfigs: ['99-sfc-day1'] };
const POD_NAME = 'kmm-day1-verify-worker-4-x7k2p';
const LOG = `--- kmm-day1-verify begin ---
--- kmm-day1-verify lsmod ---
Module Size Used by
sfc 1 0
--- kmm-day1-verify end ---
`;

const pod = (status: Pod['status'] = { phase: 'Pending' }): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: POD_NAME, namespace: 'default' },
  status,
});

/** The API as the pod goes through `phases` (the last one repeats), with its log. */
const answer = (phases: Pod['status'][], log: unknown = LOG) => {
  jest.mocked(k8sCreate).mockResolvedValue(pod());
  const remaining = [...phases];
  jest
    .mocked(k8sGet)
    .mockImplementation(() =>
      Promise.resolve(pod(remaining.length > 1 ? remaining.shift() : remaining[0])),
    );
  jest.mocked(consoleFetchText).mockResolvedValue(log);
  jest.mocked(k8sDelete).mockResolvedValue({});
};

const expectDeleted = () => {
  expect(k8sDelete).toHaveBeenCalledTimes(1);
  expect(k8sDelete).toHaveBeenCalledWith({
    model: PodModel,
    resource: expect.objectContaining({
      metadata: { name: POD_NAME, namespace: 'default' },
    }) as unknown,
  });
};

const fast = { pollIntervalMs: 1 };

describe('runVerification', () => {
  it('creates the pod, waits for it, reads its log and deletes it', async () => {
    answer([{ phase: 'Pending' }, { phase: 'Running' }, { phase: 'Succeeded' }]);
    const steps: [VerifyStep, string?][] = [];
    const result = await runVerification(REQUEST, {
      ...fast,
      onStep: (step, podName) => steps.push([step, podName]),
    });

    expect(k8sCreate).toHaveBeenCalledWith({ model: PodModel, data: verifyPod(REQUEST) });
    expect(consoleFetchText).toHaveBeenCalledTimes(1);
    expect(consoleFetchText).toHaveBeenCalledWith(
      `/api/kubernetes/api/v1/namespaces/default/pods/${POD_NAME}/log`,
    );
    expect(result).toEqual({
      pod: { name: POD_NAME, namespace: 'default' },
      log: LOG,
      output: { statusFiles: [], loadedModules: ['sfc'], journals: [], complete: true },
    });
    expect(steps).toEqual([
      ['creating', undefined],
      ['waiting', POD_NAME],
      ['reading', POD_NAME],
      ['deleting', POD_NAME],
    ]);
    expectDeleted();
  });

  it('reads the log of a pod that failed, and treats an empty answer as no output', async () => {
    answer([{ phase: 'Failed' }], {});
    const result = await runVerification(REQUEST, fast);
    expect(result.error).toBeUndefined();
    expect(result.log).toBe('');
    expect(result.output?.complete).toBe(false);
    expectDeleted();
  });

  it('gives up on a pod that stays pending, and still deletes it', async () => {
    answer([{ phase: 'Pending' }]);
    const result = await runVerification(REQUEST, { timeoutMs: 20, pollIntervalMs: 5 });
    expect(result.error).toBeInstanceOf(VerifyTimeoutError);
    expect((result.error as VerifyTimeoutError).podName).toBe(POD_NAME);
    expect(result.log).toBeUndefined();
    expectDeleted();
  });

  it('stops at once when the image cannot be pulled, and deletes the pod', async () => {
    answer([
      {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'verify',
            state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image' } },
          },
        ],
      },
    ]);
    const result = await runVerification(REQUEST, fast);
    expect(result.error).toBeInstanceOf(VerifyPodError);
    expect(String(result.error)).toContain(
      `the pod ${POD_NAME} cannot run: ImagePullBackOff: Back-off pulling image`,
    );
    expectDeleted();
  });

  it('deletes the pod when reading the log fails', async () => {
    answer([{ phase: 'Succeeded' }]);
    const failure = new HttpError('pods "x" not found', 404);
    jest.mocked(consoleFetchText).mockRejectedValue(failure);
    const result = await runVerification(REQUEST, fast);
    expect(result.error).toBe(failure);
    expectDeleted();
  });

  it('reports a pod it could not delete next to what it read', async () => {
    answer([{ phase: 'Succeeded' }]);
    const failure = new HttpError('forbidden', 403);
    jest.mocked(k8sDelete).mockRejectedValue(failure);
    const result = await runVerification(REQUEST, fast);
    expect(result.output?.complete).toBe(true);
    expect(result.cleanupError).toBe(failure);
  });

  it('deletes nothing when the pod was never created', async () => {
    const failure = new HttpError('pods is forbidden', 403);
    jest.mocked(k8sCreate).mockRejectedValue(failure);
    const result = await runVerification(REQUEST, fast);
    expect(result).toEqual({ error: failure });
    expect(k8sDelete).not.toHaveBeenCalled();
  });

  it('stops waiting when cancelled, and deletes the pod', async () => {
    answer([{ phase: 'Running' }]);
    const controller = new AbortController();
    const result = await runVerification(REQUEST, {
      pollIntervalMs: 60_000,
      signal: controller.signal,
      onStep: (step) => {
        if (step === 'waiting') controller.abort();
      },
    });
    expect(result.error).toBeInstanceOf(VerifyCancelledError);
    expectDeleted();
  });
});
