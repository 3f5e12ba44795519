/**
 * How MCO reads a node (pkg/controller/common LayeredNodeState, non-layered pools): ready, done,
 * failing, unavailable for an update, updated for a pool.
 */
import type { NodeObject } from '../core/kube-types';
import { ANNOTATIONS } from './constants';
import type { DaemonState } from './constants';

const annotation = (node: NodeObject, key: string): string =>
  node.metadata.annotations?.[key] ?? '';

export const daemonState = (node: NodeObject): DaemonState | '' =>
  annotation(node, ANNOTATIONS.state) as DaemonState | '';

export const currentConfigOf = (node: NodeObject): string =>
  annotation(node, ANNOTATIONS.currentConfig);

export const desiredConfigOf = (node: NodeObject): string =>
  annotation(node, ANNOTATIONS.desiredConfig);

const conditionStatus = (node: NodeObject, type: string): string | undefined =>
  node.status.conditions.find((c) => c.type === type)?.status;

/** CheckNodeReady: kubelet Ready, no disk pressure, network available, and schedulable. */
export const isNodeReady = (node: NodeObject): boolean =>
  conditionStatus(node, 'Ready') === 'True' &&
  conditionStatus(node, 'DiskPressure') !== 'True' &&
  conditionStatus(node, 'NetworkUnavailable') !== 'True' &&
  node.spec.unschedulable !== true;

/** Current and desired configs set and equal, and the daemon Done. */
const isNodeDone = (node: NodeObject): boolean =>
  currentConfigOf(node) !== '' &&
  currentConfigOf(node) === desiredConfigOf(node) &&
  daemonState(node) === 'Done';

/** The daemon gave up on its desired config. */
export const isNodeMCDFailing = (node: NodeObject): boolean =>
  currentConfigOf(node) !== desiredConfigOf(node) &&
  (daemonState(node) === 'Degraded' || daemonState(node) === 'Unreconcilable');

export const isNodeDegraded = (node: NodeObject): boolean =>
  daemonState(node) === 'Degraded' || daemonState(node) === 'Unreconcilable';

/** Not ready, or working towards a config (a failing daemon can be retargeted, so it is not counted). */
export const isUnavailableForUpdate = (node: NodeObject): boolean =>
  !isNodeReady(node) || (!isNodeDone(node) && !isNodeMCDFailing(node));

/** Done on the pool's target config. */
export const isUpdatedFor = (node: NodeObject, target: string): boolean =>
  isNodeDone(node) && desiredConfigOf(node) === target;
