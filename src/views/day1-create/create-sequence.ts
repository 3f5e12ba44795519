/**
 * The create sequence behind the create page: a server-side dry run of every write, then the writes,
 * then, if one fails, the undoing of the ones already made. It takes the SDK's write functions as a
 * parameter, so the same code runs in console and, in tests, against the simulated cluster.
 */
import type { k8sCreate, k8sDelete, k8sPatch, Patch } from '@openshift-console/dynamic-plugin-sdk';
import { readApiError } from '../../k8s/api-error';
import { MachineConfigModel, MachineConfigPoolModel, NodeModel } from '../../k8s/models';
import type { MachineConfig, MachineConfigPool, Node } from '../../k8s/types';

export interface ClusterWriter {
  k8sCreate: typeof k8sCreate;
  k8sPatch: typeof k8sPatch;
  k8sDelete: typeof k8sDelete;
}

export interface CreatePlan {
  machineConfig: MachineConfig;
  /** A custom pool to create first; its nodeSelector's labels are put on `nodesToLabel`. */
  newPool?: MachineConfigPool;
  nodesToLabel: Node[];
}

type StepPhase = 'dryRun' | 'apply' | 'rollback';
type StepTarget = 'pool' | 'machineConfig' | 'nodeLabel';
export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export interface CreateStep {
  id: string;
  phase: StepPhase;
  target: StepTarget;
  /** The pool, MachineConfig or node name. */
  name: string;
  status: StepStatus;
  error?: unknown;
}

export type CreateResult =
  | { outcome: 'created' }
  | {
      outcome: 'failed';
      /** 'dryRun': nothing was written; 'apply': what had been written was rolled back. */
      phase: 'dryRun' | 'apply';
      failedStep: CreateStep;
      error: unknown;
      /** Rollback steps that failed: these objects or labels are still in the cluster. */
      rollbackFailures: CreateStep[];
    };

const DRY_RUN = { dryRun: 'All' };

/** A JSON Pointer segment (RFC 6901): label keys contain '/'. */
const pointerSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The labels that put a node into the new pool: exactly what its nodeSelector matches. */
const poolLabels = (pool: MachineConfigPool | undefined): Record<string, string> =>
  pool?.spec.nodeSelector?.matchLabels ?? {};

const addLabelsPatch = (node: Node, labels: Record<string, string>): Patch[] =>
  node.metadata.labels
    ? Object.entries(labels).map(([key, value]) => ({
        op: 'add',
        path: `/metadata/labels/${pointerSegment(key)}`,
        value,
      }))
    : [{ op: 'add', path: '/metadata/labels', value: labels }];

const removeLabelsPatch = (labels: Record<string, string>): Patch[] =>
  Object.keys(labels).map((key) => ({
    op: 'remove',
    path: `/metadata/labels/${pointerSegment(key)}`,
  }));

/**
 * A write the API server refused (4xx) was not made. One that got a 5xx or no answer (a timeout, a
 * dropped connection) may have been made all the same, so the rollback undoes it too.
 */
const mayHaveBeenWritten = (error: unknown): boolean => {
  const { code } = readApiError(error);
  return code === undefined || code >= 500;
};

/** Undoing a write that was not made: nothing to delete (404), no label to remove (422). */
const wasNotWritten = (error: unknown): boolean => {
  const { code } = readApiError(error);
  return code === 404 || code === 422;
};

/** k8sPatch needs only the name of the object it patches. */
const nodeRef = (name: string): Node => ({ metadata: { name } });

/**
 * The steps of a create, in order: the dry runs, then the writes. The pool comes first and the nodes
 * are labelled last, so that nodes join the pool only once the Day 1 config is there: each node is
 * then updated, and rebooted, once rather than twice.
 */
export const createSteps = (plan: CreatePlan): CreateStep[] => {
  const targets: { target: StepTarget; name: string }[] = [
    ...(plan.newPool ? [{ target: 'pool' as const, name: plan.newPool.metadata.name }] : []),
    { target: 'machineConfig', name: plan.machineConfig.metadata.name },
    ...plan.nodesToLabel.map((node) => ({
      target: 'nodeLabel' as const,
      name: node.metadata.name,
    })),
  ];
  return (['dryRun', 'apply'] as const).flatMap((phase) =>
    targets.map(({ target, name }) => ({
      id: `${phase}:${target}:${name}`,
      phase,
      target,
      name,
      status: 'pending' as const,
    })),
  );
};

/**
 * Runs the create. `onProgress` receives a new array of steps at every change (rollback steps are
 * appended when a write fails). Never throws: a failure is in the result.
 */
export const runCreate = async (
  plan: CreatePlan,
  writer: ClusterWriter,
  onProgress: (steps: CreateStep[]) => void,
): Promise<CreateResult> => {
  let steps = createSteps(plan);
  const labels = poolLabels(plan.newPool);
  const nodes = new Map(plan.nodesToLabel.map((node) => [node.metadata.name, node]));

  const update = (id: string, change: Partial<CreateStep>) => {
    steps = steps.map((step) => (step.id === id ? { ...step, ...change } : step));
    onProgress(steps);
  };

  const write = async ({ phase, target, name }: CreateStep): Promise<void> => {
    const queryParams = phase === 'dryRun' ? DRY_RUN : undefined;
    switch (target) {
      case 'pool':
        if (plan.newPool) {
          await writer.k8sCreate({
            model: MachineConfigPoolModel,
            data: plan.newPool,
            queryParams,
          });
        }
        return;
      case 'machineConfig':
        await writer.k8sCreate({
          model: MachineConfigModel,
          data: plan.machineConfig,
          queryParams,
        });
        return;
      case 'nodeLabel':
        await writer.k8sPatch({
          model: NodeModel,
          resource: nodeRef(name),
          data: addLabelsPatch(nodes.get(name) ?? nodeRef(name), labels),
          queryParams,
        });
    }
  };

  const undo = async ({ target, name }: CreateStep): Promise<void> => {
    switch (target) {
      case 'pool':
        await writer.k8sDelete({ model: MachineConfigPoolModel, resource: { metadata: { name } } });
        return;
      case 'machineConfig':
        await writer.k8sDelete({ model: MachineConfigModel, resource: { metadata: { name } } });
        return;
      case 'nodeLabel':
        await writer.k8sPatch({
          model: NodeModel,
          resource: nodeRef(name),
          data: removeLabelsPatch(labels),
        });
    }
  };

  /** `uncertain`: the last step failed in a way that may have written it anyway. */
  const rollback = async (written: CreateStep[], uncertain?: CreateStep): Promise<CreateStep[]> => {
    const undoSteps = [...written, ...(uncertain ? [uncertain] : [])].reverse().map((step) => ({
      ...step,
      id: `rollback:${step.target}:${step.name}`,
      phase: 'rollback' as const,
      status: 'pending' as const,
    }));
    steps = [...steps, ...undoSteps];
    onProgress(steps);
    const uncertainUndoId = uncertain && `rollback:${uncertain.target}:${uncertain.name}`;
    const failures: CreateStep[] = [];
    // Undo everything that can be undone, even after one undo fails, and report what is left.
    for (const step of undoSteps) {
      update(step.id, { status: 'running' });
      try {
        await undo(step);
        update(step.id, { status: 'done' });
      } catch (error) {
        // The uncertain write had not been made after all: nothing to undo.
        if (step.id === uncertainUndoId && wasNotWritten(error)) {
          update(step.id, { status: 'done' });
          continue;
        }
        update(step.id, { status: 'failed', error });
        failures.push({ ...step, status: 'failed', error });
      }
    }
    return failures;
  };

  onProgress(steps);
  const written: CreateStep[] = [];
  for (const step of createSteps(plan)) {
    update(step.id, { status: 'running' });
    try {
      await write(step);
      update(step.id, { status: 'done' });
      if (step.phase === 'apply') written.push(step);
    } catch (error) {
      update(step.id, { status: 'failed', error });
      const failedStep = { ...step, status: 'failed' as const, error };
      const uncertain =
        step.phase === 'apply' && mayHaveBeenWritten(error) ? failedStep : undefined;
      const rollbackFailures =
        written.length > 0 || uncertain ? await rollback(written, uncertain) : [];
      const phase = step.phase === 'dryRun' ? 'dryRun' : 'apply';
      return { outcome: 'failed', phase, failedStep, error, rollbackFailures };
    }
  }
  return { outcome: 'created' };
};
