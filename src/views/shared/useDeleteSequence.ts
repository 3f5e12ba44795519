import { useCallback, useEffect, useRef, useState } from 'react';
import { k8sDelete, k8sPatch } from '@openshift-console/dynamic-plugin-sdk';
import { nodeHasLeftPool } from '../../mco/pool-removal';
import type { Node } from '../../k8s/types';
import { runDelete } from './delete-sequence';
import type { DeletePlan, DeleteResult, DeleteStep } from './delete-sequence';

type DeleteFailure = Extract<DeleteResult, { outcome: 'failed' }>;

interface Waiter {
  pool: string;
  nodes: string[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** What rejects the wait when the user stops it: the pool stays, and the page says so. */
export class StoppedWaiting extends Error {
  constructor() {
    super('stopped waiting for the nodes to leave the pool');
    this.name = 'StoppedWaiting';
  }
}

export interface DeleteSequence {
  steps: DeleteStep[];
  running: boolean;
  failure?: DeleteFailure;
  /** While the sequence waits for the nodes: how many have left the pool. */
  nodesLeft?: { done: number; total: number };
  /** Runs the plan (again after a failure: what is gone counts as done); resolves with the result. */
  start: (plan: DeletePlan) => Promise<DeleteResult | undefined>;
  /** Stops waiting for the nodes: the pool is not deleted. */
  stopWaiting: () => void;
}

const leftCount = (waiter: Waiter, nodes: readonly Node[]): number => {
  const byName = new Map(nodes.map((node) => [node.metadata.name, node]));
  return waiter.nodes.filter((name) => {
    const node = byName.get(name);
    // A node deleted meanwhile is not in the pool any more.
    return node === undefined || nodeHasLeftPool(node, waiter.pool);
  }).length;
};

/**
 * The delete sequence with the console SDK's writers. It waits for the nodes on `nodes` (the page's
 * Node watch, `nodesLoaded` once listed): each change is checked, no polling.
 */
export const useDeleteSequence = (nodes: readonly Node[], nodesLoaded: boolean): DeleteSequence => {
  const [steps, setSteps] = useState<DeleteStep[]>([]);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<DeleteFailure>();
  const [waiter, setWaiter] = useState<Waiter>();
  const runningRef = useRef(false);

  const done = waiter && nodesLoaded ? leftCount(waiter, nodes) : 0;
  // Resolving settles the wait's promise, which then clears the waiter (a second resolve does nothing).
  useEffect(() => {
    if (waiter && nodesLoaded && done === waiter.nodes.length) waiter.resolve();
  }, [waiter, nodesLoaded, done]);

  const start = useCallback(async (plan: DeletePlan) => {
    if (runningRef.current) return undefined;
    runningRef.current = true;
    setRunning(true);
    setFailure(undefined);
    const waitForNodes = (pool: string, names: string[]) =>
      new Promise<void>((resolve, reject) => {
        setWaiter({ pool, nodes: names, resolve, reject });
      }).finally(() => {
        setWaiter(undefined);
      });
    const result = await runDelete(plan, { k8sPatch, k8sDelete }, waitForNodes, setSteps);
    runningRef.current = false;
    setRunning(false);
    if (result.outcome === 'failed') setFailure(result);
    return result;
  }, []);

  const stopWaiting = useCallback(() => {
    waiter?.reject(new StoppedWaiting());
  }, [waiter]);

  return {
    steps,
    running,
    failure,
    nodesLeft: waiter ? { done, total: waiter.nodes.length } : undefined,
    start,
    stopWaiting,
  };
};
