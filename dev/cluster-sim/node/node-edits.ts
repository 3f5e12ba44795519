/** Edits of a Node draft: the Ready condition as the kubelet posts it, taints, annotations. */
import type { NodeObject, Taint } from '../core/kube-types';

export const KUBELET_READY = { reason: 'KubeletReady', message: 'kubelet is posting ready status' };
export const KUBELET_SHUTTING_DOWN = {
  reason: 'KubeletNotReady',
  message: 'node is shutting down',
};
export const KUBELET_NETWORK_NOT_READY = {
  reason: 'KubeletNotReady',
  message:
    'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: No CNI configuration file in /etc/kubernetes/cni/net.d/. Has your network provider started?',
};

/** Sets the Ready condition; lastTransitionTime moves only when the status changes. */
export const setReady = (
  node: NodeObject,
  ready: boolean,
  { reason, message }: { reason: string; message: string },
  now: string,
): void => {
  const status = ready ? 'True' : 'False';
  const condition = node.status.conditions.find((c) => c.type === 'Ready');
  if (condition === undefined) {
    node.status.conditions.push({
      type: 'Ready',
      status,
      reason,
      message,
      lastHeartbeatTime: now,
      lastTransitionTime: now,
    });
    return;
  }
  if (condition.status !== status) condition.lastTransitionTime = now;
  condition.status = status;
  condition.reason = reason;
  condition.message = message;
  condition.lastHeartbeatTime = now;
};

export const addTaint = (node: NodeObject, taint: Taint): void => {
  const taints = (node.spec.taints ??= []);
  if (!taints.some((t) => t.key === taint.key && t.effect === taint.effect)) taints.push(taint);
};

export const removeTaint = (node: NodeObject, key: string): void => {
  if (node.spec.taints === undefined) return;
  node.spec.taints = node.spec.taints.filter((t) => t.key !== key);
  if (node.spec.taints.length === 0) Reflect.deleteProperty(node.spec, 'taints');
};

export const hasTaint = (node: NodeObject, key: string): boolean =>
  (node.spec.taints ?? []).some((t) => t.key === key);

export const setAnnotations = (node: NodeObject, annotations: Record<string, string>): void => {
  node.metadata.annotations = { ...node.metadata.annotations, ...annotations };
};
