/**
 * The translated words of the rollout: phases, pool states, node and pool messages, the status
 * files' problems and durations (a Verify result's words are in day1-rollout/follow-up-text.ts). The
 * rollout module speaks in codes with parameters; these are what the page shows (the CLI words the
 * same codes in English: src/rollout/english.ts).
 */
import type {
  Day1FollowUp,
  Day1Reason,
  Day1StatusProblem,
  DrainBlock,
  NodeMessage,
  NodePhase,
  NotReadyReason,
  PoolMessage,
  PoolState,
} from '../../rollout';
import type { Translate } from './usePluginTranslation';

export const nodePhaseText = (t: Translate, phase: NodePhase): string => {
  switch (phase) {
    case 'Pending':
      return t('Pending');
    case 'Draining':
      return t('Draining');
    case 'Updating':
      return t('Updating');
    case 'Rebooting':
      return t('Rebooting');
    case 'RebootingForDay1':
      return t('Rebooting for Day 1 image');
    case 'Updated':
      return t('Updated');
    case 'Degraded':
      return t('Degraded');
    case 'Paused':
      return t('Paused');
  }
};

export const poolStateText = (t: Translate, state: PoolState): string => {
  switch (state) {
    case 'Updated':
      return t('Updated');
    case 'Updating':
      return t('Updating');
    case 'Paused':
      return t('Paused');
    case 'Degraded':
      return t('Degraded');
    case 'RenderDegraded':
      return t('Render degraded');
  }
};

/** Why a node is in its phase; MCO's own words are shown as they are. */
export const nodeMessageText = (t: Translate, message: NodeMessage | undefined): string => {
  if (message === undefined) return '';
  switch (message.code) {
    case 'mco':
      return message.params.text;
    case 'daemonReportsState':
      return t('The machine-config daemon reports the node {{state}}', message.params);
    case 'daemonReportsDegraded':
      return t('The machine-config daemon reports the node degraded');
    case 'rebootingInto':
      return t('Rebooting into {{config}}', message.params);
    case 'postConfigAction':
      return t('Running the post-config action for {{config}}', message.params);
    case 'writingFilesAndOS':
      return t('Writing the files and OS of {{config}}', message.params);
    case 'drainingNode':
      return t('Draining the node');
    case 'drainingNodeFor':
      return t('Draining the node for {{config}}', message.params);
    case 'drainBlocked':
      return drainBlockedText(t, message.params);
    case 'drainedWriting':
      return t('Drained; writing the files and OS of {{config}}', message.params);
    case 'cordonedDrainingNext':
      return t('Cordoned; draining next');
    case 'appliedFinishing':
      return t('Applied {{config}}; the daemon is finishing the update', message.params);
    case 'appliedAwaitingUncordon':
      return t('Applied {{config}}; waiting for the uncordon', message.params);
    case 'awaitingDaemon':
      return t(
        'Targeted to {{config}}; waiting for the machine-config daemon to start',
        message.params,
      );
    case 'daemonUpdating':
      return t('The machine-config daemon is updating the node to {{config}}', message.params);
    case 'notReady':
      return message.params.reasons.map((reason) => notReadyText(t, reason)).join(', ');
    case 'daemonProcessing':
      return t('Machine Config Daemon is processing the node');
    case 'noCurrentConfig':
      return t('MCO has not set the currentConfig annotation on this node yet');
    case 'poolPaused':
      return t(
        'Pool {{pool}} is paused: the node stays on {{config}} until the pool is resumed',
        message.params,
      );
    case 'notOnRelease':
      return t('Not yet on release {{version}}', message.params);
    case 'awaitingUpdateTo':
      return t('Waiting for MCO to update the node to {{config}}', message.params);
    case 'awaitingPoolTarget':
      return t('Waiting for MCO to update the node to its pool target');
    case 'poolConflict':
      return t('Custom pools {{pools}} all select this node: MCO manages it in none of them', {
        pools: message.params.pools.join(', '),
      });
    case 'windowsNotManaged':
      return t('MCO does not manage Windows nodes');
    case 'notInPool':
      return t('No MachineConfigPool selects this node');
    case 'rebootingForDay1Image':
      return t(
        'MCO is done; the node reboots for the Day 1 image of {{config}}, or has not yet reported since',
        message.params,
      );
  }
};

/** A drain that does not finish, and why; the drain controller's own words are in the node details. */
const drainBlockedText = (t: Translate, { cause, pod, namespace }: DrainBlock): string => {
  const retries = t('MCO retries the drain; after an hour the daemon reports the node degraded.');
  if (cause === 'timeout') return `${t('Drain blocked: the drain timed out.')} ${retries}`;
  if (pod === null) {
    return cause === 'disruptionBudget'
      ? `${t('Drain blocked: evicting a pod would violate its PodDisruptionBudget.')} ${retries}`
      : `${t('Drain blocked: a pod could not be evicted.')} ${retries}`;
  }
  const params = { pod: namespace === null ? pod : `${namespace}/${pod}` };
  return cause === 'disruptionBudget'
    ? `${t('Drain blocked: evicting pod {{pod}} would violate its PodDisruptionBudget.', params)} ${retries}`
    : `${t('Drain blocked: pod {{pod}} could not be evicted.', params)} ${retries}`;
};

const notReadyText = (t: Translate, reason: NotReadyReason): string => {
  switch (reason) {
    case 'NotReady':
      return t('Not ready');
    case 'DiskPressure':
      return t('Disk pressure');
    case 'NetworkUnavailable':
      return t('Network unavailable');
    case 'Unschedulable':
      return t('Node is marked unschedulable');
  }
};

/** A pool's state in words; MCO's own words are shown as they are. */
export const poolMessageText = (t: Translate, message: PoolMessage): string => {
  switch (message.code) {
    case 'mco':
      return message.params.text;
    case 'cannotRender':
      return t('MCO cannot render the configuration of this pool');
    case 'poolDegraded':
      return t('The pool is degraded');
    case 'nodeReporting':
      return t('Node {{node}} is reporting: "{{message}}"', {
        node: message.params.node,
        message: nodeMessageText(t, message.params.message),
      });
    case 'allUpdated':
      return t('All nodes are updated');
    case 'allUpdatedWith':
      return t('All nodes are updated with MachineConfig {{config}}', message.params);
    case 'pausedBeforeFirstConfig':
      return t('Pool is paused; will not update to its first rendered config');
    case 'pausedBefore':
      return t('Pool is paused; will not update to MachineConfig {{config}}', message.params);
    case 'updatingToFirstConfig':
      return t('All nodes are updating to its first rendered config');
    case 'updatingTo':
      return t('All nodes are updating to MachineConfig {{config}}', message.params);
    case 'day1Rebooting':
      return t(
        'MCO is done, but {{count}} nodes are rebooting for the Day 1 image or have not reported since',
        {
          count: message.params.count,
          defaultValue_one:
            'MCO is done, but {{count}} node is rebooting for the Day 1 image or has not reported since',
        },
      );
  }
};

export const statusProblemText = (t: Translate, problem: Day1StatusProblem): string => {
  switch (problem.code) {
    case 'notJSON':
      return t('not JSON ({{error}})', problem.params);
    case 'notObject':
      return t('expected a JSON object, found {{found}}', problem.params);
    case 'fieldNotString':
      return t('"{{field}}" must be a string', problem.params);
    case 'fieldNotStringOrNull':
      return t('"{{field}}" must be a string or null', problem.params);
    case 'fieldNotBoolean':
      return t('"{{field}}" must be true or false', problem.params);
    case 'fieldNotBooleanOrNull':
      return t('"{{field}}" must be true, false or null', problem.params);
    case 'fieldNotCount':
      return t('"{{field}}" must be a whole number, 0 or more', problem.params);
    case 'unsupportedSchemaVersion':
      return problem.params.found === undefined
        ? t('"schemaVersion" is missing: it must be {{supported}}', problem.params)
        : t('"schemaVersion" must be {{supported}}, not {{found}}', problem.params);
    case 'unknownReason':
      return t('"reason" must be null or one of {{reasons}}, not {{found}}', {
        reasons: problem.params.reasons.join(', '),
        found: problem.params.found ?? 'missing',
      });
    case 'unknownPhase':
      return problem.params.found === undefined
        ? t('"phase" is missing: it must be one of {{phases}}', {
            phases: problem.params.phases.join(', '),
          })
        : t('"phase" must be one of {{phases}}, not {{found}}', {
            phases: problem.params.phases.join(', '),
            found: problem.params.found,
          });
  }
};

/** Why the scripts refused or failed a load, or failed a pull. */
export const reasonText = (t: Translate, reason: Day1Reason | null, module: string): string => {
  switch (reason) {
    case 'InTreeModuleHeld':
      return t('in-tree module {{module}} is in use by a module that is not listed for removal', {
        module,
      });
    case 'VermagicMismatch':
      return t("the image's {{module}} was built for another kernel", { module });
    case 'ModuleNotInImage':
      return t('the image has no module {{module}} for this kernel', { module });
    case 'ModuleAlreadyLoaded':
      return t('{{module}} is already loaded as the in-tree driver and is not listed for removal', {
        module,
      });
    case 'WorkerFailed':
      return t('the KMM worker failed');
    case 'NotOutOfTreeBuild':
      return t('the loaded {{module}} is not the out-of-tree build', { module });
    case 'PullFailed':
      return t('the image could not be pulled');
    case 'Interrupted':
      return t('systemd stopped the unit before it finished');
    case null:
      return t('no reason given');
  }
};

/**
 * The Day 1 follow-up before any Verify run: without a status file, day1FollowUp knows MCO's side only
 * (the node is not updated yet, or it is and nothing was verified), or the pool has no Day 1 config.
 * The same words as followUpText's (day1-rollout/follow-up-text.ts) for these.
 */
export const unverifiedFollowUpText = (
  t: Translate,
  followUp: Day1FollowUp | undefined,
): string => {
  if (followUp === undefined) return t('No Day 1 config');
  return followUp.state === 'AwaitingMCO'
    ? t('Waiting for MCO')
    : t('Unknown: {{reason}}', { reason: t('not verified yet') });
};

/** A rough duration, as an estimate should read. */
export const durationText = (t: Translate, seconds: number): string => {
  if (seconds < 60) return t('less than a minute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('about {{minutes}} min', { minutes });
  return t('about {{hours}} h {{minutes}} min', {
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
  });
};
