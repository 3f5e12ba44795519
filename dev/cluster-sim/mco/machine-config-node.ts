/**
 * MachineConfigNode objects and their conditions, following MCO's upgrademonitor
 * (GenerateAndApplyMachineConfigNodes): a parent condition and an optional child condition per call,
 * `Updated=True` resetting every other condition to False with an "Action during update to …" message,
 * and status.configVersion following the node annotations.
 */
import type { MachineConfigNodeObject, MetaCondition, NodeObject } from '../core/kube-types';
import { ANNOTATIONS, MCO_API_VERSION } from './constants';

export type ConditionStatus = MetaCondition['status'];

/** The condition types MCO 4.19/4.20 creates on every MachineConfigNode, in its order. */
const MCN_CONDITION_TYPES = [
  'UpdatePrepared',
  'UpdateExecuted',
  'UpdatePostActionComplete',
  'UpdateComplete',
  'Resumed',
  'Drained',
  'AppliedFilesAndOS',
  'Cordoned',
  'RebootedNode',
  'Updated',
  'Uncordoned',
  'NodeDegraded',
  'PinnedImageSetsDegraded',
  'PinnedImageSetsProgressing',
] as const;

type McnConditionType = (typeof MCN_CONDITION_TYPES)[number];

export interface McnCondition {
  type: McnConditionType;
  reason: string;
  message: string;
}

/** Placeholder MCO puts in status.configVersion.desired until an update is known to be compatible. */
const NOT_YET_SET = 'not-yet-set';

const notYetOccurred = (type: string, now: string): MetaCondition => ({
  type,
  status: 'False',
  reason: 'NotYetOccurred',
  message: `This node has not yet entered the ${type} phase`,
  lastTransitionTime: now,
});

/** A new MachineConfigNode for a node, owned by the node, as MCO creates it. */
export const newMachineConfigNode = (
  node: NodeObject,
  pool: string,
  now: string,
): MachineConfigNodeObject => {
  const desired = node.metadata.annotations?.[ANNOTATIONS.desiredConfig] ?? NOT_YET_SET;
  const current = node.metadata.annotations?.[ANNOTATIONS.currentConfig];
  const updated = desired !== NOT_YET_SET && current === desired;
  return {
    apiVersion: MCO_API_VERSION,
    kind: 'MachineConfigNode',
    metadata: {
      name: node.metadata.name,
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid ?? '' },
      ],
    },
    spec: {
      configVersion: { desired },
      node: { name: node.metadata.name },
      pool: { name: pool },
    },
    status: {
      conditions: MCN_CONDITION_TYPES.map((type) =>
        type === 'Updated' && updated
          ? {
              type,
              status: 'True',
              reason: 'Updated',
              message: `Node ${node.metadata.name} Updated`,
              lastTransitionTime: now,
            }
          : notYetOccurred(type, now),
      ),
      configVersion: { ...(current === undefined ? {} : { current }), desired },
      observedGeneration: 1,
    },
  };
};

/**
 * Applies one parent (and optional child) condition to a MachineConfigNode in place, the way
 * upgrademonitor does. Returns false when nothing changed (same parent status and message).
 */
export const applyMcnConditions = (
  mcn: MachineConfigNodeObject,
  node: NodeObject,
  parent: McnCondition,
  parentStatus: ConditionStatus,
  child: McnCondition | undefined,
  childStatus: ConditionStatus,
  now: string,
): boolean => {
  const status = (mcn.status ??= {});
  const conditions = (status.conditions ??= []);
  const existingParent = conditions.find((c) => c.type === parent.type);
  // As in MCO, an unchanged parent (status and message) means there is nothing to apply.
  if (existingParent?.status === parentStatus && existingParent.message === parent.message) {
    return false;
  }
  const reset = parent.type === 'Updated';
  const set = (condition: McnCondition, conditionStatus: ConditionStatus): MetaCondition => ({
    ...condition,
    status: conditionStatus,
    lastTransitionTime: now,
  });
  const updatedConditions: MetaCondition[] = [];
  for (const condition of conditions) {
    if (condition.type === 'Updated' && condition.status === 'True' && parent.type !== 'Updated') {
      // MCO reads any other phase while Updated=True as a change made outside an MCO update.
      updatedConditions.push({
        type: 'Updated',
        status: 'False',
        reason: 'Updated',
        message: 'This node is not updated, sensed disruption via a manual update.',
        lastTransitionTime: now,
      });
    } else if (condition.type === child?.type) {
      updatedConditions.push(set(child, childStatus));
    } else if (condition.type === parent.type) {
      updatedConditions.push(set(parent, parentStatus));
    } else if (reset && condition.status !== 'False') {
      updatedConditions.push({
        ...condition,
        status: 'False',
        lastTransitionTime: now,
        message: `Action during update to ${mcn.spec.configVersion.desired}: ${condition.message}`,
      });
    } else {
      updatedConditions.push(condition);
    }
  }
  if (child !== undefined && !conditions.some((c) => c.type === child.type)) {
    updatedConditions.push(set(child, childStatus));
  }
  if (existingParent === undefined) updatedConditions.push(set(parent, parentStatus));
  status.conditions = updatedConditions;

  // status.configVersion.desired stays a placeholder until the update is known to be compatible.
  const desiredAnnotation = node.metadata.annotations?.[ANNOTATIONS.desiredConfig] ?? '';
  const compatible =
    (parent.type === 'UpdatePrepared' && parentStatus === 'True') ||
    (parent.type !== 'UpdatePrepared' && desiredAnnotation !== '');
  const current = node.metadata.annotations?.[ANNOTATIONS.currentConfig];
  const knownCurrent = current ?? status.configVersion?.current;
  status.configVersion = {
    ...(knownCurrent === undefined || knownCurrent === '' ? {} : { current: knownCurrent }),
    desired: compatible ? desiredAnnotation : NOT_YET_SET,
  };
  status.observedGeneration = mcn.metadata.generation ?? 1;
  return true;
};
