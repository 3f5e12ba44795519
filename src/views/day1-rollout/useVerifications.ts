import { useCallback, useMemo, useState } from 'react';
import type { VerifyPodOptions } from '../../rollout';
import type { VerifyRunResult, VerifyStep } from './verify-runner';

/** One node's last Verify run, or the one running now. */
export interface Verification {
  request: VerifyPodOptions;
  /** While running; undefined once finished. */
  step?: VerifyStep;
  podName?: string;
  result?: VerifyRunResult;
  /** Stops a running verification; the pod is still deleted. */
  cancel: () => void;
}

export interface Verifications {
  /** By node name; an entry keeps its identity until that node's verification changes. */
  byNode: ReadonlyMap<string, Verification>;
  start: (request: VerifyPodOptions) => void;
}

/**
 * The page's Verify runs, by node. A run outlives the dialog that started it (closing the dialog or
 * leaving the page does not stop it), so its pod is always deleted and its result shows in the table.
 */
export const useVerifications = (): Verifications => {
  const [byNode, setByNode] = useState<ReadonlyMap<string, Verification>>(new Map());

  const start = useCallback((request: VerifyPodOptions) => {
    const controller = new AbortController();
    const cancel = () => {
      controller.abort();
    };
    const update = (changes: Partial<Verification>) => {
      setByNode((previous) => {
        const current = previous.get(request.nodeName);
        // A newer run of the same node owns the entry.
        if (current !== undefined && current.cancel !== cancel) return previous;
        const next = new Map(previous);
        next.set(request.nodeName, { request, cancel, ...current, ...changes });
        return next;
      });
    };
    // The dialog offers no new run while one runs, so this replaces a finished one only.
    setByNode((previous) =>
      new Map(previous).set(request.nodeName, { request, cancel, step: 'creating' }),
    );
    // The runner (the pod, its log, its clean-up) loads with the first Verify, not with the page.
    void import('./verify-runner')
      .then(({ runVerification }) =>
        runVerification(request, {
          signal: controller.signal,
          onStep: (step, podName) => {
            update({ step, podName });
          },
        }),
      )
      .then(
        (result) => {
          update({ step: undefined, result });
        },
        (error: unknown) => {
          update({ step: undefined, result: { error } });
        },
      );
  }, []);

  return useMemo(() => ({ byNode, start }), [byNode, start]);
};
