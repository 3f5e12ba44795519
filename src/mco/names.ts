/**
 * The names MCO reads and writes on nodes, pools and MachineConfigNodes (machine-config-operator
 * pkg/daemon/constants, pkg/helpers, and openshift/api machineconfiguration/v1).
 */

/**
 * Node annotations the machine-config daemon, node controller and drain controller maintain. Written out
 * in full: string literals are interned, so reading an annotation with them does not hash a new string.
 */
export const NODE_ANNOTATION = {
  currentConfig: 'machineconfiguration.openshift.io/currentConfig',
  desiredConfig: 'machineconfiguration.openshift.io/desiredConfig',
  state: 'machineconfiguration.openshift.io/state',
  reason: 'machineconfiguration.openshift.io/reason',
  desiredDrain: 'machineconfiguration.openshift.io/desiredDrain',
  lastAppliedDrain: 'machineconfiguration.openshift.io/lastAppliedDrain',
  postConfigAction: 'machineconfiguration.openshift.io/post-config-action',
  currentImage: 'machineconfiguration.openshift.io/currentImage',
  desiredImage: 'machineconfiguration.openshift.io/desiredImage',
} as const;

/** On rendered MachineConfigs: the OpenShift release the config belongs to. */
export const RELEASE_IMAGE_VERSION_ANNOTATION =
  'machineconfiguration.openshift.io/release-image-version';

/** Values of the state annotation. MCO never writes "Rebooting", but `oc adm upgrade status` reads it. */
export const DAEMON_STATE = {
  done: 'Done',
  working: 'Working',
  degraded: 'Degraded',
  unreconcilable: 'Unreconcilable',
  rebooting: 'Rebooting',
} as const;

/** The post-config-action value MCD sets just before it reboots the node. */
export const POST_CONFIG_ACTION_REBOOTING = 'Rebooting';

/** desiredDrain / lastAppliedDrain are "drain-<rendered>" or "uncordon-<rendered>". */
export const DRAIN_VERB = 'drain';

/** MachineConfigNode status.configVersion.desired before the daemon has checked the update. */
export const MCN_DESIRED_NOT_YET_SET = 'not-yet-set';

/** Pools whose nodes never move to a custom pool; "worker" is the base every custom pool inherits. */
export const MASTER_POOL = 'master';
export const ARBITER_POOL = 'arbiter';
export const WORKER_POOL = 'worker';

/** On MachineConfigs: the pool role whose configs they are; pools select configs by it. */
export const ROLE_LABEL = 'machineconfiguration.openshift.io/role';

/** The node label kubelet sets to the node's OS; MCO leaves nodes labelled "windows" alone. */
export const OS_LABEL = 'kubernetes.io/os';
export const WINDOWS_OS = 'windows';

/** Pool conditions (openshift/api machineconfiguration/v1). */
export const POOL_CONDITION = {
  updated: 'Updated',
  updating: 'Updating',
  degraded: 'Degraded',
  nodeDegraded: 'NodeDegraded',
  renderDegraded: 'RenderDegraded',
} as const;

/** The node taint the drain controller adds when it cordons. */
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
