import { useCallback, useRef, useState } from 'react';
import { k8sCreate, k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { useNavigate } from 'react-router';
import { day1RolloutPath } from '../shared/paths';
import type { CreatePlan, CreateResult, CreateStep } from './create-sequence';

type CreateFailure = Extract<CreateResult, { outcome: 'failed' }>;

export interface CreateSequence {
  steps: CreateStep[];
  running: boolean;
  failure?: CreateFailure;
  /** Runs the create, then opens the pool's rollout view; ignored while a create is running. */
  start: (plan: CreatePlan, poolName: string) => void;
}

/** The create sequence with the console SDK's writers, its progress and its outcome. */
export const useCreateSequence = (): CreateSequence => {
  const navigate = useNavigate();
  const [steps, setSteps] = useState<CreateStep[]>([]);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<CreateFailure>();
  const [loadFailure, setLoadFailure] = useState<{ error: unknown }>();
  // State updates land after a render; the ref stops a second click in the same tick.
  const runningRef = useRef(false);

  const start = useCallback(
    (plan: CreatePlan, poolName: string) => {
      if (runningRef.current) return;
      runningRef.current = true;
      setRunning(true);
      setFailure(undefined);
      // The sequence loads with the first create, not with the page.
      void import('./create-sequence').then(
        ({ runCreate }) =>
          runCreate(plan, { k8sCreate, k8sPatch, k8sDelete }, setSteps).then((result) => {
            runningRef.current = false;
            setRunning(false);
            if (result.outcome === 'created') {
              void navigate(day1RolloutPath(poolName));
            } else {
              setFailure(result);
            }
          }),
        (error: unknown) => {
          runningRef.current = false;
          setRunning(false);
          setLoadFailure({ error });
        },
      );
    },
    [navigate],
  );
  // Nothing was written: thrown while rendering, as React.lazy does, for console's error boundary.
  if (loadFailure) throw loadFailure.error;
  return { steps, running, failure, start };
};
