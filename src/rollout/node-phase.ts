/**
 * One node's rollout phase, from its annotations and, when it has one, its MachineConfigNode.
 *
 * The rules are those of `oc adm upgrade status` (openshift/oc pkg/cli/admin/upgrade/status,
 * workerpool.go), keyed on rendered configs instead of OpenShift versions, with three deliberate
 * differences:
 * - a node whose current and desired configs differ is being updated even if its desired config is no
 *   longer the pool's target (oc calls it Pending, but the daemon carries on with it);
 * - Rebooting also comes from MCO's `post-config-action: Rebooting` annotation, from the node going
 *   NotReady once drained for its new config, and from MachineConfigNode's RebootedNode=Unknown (oc only
 *   reads a "Rebooting" state, which MCO never writes);
 * - Degraded is a phase (oc shows it as an assessment next to the phase).
 * With a ClusterVersion, a node on an older release is not Updated, as in oc.
 */
import { asRecord, parseTime, text, timestampUpTo, toISO } from './loose';
import type { LooseRecord } from './loose';
// From the module, not the src/mco index: in CommonJS (the CLI, Jest, the bench) an index's re-exports
// are getters, paid on every read in the derivation's per-node loop (about 2x on `large`).
import {
  DAEMON_STATE,
  DRAIN_VERB,
  MCN_DESIRED_NOT_YET_SET,
  NODE_ANNOTATION,
  POST_CONFIG_ACTION_REBOOTING,
  UNSCHEDULABLE_TAINT,
} from '../mco/names';
import type { NodeMessage, NotReadyReason } from './messages';
import { readDrainBlock } from './drain-block';
import type { NodePhase, NodeReason, NodeRollout } from './types';

/** What a node's phase needs from its pool. */
export interface PoolTarget {
  name: string;
  /** spec.configuration.name; undefined before the pool is first rendered. */
  target?: string;
  paused: boolean;
}

/** The release a cluster updates to, and the release of each rendered config. */
export interface ReleaseTarget {
  version: string;
  versionOf: ReadonlyMap<string, string>;
}

export type NodeMembership =
  { pool: PoolTarget } | { conflict: string[] } | { windows: true } | { none: true };

/** MachineConfigNode conditions the phase reads, as found (raw). */
interface McnConditions {
  updated?: LooseRecord;
  prepared?: LooseRecord;
  executed?: LooseRecord;
  postAction?: LooseRecord;
  complete?: LooseRecord;
  resumed?: LooseRecord;
  drained?: LooseRecord;
  cordoned?: LooseRecord;
  applied?: LooseRecord;
  rebooted?: LooseRecord;
  degraded?: LooseRecord;
}

/**
 * Updated and NodeDegraded only: all a node needs unless it is being updated. The last of each type
 * counts, so the list is read from its end, and only until both are found: they usually come after
 * the steps of an update, and on thousands of nodes each condition read is a fetch from memory.
 */
const readMcnSummary = (list: unknown): McnConditions => {
  const found: McnConditions = { updated: undefined, degraded: undefined };
  if (!Array.isArray(list)) return found;
  const conditions = list as (LooseRecord | null | undefined)[];
  for (let i = conditions.length - 1; i >= 0; i--) {
    // Property reads on a primitive give undefined, so no type check is needed to find a type.
    const condition = conditions[i];
    const type = condition?.type;
    if (type === 'Updated') found.updated ??= condition ?? undefined;
    else if (type === 'NodeDegraded') found.degraded ??= condition ?? undefined;
    else continue;
    if (found.updated !== undefined && found.degraded !== undefined) break;
  }
  return found;
};

/** Every condition the steps of an update are read from. */
const readMcnConditions = (list: unknown): McnConditions => {
  const found: McnConditions = {};
  if (!Array.isArray(list)) return found;
  for (const raw of list as unknown[]) {
    const condition = asRecord(raw);
    if (condition === undefined) continue;
    switch (condition.type) {
      case 'Updated':
        found.updated = condition;
        break;
      case 'UpdatePrepared':
        found.prepared = condition;
        break;
      case 'UpdateExecuted':
        found.executed = condition;
        break;
      case 'UpdatePostActionComplete':
        found.postAction = condition;
        break;
      case 'UpdateComplete':
        found.complete = condition;
        break;
      case 'Resumed':
        found.resumed = condition;
        break;
      case 'Drained':
        found.drained = condition;
        break;
      case 'Cordoned':
        found.cordoned = condition;
        break;
      // AppliedFiles, AppliedOSImage and ImagePulledFromRegistry replace AppliedFilesAndOS behind a gate.
      case 'AppliedFilesAndOS':
      case 'AppliedFiles':
      case 'AppliedOSImage':
      case 'ImagePulledFromRegistry':
        if (found.applied?.status !== 'Unknown') found.applied = condition;
        break;
      case 'RebootedNode':
        found.rebooted = condition;
        break;
      case 'NodeDegraded':
        found.degraded = condition;
        break;
      default:
        break;
    }
  }
  return found;
};

const statusOf = (condition: LooseRecord | undefined): unknown => condition?.status;
/** The condition's message, MCO's words, when it has one. */
const messageOf = (condition: LooseRecord | undefined): NodeMessage | undefined => {
  const message = text(condition?.message);
  return message === undefined ? undefined : { code: 'mco', params: { text: message } };
};
/** A condition's lastTransitionTime as written (a "stamp": read with timestampUpTo at the end). */
const sinceOf = (condition: LooseRecord | undefined): unknown => condition?.lastTransitionTime;

/** The latest lastTransitionTime of the given conditions. */
const latestSince = (...conditions: (LooseRecord | undefined)[]): unknown => {
  let latest: unknown;
  let latestMs = -Infinity;
  for (const condition of conditions) {
    const ms = parseTime(sinceOf(condition));
    if (ms !== undefined && ms > latestMs) {
      latestMs = ms;
      latest = sinceOf(condition);
    }
  }
  return latest;
};

interface Readiness {
  /** Why the node is not ready, in oc's order; empty when it is. */
  reasons: readonly NotReadyReason[];
  /** The kubelet's Ready condition is not True. */
  readyFalse: boolean;
  /** Ready's lastTransitionTime as written, when Ready is not True. */
  readySince?: unknown;
}

const READY: Readiness = { reasons: [], readyFalse: false };

/** MCO's readiness (checkNodeReady): Ready, no disk pressure, network available, schedulable. */
const readinessOf = (status: LooseRecord | undefined, spec: LooseRecord | undefined): Readiness => {
  let notReady: LooseRecord | undefined;
  let diskPressure = false;
  let networkUnavailable = false;
  const conditions = status?.conditions;
  if (Array.isArray(conditions)) {
    for (const raw of conditions as unknown[]) {
      const condition = asRecord(raw);
      if (condition === undefined) continue;
      const { type, status } = condition;
      if (type === 'Ready') {
        if (status !== 'True') notReady = condition;
      } else if (type === 'DiskPressure') diskPressure = status !== 'False';
      else if (type === 'NetworkUnavailable') networkUnavailable = status !== 'False';
    }
  }
  const unschedulable = spec?.unschedulable === true;
  // Most nodes are ready: no allocation for them.
  if (notReady === undefined && !diskPressure && !networkUnavailable && !unschedulable) {
    return READY;
  }
  const reasons: NotReadyReason[] = [];
  if (notReady !== undefined) reasons.push('NotReady');
  if (diskPressure) reasons.push('DiskPressure');
  if (networkUnavailable) reasons.push('NetworkUnavailable');
  if (unschedulable) reasons.push('Unschedulable');
  return {
    reasons,
    readyFalse: notReady !== undefined,
    readySince: notReady?.lastTransitionTime,
  };
};

/** When the drain controller cordoned the node, from its unschedulable taint. */
const cordonedSince = (spec: LooseRecord | undefined): unknown => {
  const taints = spec?.taints;
  if (!Array.isArray(taints)) return undefined;
  for (const raw of taints as unknown[]) {
    const taint = asRecord(raw);
    if (taint?.key === UNSCHEDULABLE_TAINT) return taint.timeAdded;
  }
  return undefined;
};

/** A node's MCO annotations, as written (any type). */
interface McoAnnotations {
  currentConfig: unknown;
  desiredConfig: unknown;
  state: unknown;
  reason: unknown;
  desiredDrain: unknown;
  lastAppliedDrain: unknown;
  postConfigAction: unknown;
  currentImage: unknown;
  desiredImage: unknown;
}

/**
 * One pass over a node's annotation keys. Objects from a watch do not all share one shape, and looking
 * up keys a node lacks (the image annotations, mostly) in objects of many shapes costs far more than
 * walking the few keys each node has.
 */
const readMcoAnnotations = (annotations: LooseRecord | undefined): McoAnnotations => {
  const found: McoAnnotations = {
    currentConfig: undefined,
    desiredConfig: undefined,
    state: undefined,
    reason: undefined,
    desiredDrain: undefined,
    lastAppliedDrain: undefined,
    postConfigAction: undefined,
    currentImage: undefined,
    desiredImage: undefined,
  };
  for (const key in annotations) {
    switch (key) {
      case NODE_ANNOTATION.currentConfig:
        found.currentConfig = annotations[key];
        break;
      case NODE_ANNOTATION.desiredConfig:
        found.desiredConfig = annotations[key];
        break;
      case NODE_ANNOTATION.state:
        found.state = annotations[key];
        break;
      case NODE_ANNOTATION.reason:
        found.reason = annotations[key];
        break;
      case NODE_ANNOTATION.desiredDrain:
        found.desiredDrain = annotations[key];
        break;
      case NODE_ANNOTATION.lastAppliedDrain:
        found.lastAppliedDrain = annotations[key];
        break;
      case NODE_ANNOTATION.postConfigAction:
        found.postConfigAction = annotations[key];
        break;
      case NODE_ANNOTATION.currentImage:
        found.currentImage = annotations[key];
        break;
      case NODE_ANNOTATION.desiredImage:
        found.desiredImage = annotations[key];
        break;
      default:
        break;
    }
  }
  return found;
};

/** MCO's isNodeImageDone: image annotations only matter when one of them is present. */
const imageDone = ({ desiredImage, currentImage }: McoAnnotations): boolean => {
  if (desiredImage === undefined && currentImage === undefined) return true;
  return text(desiredImage) !== undefined && desiredImage === currentImage;
};

interface Progress {
  phase: 'Draining' | 'Updating' | 'Rebooting';
  reason: NodeReason;
  message: NodeMessage;
  since?: unknown;
}

/** A drain in progress: why it does not finish when the drain controller says, else its words. */
const drainMessage = (drained: LooseRecord | undefined): NodeMessage => {
  const message = text(drained?.message);
  const block = readDrainBlock(message);
  if (message !== undefined && block !== undefined) {
    return { code: 'drainBlocked', params: { ...block, text: message } };
  }
  return messageOf(drained) ?? { code: 'drainingNode', params: {} };
};

/** The step of an update in progress, from MachineConfigNode conditions; undefined when they do not say. */
const progressFromMcn = (c: McnConditions, desired: string): Progress | undefined => {
  if (statusOf(c.rebooted) === 'Unknown') {
    return {
      phase: 'Rebooting',
      reason: 'Rebooting',
      message: messageOf(c.rebooted) ?? { code: 'rebootingInto', params: { config: desired } },
      since: sinceOf(c.rebooted),
    };
  }
  if (statusOf(c.postAction) === 'Unknown') {
    return {
      phase: 'Updating',
      reason: 'PostConfigAction',
      message: messageOf(c.postAction) ?? {
        code: 'postConfigAction',
        params: { config: desired },
      },
      since: sinceOf(c.postAction),
    };
  }
  if (statusOf(c.applied) === 'Unknown') {
    return {
      phase: 'Updating',
      reason: 'Applying',
      message: messageOf(c.applied) ?? {
        code: 'writingFilesAndOS',
        params: { config: desired },
      },
      since: sinceOf(c.applied),
    };
  }
  const executed = statusOf(c.executed);
  if (statusOf(c.drained) === 'Unknown') {
    return {
      phase: 'Draining',
      reason: 'Draining',
      message: drainMessage(c.drained),
      since: statusOf(c.cordoned) === 'True' ? sinceOf(c.cordoned) : sinceOf(c.drained),
    };
  }
  if (statusOf(c.drained) === 'True' && executed !== 'True') {
    return {
      phase: 'Updating',
      reason: 'Applying',
      message: { code: 'drainedWriting', params: { config: desired } },
      since: sinceOf(c.drained),
    };
  }
  if (statusOf(c.cordoned) === 'True' && executed !== 'True') {
    return {
      phase: 'Draining',
      reason: 'Draining',
      message: messageOf(c.cordoned) ?? { code: 'cordonedDrainingNext', params: {} },
      since: sinceOf(c.cordoned),
    };
  }
  if (
    executed === 'True' ||
    statusOf(c.rebooted) === 'True' ||
    statusOf(c.resumed) === 'True' ||
    statusOf(c.complete) === 'True'
  ) {
    return {
      phase: 'Updating',
      reason: 'Completing',
      message: { code: 'appliedFinishing', params: { config: desired } },
      since: latestSince(c.executed, c.rebooted, c.resumed, c.complete),
    };
  }
  return undefined;
};

/** The step of an update in progress from the annotations, by oc's rules (isNodeDraining, mcdUpdatingStateToPhase). */
const progressFromAnnotations = (
  spec: LooseRecord | undefined,
  annotations: McoAnnotations,
  desired: string,
  state: string,
  readyConditionFalse: boolean,
  readySince: unknown,
): Progress => {
  const desiredDrain = text(annotations.desiredDrain);
  const appliedDrain = text(annotations.lastAppliedDrain);
  if (
    desiredDrain !== undefined &&
    appliedDrain !== undefined &&
    desiredDrain !== appliedDrain &&
    desiredDrain.split('-')[0] === DRAIN_VERB
  ) {
    return {
      phase: 'Draining',
      reason: 'Draining',
      message: { code: 'drainingNodeFor', params: { config: desired } },
      since: cordonedSince(spec),
    };
  }
  // Targeted, but the daemon has not moved from Done to Working yet: oc reports Draining, not Updated.
  if (state === DAEMON_STATE.done) {
    return {
      phase: 'Draining',
      reason: 'AwaitingDaemon',
      message: { code: 'awaitingDaemon', params: { config: desired } },
    };
  }
  const drainedForDesired = appliedDrain === `${DRAIN_VERB}-${desired}`;
  if (
    state === DAEMON_STATE.rebooting ||
    annotations.postConfigAction === POST_CONFIG_ACTION_REBOOTING ||
    (drainedForDesired && readyConditionFalse)
  ) {
    return {
      phase: 'Rebooting',
      reason: 'Rebooting',
      message: { code: 'rebootingInto', params: { config: desired } },
      since: readyConditionFalse ? readySince : undefined,
    };
  }
  // After the reboot the daemon asks for the uncordon while the last applied drain is still the drain.
  if (desiredDrain === `uncordon-${desired}`) {
    return {
      phase: 'Updating',
      reason: 'Completing',
      message: { code: 'appliedAwaitingUncordon', params: { config: desired } },
    };
  }
  if (drainedForDesired) {
    return {
      phase: 'Updating',
      reason: 'Applying',
      message: { code: 'writingFilesAndOS', params: { config: desired } },
    };
  }
  return {
    phase: 'Updating',
    reason: state === DAEMON_STATE.working ? 'Preparing' : 'Working',
    message: { code: 'daemonUpdating', params: { config: desired } },
  };
};

/**
 * A node's rollout. `name` is the node's metadata.name (the caller skips nodes without one); `mcn` its
 * MachineConfigNode, if any; `now` in ms (and as RFC 3339, when the caller has it). Never throws,
 * whatever the objects hold.
 */
export const deriveNodeRollout = (
  node: unknown,
  name: string,
  mcn: unknown,
  membership: NodeMembership,
  release: ReleaseTarget | undefined,
  now: number,
  nowISO: string = toISO(now),
): NodeRollout => {
  // Each part read once: this runs for every node of the cluster.
  const nodeRecord = asRecord(node);
  const status = asRecord(nodeRecord?.status);
  const spec = asRecord(nodeRecord?.spec);
  const annotations = readMcoAnnotations(asRecord(asRecord(nodeRecord?.metadata)?.annotations));
  let currentConfig = text(annotations.currentConfig);
  let desiredConfig = text(annotations.desiredConfig);
  const mcnRecord = asRecord(mcn);
  const mcnStatus = asRecord(mcnRecord?.status);
  const conditions = mcnRecord === undefined ? undefined : readMcnSummary(mcnStatus?.conditions);
  const mcnDesired = text(asRecord(asRecord(mcnRecord?.spec)?.configVersion)?.desired);
  if (mcnRecord !== undefined) {
    currentConfig ??= text(asRecord(mcnStatus?.configVersion)?.current);
    if (mcnDesired !== MCN_DESIRED_NOT_YET_SET) desiredConfig ??= mcnDesired;
  }
  const state = text(annotations.state) ?? '';

  const { reasons: notReady, readyFalse, readySince } = readinessOf(status, spec);
  const ready = notReady.length === 0;
  const done =
    currentConfig !== undefined &&
    currentConfig === desiredConfig &&
    imageDone(annotations) &&
    state === DAEMON_STATE.done;
  const daemonDegraded = state === DAEMON_STATE.degraded || state === DAEMON_STATE.unreconcilable;
  const unavailable = !ready || (!done && !daemonDegraded);

  const pool = 'pool' in membership ? membership.pool : undefined;
  const target = pool === undefined ? (desiredConfig ?? currentConfig) : pool.target;
  const updated = done && pool !== undefined && desiredConfig === pool.target;

  const atTarget =
    currentConfig !== undefined &&
    currentConfig === (target ?? desiredConfig ?? currentConfig) &&
    (desiredConfig === undefined || desiredConfig === currentConfig);
  const onRelease =
    release === undefined ||
    (currentConfig !== undefined && release.versionOf.get(currentConfig) === release.version);
  const isUpdated = atTarget && onRelease;
  const isUpdating =
    !isUpdated &&
    currentConfig !== undefined &&
    desiredConfig !== undefined &&
    currentConfig !== desiredConfig;

  // The MachineConfigNode speaks for this update only once it has seen it start.
  const mcnFollows =
    conditions?.updated !== undefined &&
    statusOf(conditions.updated) !== 'True' &&
    (mcnDesired ?? desiredConfig) === desiredConfig;
  const updateStartedAt =
    mcnFollows && (isUpdating || daemonDegraded) ? sinceOf(conditions.updated) : undefined;

  let phase: NodePhase;
  let reason: NodeReason;
  let message: NodeMessage | undefined;
  let since: unknown;
  let source: NodeRollout['source'] = 'annotations';
  const degradedByMcn = statusOf(conditions?.degraded) === 'True';

  if (daemonDegraded || degradedByMcn) {
    phase = 'Degraded';
    reason = state === DAEMON_STATE.unreconcilable ? 'Unreconcilable' : 'Degraded';
    const daemonReason = text(annotations.reason);
    message =
      daemonReason !== undefined
        ? { code: 'mco', params: { text: daemonReason } }
        : (messageOf(conditions?.degraded) ??
          (state === ''
            ? { code: 'daemonReportsDegraded', params: {} }
            : { code: 'daemonReportsState', params: { state } }));
    if (degradedByMcn) {
      since = sinceOf(conditions?.degraded);
      if (!daemonDegraded) source = 'MachineConfigNode';
    }
  } else if (isUpdating) {
    // Both are defined when isUpdating.
    const desired = desiredConfig ?? '';
    const fromMcn = mcnFollows
      ? progressFromMcn(readMcnConditions(mcnStatus?.conditions), desired)
      : undefined;
    const progress =
      fromMcn ?? progressFromAnnotations(spec, annotations, desired, state, readyFalse, readySince);
    if (fromMcn !== undefined) source = 'MachineConfigNode';
    ({ phase, reason, message, since } = progress);
  } else if (isUpdated) {
    phase = 'Updated';
    reason = 'Done';
    message = unavailable ? notReadyMessage(notReady) : undefined;
    if (statusOf(conditions?.updated) === 'True') {
      since = sinceOf(conditions?.updated);
      source = 'MachineConfigNode';
    }
  } else if (currentConfig === undefined) {
    phase = 'Pending';
    reason = 'NoConfig';
    message = { code: 'noCurrentConfig', params: {} };
  } else if (pool?.paused === true) {
    phase = 'Paused';
    reason = 'PoolPaused';
    message = unavailable
      ? notReadyMessage(notReady)
      : { code: 'poolPaused', params: { pool: pool.name, config: currentConfig } };
  } else {
    phase = 'Pending';
    reason = 'AwaitingUpdate';
    message = unavailable
      ? notReadyMessage(notReady)
      : atTarget && release !== undefined
        ? { code: 'notOnRelease', params: { version: release.version } }
        : target === undefined
          ? { code: 'awaitingPoolTarget', params: {} }
          : { code: 'awaitingUpdateTo', params: { config: target } };
  }

  // A node in no pool keeps its phase, but says why no pool drives it.
  if (pool === undefined && (phase === 'Updated' || phase === 'Pending')) {
    if ('conflict' in membership) {
      reason = 'PoolConflict';
      message = { code: 'poolConflict', params: { pools: membership.conflict } };
    } else if ('windows' in membership) {
      reason = 'NotManaged';
      message = { code: 'windowsNotManaged', params: {} };
    } else {
      reason = 'NotInPool';
      message = { code: 'notInPool', params: {} };
    }
  }

  return {
    name,
    pool: pool?.name,
    phase,
    reason,
    message,
    currentConfig,
    desiredConfig,
    since: timestampUpTo(since, now, nowISO),
    updateStartedAt: timestampUpTo(updateStartedAt, now, nowISO),
    source,
    ready,
    kubeletReady: !readyFalse,
    unavailable,
    degraded: daemonDegraded,
    updated,
    bootID: text(asRecord(status?.nodeInfo)?.bootID),
    kernelVersion: text(asRecord(status?.nodeInfo)?.kernelVersion),
  };
};

/** Why a node is unavailable without being updated, with oc's reasons. */
const notReadyMessage = (reasons: readonly NotReadyReason[]): NodeMessage =>
  reasons.length > 0
    ? { code: 'notReady', params: { reasons: [...reasons] } }
    : { code: 'daemonProcessing', params: {} };

/** Phases in which MCO is working on the node. */
export const isInProgress = (phase: NodePhase): boolean =>
  phase === 'Draining' || phase === 'Updating' || phase === 'Rebooting';
