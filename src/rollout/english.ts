/**
 * The rollout's messages in English, for `day1-utility rollout` and error messages. The console pages
 * word the same codes through the translation catalog (src/views/shared/rollout-text.ts), whose English
 * is this text.
 */
import type {
  Day1Message,
  Day1StatusProblem,
  NodeMessage,
  NotReadyReason,
  PoolMessage,
  StatusFileProblem,
} from './messages';
import type { Day1Reason } from './day1-status';
import type { Day1State, NodeDay1State } from './day1-state';
import type { DrainBlock } from './drain-block';

const NOT_READY: Record<NotReadyReason, string> = {
  NotReady: 'Not ready',
  DiskPressure: 'Disk pressure',
  NetworkUnavailable: 'Network unavailable',
  Unschedulable: 'Node is marked unschedulable',
};

/** What blocks a drain; the drain controller's own words are in `text` (the console's node details). */
const drainBlockedEnglish = ({ cause, pod, namespace }: DrainBlock) => {
  const who = pod === null ? 'a pod' : `pod ${namespace === null ? '' : `${namespace}/`}${pod}`;
  const why =
    cause === 'disruptionBudget'
      ? `evicting ${who} would violate its PodDisruptionBudget`
      : cause === 'evictionFailed'
        ? `${who} could not be evicted`
        : 'the drain timed out';
  return `Drain blocked: ${why}. MCO retries the drain; after an hour the daemon reports the node degraded.`;
};

/** A node's message; empty when it has none. */
export const formatNodeMessage = (message: NodeMessage | undefined): string => {
  if (message === undefined) return '';
  switch (message.code) {
    case 'mco':
      return message.params.text;
    case 'daemonReportsState':
      return `The machine-config daemon reports the node ${message.params.state}`;
    case 'daemonReportsDegraded':
      return 'The machine-config daemon reports the node degraded';
    case 'rebootingInto':
      return `Rebooting into ${message.params.config}`;
    case 'postConfigAction':
      return `Running the post-config action for ${message.params.config}`;
    case 'writingFilesAndOS':
      return `Writing the files and OS of ${message.params.config}`;
    case 'drainingNode':
      return 'Draining the node';
    case 'drainingNodeFor':
      return `Draining the node for ${message.params.config}`;
    case 'drainBlocked':
      return drainBlockedEnglish(message.params);
    case 'drainedWriting':
      return `Drained; writing the files and OS of ${message.params.config}`;
    case 'cordonedDrainingNext':
      return 'Cordoned; draining next';
    case 'appliedFinishing':
      return `Applied ${message.params.config}; the daemon is finishing the update`;
    case 'appliedAwaitingUncordon':
      return `Applied ${message.params.config}; waiting for the uncordon`;
    case 'awaitingDaemon':
      return `Targeted to ${message.params.config}; waiting for the machine-config daemon to start`;
    case 'daemonUpdating':
      return `The machine-config daemon is updating the node to ${message.params.config}`;
    case 'notReady':
      return message.params.reasons.map((reason) => NOT_READY[reason]).join(', ');
    case 'daemonProcessing':
      return 'Machine Config Daemon is processing the node';
    case 'noCurrentConfig':
      return 'MCO has not set the currentConfig annotation on this node yet';
    case 'poolPaused':
      return `Pool ${message.params.pool} is paused: the node stays on ${message.params.config} until the pool is resumed`;
    case 'notOnRelease':
      return `Not yet on release ${message.params.version}`;
    case 'awaitingUpdateTo':
      return `Waiting for MCO to update the node to ${message.params.config}`;
    case 'awaitingPoolTarget':
      return 'Waiting for MCO to update the node to its pool target';
    case 'poolConflict':
      return `Custom pools ${message.params.pools.join(', ')} all select this node: MCO manages it in none of them`;
    case 'windowsNotManaged':
      return 'MCO does not manage Windows nodes';
    case 'notInPool':
      return 'No MachineConfigPool selects this node';
    case 'rebootingForDay1Image':
      return `MCO is done; the node reboots for the Day 1 image of ${message.params.config}, or has not yet reported since`;
  }
};

export const formatPoolMessage = (message: PoolMessage): string => {
  switch (message.code) {
    case 'mco':
      return message.params.text;
    case 'cannotRender':
      return 'MCO cannot render the configuration of this pool';
    case 'poolDegraded':
      return 'The pool is degraded';
    case 'nodeReporting':
      return `Node ${message.params.node} is reporting: "${formatNodeMessage(message.params.message)}"`;
    case 'allUpdated':
      return 'All nodes are updated';
    case 'allUpdatedWith':
      return `All nodes are updated with MachineConfig ${message.params.config}`;
    case 'pausedBeforeFirstConfig':
      return 'Pool is paused; will not update to its first rendered config';
    case 'pausedBefore':
      return `Pool is paused; will not update to MachineConfig ${message.params.config}`;
    case 'updatingToFirstConfig':
      return 'All nodes are updating to its first rendered config';
    case 'updatingTo':
      return `All nodes are updating to MachineConfig ${message.params.config}`;
    case 'day1Rebooting':
      return `MCO is done, but ${String(message.params.count)} node${message.params.count === 1 ? ' is' : 's are'} rebooting for the Day 1 image or ${message.params.count === 1 ? 'has' : 'have'} not reported since`;
  }
};

export const formatDay1StatusProblem = (problem: Day1StatusProblem): string => {
  switch (problem.code) {
    case 'notJSON':
      return `not JSON (${problem.params.error})`;
    case 'notObject':
      return `expected a JSON object, found ${problem.params.found === 'array' ? 'an array' : problem.params.found}`;
    case 'fieldNotString':
      return `"${problem.params.field}" must be a string`;
    case 'fieldNotStringOrNull':
      return `"${problem.params.field}" must be a string or null`;
    case 'fieldNotBoolean':
      return `"${problem.params.field}" must be true or false`;
    case 'fieldNotBooleanOrNull':
      return `"${problem.params.field}" must be true, false or null`;
    case 'fieldNotCount':
      return `"${problem.params.field}" must be a whole number, 0 or more`;
    case 'unsupportedSchemaVersion':
      return `"schemaVersion" must be ${String(problem.params.supported)}, not ${problem.params.found ?? 'missing'}`;
    case 'unknownPhase':
      return `"phase" must be one of ${problem.params.phases.join(', ')}, not ${problem.params.found ?? 'missing'}`;
    case 'unknownReason':
      return `"reason" must be null or one of ${problem.params.reasons.join(', ')}, not ${problem.params.found ?? 'missing'}`;
  }
};

/** Why the scripts refused or failed a load, or failed a pull (the status file's `reason`). */
const formatDay1Reason = (reason: Day1Reason | null, module: string): string => {
  switch (reason) {
    case 'InTreeModuleHeld':
      return `in-tree module ${module} is in use by a module that is not listed for removal`;
    case 'VermagicMismatch':
      return `the image's ${module} was built for another kernel`;
    case 'ModuleNotInImage':
      return `the image has no module ${module} for this kernel`;
    case 'ModuleAlreadyLoaded':
      return `${module} is already loaded as the in-tree driver and is not listed for removal`;
    case 'WorkerFailed':
      return 'the KMM worker failed';
    case 'NotOutOfTreeBuild':
      return `the loaded ${module} is not the out-of-tree build`;
    case 'PullFailed':
      return 'the image could not be pulled';
    case 'Interrupted':
      return 'systemd stopped the unit before it finished';
    case null:
      return 'no reason given';
  }
};

const formatStatusFileProblem = (problem: StatusFileProblem): string => {
  switch (problem.code) {
    case 'notFound':
      return 'not found';
    case 'empty':
      return 'the status file is empty';
    case 'output':
      return problem.params.line;
    case 'malformed':
      return `the Day 1 status file is malformed: ${problem.params.problems.map(formatDay1StatusProblem).join('; ')}`;
  }
};

/** A Day 1 follow-up, as "module loaded", "module not loaded: <why>", "unknown: <why>"… */
export const formatDay1Message = (message: Day1Message): string => {
  switch (message.code) {
    case 'awaitingMCO':
      return `waiting for MCO to finish with the node (${message.params.phase})`;
    case 'notVerified':
      return 'unknown: not verified yet';
    case 'statusFromEarlierBoot':
      return `unknown: the status file is from an earlier boot (${message.params.phase} at ${message.params.updatedAt})`;
    case 'statusForOtherKernel':
      return `unknown: the status file is for kernel ${message.params.statusKernel}, the node runs ${message.params.nodeKernel}`;
    case 'waitingForImagePullReboot':
      return 'waiting for the image-pull reboot';
    case 'loading':
      return 'loading the module';
    case 'loaded':
      return 'module loaded';
    case 'loadedButNotInKernel':
      return 'module not loaded: the load unit finished but the module is not in the kernel';
    case 'pullFailed':
      return `module not loaded: pulling ${message.params.image} failed${message.params.error === null ? '' : `: ${message.params.error}`}; the node keeps its in-tree driver`;
    case 'loadFailed': {
      const restored =
        message.params.inTreeRestored === null
          ? ''
          : message.params.inTreeRestored
            ? '; the in-tree driver was loaded again'
            : '; the in-tree driver could not be loaded again: the node may have no driver';
      return `module not loaded: ${message.params.error ?? 'the load unit failed'}${restored}`;
    }
    case 'loadRefused':
      return `module not loaded: refused before unloading anything, the in-tree driver is unchanged: ${formatDay1Reason(message.params.reason, message.params.module)}${message.params.error === null ? '' : ` (${message.params.error})`}`;
    case 'loadSkippedAfterCrash':
      return `module not loaded: the node stopped during the previous boot while loading ${message.params.image}; it keeps the in-tree driver until the image, the kernel or the config changes`;
    case 'rebootBudgetExhausted':
      return `module not loaded: the node already rebooted ${String(message.params.rebootsUsed)} time${message.params.rebootsUsed === 1 ? '' : 's'} for this image and kernel and will not reboot again${message.params.error === null ? '' : ` (${message.params.error})`}`;
    case 'noStatusFile':
      return `unknown: no status file for ${message.params.machineConfig} (${formatStatusFileProblem(message.params.problem)})`;
    case 'lsmodDoesNotList':
      return `module not loaded: the status file says ${message.params.module} was loaded, but lsmod does not list it`;
    case 'nothingToVerify':
      return 'unknown: the node has no Day 1 config to verify';
    case 'noStatusPrinted':
      return 'unknown: the verify pod printed no status file';
  }
};

/** A verify run's outcome for the node, naming the config it comes from when there are several. */
export const formatVerifyOutcome = (outcome: {
  message: Day1Message;
  worstConfig?: string;
}): string =>
  outcome.worstConfig === undefined
    ? formatDay1Message(outcome.message)
    : `${formatDay1Message(outcome.message)} (${outcome.worstConfig})`;

const DAY1_STATE_TEXT: Record<Day1State, string> = {
  WaitingForMCO: 'Waiting for MCO',
  PullingImage: 'Pulling image',
  RebootingForImage: 'Rebooting for the image',
  Loading: 'Loading',
  Loaded: 'Loaded',
  PullFailed: 'Pull failed, in-tree driver kept',
  LoadFailed: 'Load failed',
  Refused: 'Refused, in-tree driver unchanged',
  SkippedAfterCrash: 'Skipped after a crash',
  RebootBudgetUsed: 'Reboot budget used',
  Unreachable: 'Unreachable',
  Stale: 'Stale',
  NotReported: 'Not reported',
  Unreadable: 'Unreadable',
  NoAccess: 'No access',
};

/** A node's Day 1 state in a few words, as the DAY 1 column shows it. */
export const formatDay1State = (state: NodeDay1State): string => {
  if (state.state !== 'LoadFailed') return DAY1_STATE_TEXT[state.state];
  const worst = state.configs.find((config) => config.machineConfig === state.worstConfig);
  switch (worst?.inTreeRestored) {
    case true:
      return 'Load failed, in-tree driver restored';
    case false:
      return 'Load failed, in-tree driver not restored';
    default:
      return DAY1_STATE_TEXT.LoadFailed;
  }
};
