import { useCallback, useEffect, useState } from 'react';
import { k8sCreate } from '@openshift-console/dynamic-plugin-sdk';
import { ImageStreamImportModel } from '../../k8s/models';
import type { ImageStreamImport } from '../../k8s/types';
import { imageStreamImportRequest, readImageChecks } from '../../preflight';
import type { ImageCheck } from '../../preflight';

/** Wait for typing to pause before asking the registry. */
const SETTLE_MS = 500;

type Answer = { status: 'done'; checks: ImageCheck[] } | { status: 'error'; error: unknown };

export type ImageChecksState = { status: 'idle' } | { status: 'loading' } | Answer;

/**
 * Checks that each image reference exists, with one ImageStreamImport (`spec.import: false`, which
 * stores nothing) in `namespace`, whose pull secrets the server uses. Runs when the references or
 * the namespace change, once typing has settled, and again on `rerun`. `enabled: false` stops it.
 */
export const useImageChecks = (
  references: string[],
  namespace: string,
  enabled: boolean,
): ImageChecksState & { rerun: () => void } => {
  const [runCount, setRunCount] = useState(0);
  const [answer, setAnswer] = useState<{ request: string; answer: Answer }>();
  // One string, so that a new array with the same references does not start a new check.
  const request =
    enabled && namespace && references.length > 0
      ? JSON.stringify([namespace, references, runCount])
      : '';

  useEffect(() => {
    if (!request) return undefined;
    const [checkNamespace, checkReferences] = JSON.parse(request) as [string, string[]];
    let current = true;
    const timer = setTimeout(() => {
      k8sCreate<ImageStreamImport>({
        model: ImageStreamImportModel,
        data: imageStreamImportRequest(checkReferences, checkNamespace),
      }).then(
        (result) => {
          if (current)
            setAnswer({ request, answer: { status: 'done', checks: readImageChecks(result) } });
        },
        (error: unknown) => {
          if (current) setAnswer({ request, answer: { status: 'error', error } });
        },
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request]);

  const rerun = useCallback(() => {
    setRunCount((count) => count + 1);
  }, []);
  const state: ImageChecksState = !request
    ? { status: 'idle' }
    : answer?.request === request
      ? answer.answer
      : { status: 'loading' };
  return { ...state, rerun };
};
