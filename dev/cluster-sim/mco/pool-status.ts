/**
 * MachineConfigPool status as MCO's node controller computes it (pkg/controller/node/status.go
 * calculateStatus, GetMachinesByState): machine counts, Updated/Updating, NodeDegraded, Degraded, and
 * status.configuration once every node has finished. Conditions change as SetMachineConfigPoolCondition
 * changes them: an unchanged condition stays put; a changed one moves to the end, keeping its
 * lastTransitionTime when only the message changed.
 */
import type { NodeObject, PoolObject, PoolStatus } from '../core/kube-types';
import { ANNOTATIONS } from './constants';
import { isNodeDegraded, isNodeReady, isUnavailableForUpdate, isUpdatedFor } from './node-state';

type PoolCondition = NonNullable<PoolStatus['conditions']>[number];

/** SetMachineConfigPoolCondition, on a status object in place. */
export const setPoolCondition = (
  status: PoolStatus,
  type: string,
  conditionStatus: PoolCondition['status'],
  reason: string,
  message: string,
  now: string,
): void => {
  const conditions = status.conditions ?? [];
  const current = conditions.find((c) => c.type === type);
  if (
    current?.status === conditionStatus &&
    (current.reason ?? '') === reason &&
    (current.message ?? '') === message
  ) {
    status.conditions = conditions;
    return;
  }
  const lastTransitionTime =
    current?.status === conditionStatus ? (current.lastTransitionTime ?? now) : now;
  status.conditions = [
    ...conditions.filter((c) => c.type !== type),
    { lastTransitionTime, message, reason, status: conditionStatus, type },
  ];
};

const poolConditionTrue = (status: PoolStatus | undefined, type: string): boolean =>
  status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

/** The new status of `pool`, whose member nodes (by primary pool) are `nodes`. */
export const calculatePoolStatus = (
  pool: PoolObject,
  nodes: NodeObject[],
  now: string,
): PoolStatus => {
  const target = pool.spec.configuration?.name ?? '';
  const machineCount = nodes.length;
  // One pass over the nodes: large pools are recomputed after every change of one of their nodes.
  let updatedCount = 0;
  let readyCount = 0;
  let unavailableCount = 0;
  const degraded: NodeObject[] = [];
  for (const node of nodes) {
    const ready = isNodeReady(node);
    if (isUpdatedFor(node, target)) {
      updatedCount++;
      if (ready) readyCount++;
    }
    if (!ready || isUnavailableForUpdate(node)) unavailableCount++;
    if (isNodeDegraded(node)) degraded.push(node);
  }

  const previous = pool.status ?? {};
  const status: PoolStatus = {
    ...(previous.conditions === undefined
      ? {}
      : { conditions: structuredClone(previous.conditions) }),
    configuration: structuredClone(previous.configuration ?? {}),
    degradedMachineCount: degraded.length,
    machineCount,
    observedGeneration: pool.metadata.generation ?? 1,
    poolSynchronizersStatus: [
      {
        availableMachineCount: machineCount - unavailableCount,
        machineCount,
        poolSynchronizerType: 'PinnedImageSets',
        readyMachineCount: readyCount,
        unavailableMachineCount: unavailableCount,
        // No PinnedImageSets here, so every machine counts as synchronised.
        updatedMachineCount: machineCount,
      },
    ],
    readyMachineCount: readyCount,
    unavailableMachineCount: unavailableCount,
    updatedMachineCount: updatedCount,
  };

  const allUpdated =
    updatedCount === machineCount && readyCount === machineCount && unavailableCount === 0;
  if (allUpdated) {
    setPoolCondition(
      status,
      'Updated',
      'True',
      '',
      `All nodes are updated with MachineConfig ${target}`,
      now,
    );
    setPoolCondition(status, 'Updating', 'False', '', '', now);
    status.configuration = structuredClone(pool.spec.configuration ?? {});
  } else {
    setPoolCondition(status, 'Updated', 'False', '', '', now);
    if (pool.spec.paused === true) {
      setPoolCondition(
        status,
        'Updating',
        'False',
        '',
        `Pool is paused; will not update to MachineConfig ${target}`,
        now,
      );
    } else {
      setPoolCondition(
        status,
        'Updating',
        'True',
        '',
        `All nodes are updating to MachineConfig ${target}`,
        now,
      );
    }
  }

  const reasons = degraded
    .map((n) => [n.metadata.name, n.metadata.annotations?.[ANNOTATIONS.reason] ?? ''] as const)
    .filter(([, reason]) => reason !== '')
    .map(([name, reason]) => `Node ${name} is reporting: ${JSON.stringify(reason)}`);
  const nodeDegradedMessage = reasons.join(', ');
  if (degraded.length > 0) {
    setPoolCondition(
      status,
      'NodeDegraded',
      'True',
      `${String(degraded.length)} nodes are reporting degraded status on sync`,
      nodeDegradedMessage,
      now,
    );
  } else {
    setPoolCondition(status, 'NodeDegraded', 'False', '', '', now);
  }
  const renderDegraded = poolConditionTrue(pool.status, 'RenderDegraded');
  if (degraded.length > 0 || renderDegraded) {
    setPoolCondition(
      status,
      'Degraded',
      'True',
      '',
      degraded.length > 0 ? nodeDegradedMessage : '',
      now,
    );
  } else {
    setPoolCondition(status, 'Degraded', 'False', '', '', now);
  }
  return status;
};
