import type { K8sResourceKind } from '@openshift-console/dynamic-plugin-sdk';

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export const conditions = (obj: K8sResourceKind): Condition[] =>
  ((obj.status?.conditions ?? []) as Condition[]).filter((c) => typeof c.type === 'string');

export const conditionIsTrue = (obj: K8sResourceKind, type: string): boolean =>
  conditions(obj).some((c) => c.type === type && c.status === 'True');

/** Node roles from `node-role.kubernetes.io/<role>` labels, as console lists them. */
export const nodeRoles = (obj: K8sResourceKind): string[] =>
  Object.keys(obj.metadata?.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .sort();

export const annotation = (obj: K8sResourceKind, key: string): string | undefined =>
  obj.metadata?.annotations?.[key];

/** MachineConfigPool update state in console's words. */
export const poolUpdateStatus = (obj: K8sResourceKind): string => {
  if (conditionIsTrue(obj, 'Degraded')) {
    return 'Degraded';
  }
  if (conditionIsTrue(obj, 'Updating')) {
    return 'Updating';
  }
  if (conditionIsTrue(obj, 'Updated')) {
    return 'Up to date';
  }
  return 'Unknown';
};
