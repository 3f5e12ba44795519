import type {
  ClusterVersion,
  MachineConfig,
  MachineConfigNode,
  MachineConfigPool,
  Node,
} from '../k8s/types';
import type { Day1ConfigSummary } from '../producer';
import type { NodeMessage, PoolMessage } from './messages';

/**
 * What the rollout is derived from: the lists a console page watches, or what
 * `oc get machineconfigpools,nodes,machineconfignodes,machineconfigs -o yaml` prints. Objects may be
 * malformed; nothing here is trusted.
 */
export interface RolloutInput {
  pools: readonly MachineConfigPool[];
  nodes: readonly Node[];
  /** OpenShift 4.19 and later; without them the phases come from the node annotations. */
  machineConfigNodes?: readonly MachineConfigNode[];
  /** To recognise Day 1 configs by their content, and the release of rendered configs. */
  machineConfigs?: readonly MachineConfig[];
  /**
   * During a cluster update: a node is then Updated only once its config belongs to the release the
   * cluster updates to, as `oc adm upgrade status` judges it. Needs the rendered MachineConfigs.
   */
  clusterVersion?: ClusterVersion;
}

/**
 * A node's phase, with `oc adm upgrade status`'s words, plus Degraded (which oc shows as an assessment):
 * - Pending: MCO has yet to update it to its pool's target;
 * - Paused: its pool is paused and it is not on the target;
 * - Draining, Updating, Rebooting: MCO is updating it;
 * - Updated: it runs its pool's target config;
 * - RebootingForDay1: MCO is done with it, but it is down again for the Day 1 image reboot, or back
 *   and not yet saying whether the module loaded (set from its Day 1 state, ./day1-rollout);
 * - Degraded: the machine-config daemon failed on it.
 */
export type NodePhase =
  | 'Pending'
  | 'Draining'
  | 'Updating'
  | 'Rebooting'
  | 'RebootingForDay1'
  | 'Updated'
  | 'Degraded'
  | 'Paused';

export const NODE_PHASES: readonly NodePhase[] = [
  'Degraded',
  'Draining',
  'Updating',
  'Rebooting',
  'RebootingForDay1',
  'Paused',
  'Pending',
  'Updated',
];

/** Why a node is in its phase: a stable code for filters and translations (the message is English). */
export type NodeReason =
  /** Updated: on the target and Done. */
  | 'Done'
  /** Pending: waiting for MCO to target it (maxUnavailable) or for the cluster's release. */
  | 'AwaitingUpdate'
  /** Paused: its pool is paused. */
  | 'PoolPaused'
  /** Draining: targeted, and the daemon has not started yet. */
  | 'AwaitingDaemon'
  /** Draining: the daemon asked for a drain, or the drain controller is draining. */
  | 'Draining'
  /** Updating: the daemon prepares the update (compatibility checks). */
  | 'Preparing'
  /** Updating: files, units and OS being written. */
  | 'Applying'
  /** Updating: a post-config action other than a reboot (such as reloading CRI-O). */
  | 'PostConfigAction'
  /** Rebooting: the node reboots into its new config. */
  | 'Rebooting'
  /** Updating: after the reboot, the daemon resumes and asks for the uncordon. */
  | 'Completing'
  /** Updating: the daemon works, and says no more. */
  | 'Working'
  /** Degraded: state Degraded or MachineConfigNode NodeDegraded. */
  | 'Degraded'
  /** Degraded: the update cannot be applied on a running node. */
  | 'Unreconcilable'
  /** In no pool: no pool's nodeSelector matches it. */
  | 'NotInPool'
  /** In no pool: two or more custom pools match it, so MCO leaves it alone. */
  | 'PoolConflict'
  /** In no pool: MCO does not manage Windows nodes. */
  | 'NotManaged'
  /** No currentConfig yet: MCO has not taken the node over. */
  | 'NoConfig';

export interface NodeRollout {
  name: string;
  /** The node's pool by MCO's rule (master, then one custom pool, then worker); undefined if none. */
  pool?: string;
  phase: NodePhase;
  reason: NodeReason;
  /**
   * Why the node is in its phase: MCO's words where it says something (degraded reason, drain errors),
   * else ours as a code; undefined when there is nothing to add (updated and ready).
   */
  message: NodeMessage | undefined;
  currentConfig?: string;
  desiredConfig?: string;
  /** When the node entered its phase (RFC 3339), from MCO's timestamps or from what was observed. */
  since?: string;
  /** When the node's current update started (RFC 3339), while it is being updated or degraded. */
  updateStartedAt?: string;
  /** Where the phase came from. */
  source: 'MachineConfigNode' | 'annotations';
  /** MCO's readiness: Ready, no disk pressure, network available, schedulable. */
  ready: boolean;
  /**
   * The kubelet's Ready condition alone: false while the node is down or its kubelet has not started
   * (a cordon leaves it true).
   */
  kubeletReady: boolean;
  /** Counted in the pool's unavailableMachineCount (MCO's rule). */
  unavailable: boolean;
  /** Counted in degradedMachineCount: daemon state Degraded or Unreconcilable. */
  degraded: boolean;
  /** Counted in updatedMachineCount: Done on the pool's target. */
  updated: boolean;
  /** status.nodeInfo, for the Day 1 follow-up (a status file from another boot is stale). */
  bootID?: string;
  kernelVersion?: string;
}

/**
 * RenderDegraded (MCO cannot render the pool's configs) wins over Degraded (a node or the pool reports
 * degraded), which wins over Paused (paused with nodes still to update), then Updated (every node on
 * the target; a paused pool in that state is Updated with `paused: true`) or Updating.
 */
export type PoolState = 'Updated' | 'Updating' | 'Paused' | 'Degraded' | 'RenderDegraded';

/** A Day 1 MachineConfig among the sources of a pool's target rendered config. */
export interface Day1ConfigInTarget {
  name: string;
  /** By content (readDay1MachineConfig on the MachineConfig) or, without the object, by its name. */
  recognisedBy: 'content' | 'name';
  summary?: Day1ConfigSummary;
  /** The MachineConfig itself, when recognised by content: its owners tell who manages it. */
  machineConfig?: MachineConfig;
  /** Not in the config every node already has (status.configuration): this rollout brings it. */
  new: boolean;
}

export interface PoolRollout {
  name: string;
  machineCount: number;
  updatedMachineCount: number;
  readyMachineCount: number;
  unavailableMachineCount: number;
  degradedMachineCount: number;
  paused: boolean;
  state: PoolState;
  /** The pool condition's message for the state, or ours when the pool's status lags. */
  message: PoolMessage;
  /** spec.configuration.name: the rendered config the pool moves its nodes to. */
  targetConfig?: string;
  /** status.configuration.name: the rendered config every node had reached last. */
  currentConfig?: string;
  day1Configs: Day1ConfigInTarget[];
  /** Nodes in phase Updated, in whole percent, rounded down so that 100 means done. */
  completion: number;
  /** Nodes MCO updates at once (spec.maxUnavailable resolved). */
  maxUnavailable: number;
  /** Seconds until every node is updated; undefined when the pool cannot finish on its own. */
  estimatedSecondsLeft?: number;
  /** Whether the estimate uses node durations seen in this cluster or the documented defaults. */
  estimateBasis: 'observed' | 'default';
  /** The estimate's duration per node (ms): the median of those observed, or the default. */
  estimatePerNodeMs: number;
  /** Added after a node's update (ms): its Day 1 reboot when the rollout brings a Day 1 config, else 0. */
  estimateTailMs: number;
  phaseCounts: Record<NodePhase, number>;
  /** Sorted by name. */
  nodes: readonly NodeRollout[];
}

export interface Rollout {
  /** master, arbiter and worker first, then the custom pools by name. */
  pools: PoolRollout[];
  /** Nodes in no pool (no selector matches, several custom pools match, or Windows), by name. */
  unpooledNodes: NodeRollout[];
}
