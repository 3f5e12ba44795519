/**
 * The Verify action against the API: create the debug pod, wait for it to finish, read its log, and
 * always delete it, whatever happened before (an API error, a pod that cannot start, the timeout or a
 * cancel).
 */
import {
  consoleFetchText,
  k8sCreate,
  k8sDelete,
  k8sGet,
} from '@openshift-console/dynamic-plugin-sdk';
import { PodModel } from '../../k8s/models';
import type { Pod } from '../../k8s/types';
import { parseVerifyOutput, verifyPod } from '../../rollout';
import type { VerifyOutput, VerifyPodOptions } from '../../rollout';

/** Long enough for a first pull of the support-tools image on a real node. */
export const VERIFY_TIMEOUT_MS = 180_000;
const VERIFY_POLL_INTERVAL_MS = 2_000;

export type VerifyStep = 'creating' | 'waiting' | 'reading' | 'deleting';

/** The pod did not finish in time. */
export class VerifyTimeoutError extends Error {
  constructor(
    readonly podName: string,
    readonly timeoutMs: number,
  ) {
    super(`the pod ${podName} did not finish within ${String(Math.round(timeoutMs / 1000))} s`);
    this.name = 'VerifyTimeoutError';
  }
}

/** The pod cannot run: its image cannot be pulled, or the kubelet refused it. */
export class VerifyPodError extends Error {
  constructor(
    readonly podName: string,
    readonly reason: string,
    detail: string,
  ) {
    super(`the pod ${podName} cannot run: ${reason}${detail === '' ? '' : `: ${detail}`}`);
    this.name = 'VerifyPodError';
  }
}

/** The user cancelled. */
export class VerifyCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'VerifyCancelledError';
  }
}

export interface VerifyRunOptions {
  timeoutMs?: number;
  pollIntervalMs?: number;
  signal?: AbortSignal;
  onStep?: (step: VerifyStep, podName?: string) => void;
}

export interface VerifyRunResult {
  /** The pod's name and namespace, once created. */
  pod?: { name: string; namespace: string };
  log?: string;
  output?: VerifyOutput;
  /** What stopped the run before the log was read. */
  error?: unknown;
  /** The pod could not be deleted: it ends by itself (activeDeadlineSeconds), but stays listed. */
  cleanupError?: unknown;
}

/** Waiting reasons after which the container never starts by itself. */
const STUCK_REASONS = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'CreateContainerError',
]);

const delay = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });

const throwIfCancelled = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw new VerifyCancelledError();
};

const waitForPod = async (
  pod: Pod,
  {
    timeoutMs,
    pollIntervalMs,
    signal,
  }: Required<Pick<VerifyRunOptions, 'timeoutMs' | 'pollIntervalMs'>> & VerifyRunOptions,
): Promise<Pod> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    throwIfCancelled(signal);
    const current = await k8sGet<Pod>({
      model: PodModel,
      name: pod.metadata.name,
      ns: pod.metadata.namespace,
    });
    const phase = current.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return current;
    const waiting = current.status?.containerStatuses
      ?.map((status) => status.state?.waiting)
      .find((state) => state?.reason !== undefined && STUCK_REASONS.has(state.reason));
    if (waiting?.reason !== undefined) {
      throw new VerifyPodError(pod.metadata.name, waiting.reason, waiting.message ?? '');
    }
    if (Date.now() >= deadline) throw new VerifyTimeoutError(pod.metadata.name, timeoutMs);
    await delay(Math.min(pollIntervalMs, Math.max(0, deadline - Date.now())), signal);
  }
};

/**
 * The pod's log through console's API proxy (`/api/kubernetes`, where the k8s* helpers send their
 * requests too). The log is text, not a resource: consoleFetchText, not k8sGet.
 */
const podLogURL = ({ metadata: { name, namespace } }: Pod): string =>
  `/api/kubernetes/api/${PodModel.apiVersion}/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`;

/** Console answers a text/plain body as a string; an empty body of another type comes back as `{}`. */
const readLog = async (pod: Pod): Promise<string> => {
  const log: unknown = await consoleFetchText(podLogURL(pod));
  return typeof log === 'string' ? log : '';
};

/**
 * Runs the Verify pod on a node and reads what it printed. Never throws: failures come back in the
 * result, next to whatever was read before them.
 */
export const runVerification = async (
  request: VerifyPodOptions,
  {
    timeoutMs = VERIFY_TIMEOUT_MS,
    pollIntervalMs = VERIFY_POLL_INTERVAL_MS,
    signal,
    onStep,
  }: VerifyRunOptions = {},
): Promise<VerifyRunResult> => {
  const result: VerifyRunResult = {};
  let pod: Pod | undefined;
  try {
    throwIfCancelled(signal);
    onStep?.('creating');
    pod = (await k8sCreate({ model: PodModel, data: verifyPod(request) })) as unknown as Pod;
    result.pod = { name: pod.metadata.name, namespace: pod.metadata.namespace };
    onStep?.('waiting', pod.metadata.name);
    await waitForPod(pod, { timeoutMs, pollIntervalMs, signal });
    onStep?.('reading', pod.metadata.name);
    result.log = await readLog(pod);
    result.output = parseVerifyOutput(result.log);
  } catch (error) {
    result.error = error;
  } finally {
    if (pod !== undefined) {
      onStep?.('deleting', pod.metadata.name);
      try {
        await k8sDelete({ model: PodModel, resource: pod });
      } catch (error) {
        result.cleanupError = error;
      }
    }
  }
  return result;
};
