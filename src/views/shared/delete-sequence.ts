/**
 * Deleting a Day 1 config, and, when the user asks, the custom pool created with it: remove the pool's
 * labels from its nodes (they go back to worker, which reboots them once onto its own config, without
 * the Day 1 config), wait until MCO is done with every one of them, then delete the MachineConfig and
 * the pool. Deleting the config first would make MCO render the pool again and reboot its nodes onto
 * that, and the move to worker would reboot them a second time. The pool goes only after the nodes have
 * moved because its rendered configs, which MCO deletes with it, are what the nodes run until then.
 * Every step can run again after a failure: what is already gone counts as done.
 */
import type { k8sDelete, k8sPatch, Patch } from '@openshift-console/dynamic-plugin-sdk';
import { readApiError } from '../../k8s/api-error';
import { MachineConfigModel, MachineConfigPoolModel, NodeModel } from '../../k8s/models';

export interface DeleteWriter {
  k8sPatch: typeof k8sPatch;
  k8sDelete: typeof k8sDelete;
}

export interface DeletePlan {
  machineConfigName: string;
  /** The custom pool to remove too, with the labels to remove from its nodes. */
  pool?: { name: string; labels: Record<string, string>; nodes: string[] };
}

type DeleteTarget = 'machineConfig' | 'nodeLabel' | 'waitNodes' | 'pool';
export type DeleteStepStatus = 'pending' | 'running' | 'done' | 'failed';

export interface DeleteStep {
  id: string;
  target: DeleteTarget;
  /** The MachineConfig, node or pool name. */
  name: string;
  status: DeleteStepStatus;
  error?: unknown;
}

export type DeleteResult =
  { outcome: 'deleted' } | { outcome: 'failed'; failedStep: DeleteStep; error: unknown };

/** A JSON Pointer segment (RFC 6901): label keys contain '/'. */
const pointerSegment = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Already gone: no object to delete (404), no label to remove (422 from the JSON patch). */
const alreadyGone = (error: unknown, target: DeleteTarget): boolean => {
  const { code } = readApiError(error);
  return code === 404 || (target === 'nodeLabel' && code === 422);
};

/**
 * The steps in order: with the pool, the node labels, the wait for the nodes, the config, the pool;
 * without it, the config alone.
 */
const deleteSteps = (plan: DeletePlan): DeleteStep[] => {
  const steps: Omit<DeleteStep, 'id' | 'status'>[] = [];
  if (plan.pool) {
    const { name, nodes } = plan.pool;
    steps.push(...nodes.map((node) => ({ target: 'nodeLabel' as const, name: node })));
    if (nodes.length > 0) steps.push({ target: 'waitNodes', name });
    steps.push({ target: 'machineConfig', name: plan.machineConfigName });
    steps.push({ target: 'pool', name });
  } else {
    steps.push({ target: 'machineConfig', name: plan.machineConfigName });
  }
  return steps.map((step) => ({ ...step, id: `${step.target}:${step.name}`, status: 'pending' }));
};

/**
 * Runs the delete; `waitForNodes` resolves once every node of the plan has left the pool (it may
 * reject, e.g. when the user stops waiting). Never throws: a failure stops the sequence, and what is
 * left is in the steps that are not done.
 */
export const runDelete = async (
  plan: DeletePlan,
  writer: DeleteWriter,
  waitForNodes: (pool: string, nodes: string[]) => Promise<void>,
  onProgress: (steps: DeleteStep[]) => void,
): Promise<DeleteResult> => {
  let steps = deleteSteps(plan);
  const update = (id: string, change: Partial<DeleteStep>) => {
    steps = steps.map((step) => (step.id === id ? { ...step, ...change } : step));
    onProgress(steps);
  };
  const labels = plan.pool?.labels ?? {};
  const run = async ({ target, name }: DeleteStep): Promise<void> => {
    const resource = { metadata: { name } };
    switch (target) {
      case 'machineConfig':
        await writer.k8sDelete({ model: MachineConfigModel, resource });
        return;
      case 'nodeLabel':
        await writer.k8sPatch({
          model: NodeModel,
          resource,
          data: Object.keys(labels).map((key): Patch => ({
            op: 'remove',
            path: `/metadata/labels/${pointerSegment(key)}`,
          })),
        });
        return;
      case 'waitNodes':
        await waitForNodes(name, plan.pool?.nodes ?? []);
        return;
      case 'pool':
        await writer.k8sDelete({ model: MachineConfigPoolModel, resource });
    }
  };
  onProgress(steps);
  for (const step of deleteSteps(plan)) {
    update(step.id, { status: 'running', error: undefined });
    try {
      await run(step);
      update(step.id, { status: 'done' });
    } catch (error) {
      if (alreadyGone(error, step.target)) {
        update(step.id, { status: 'done' });
        continue;
      }
      update(step.id, { status: 'failed', error });
      return { outcome: 'failed', failedStep: { ...step, status: 'failed', error }, error };
    }
  }
  return { outcome: 'deleted' };
};
