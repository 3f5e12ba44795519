/**
 * The words of a node's Day 1 follow-up as a Verify run finds it (rollout-text.ts has the rest of the
 * rollout's words): what the status files and lsmod say, in the catalog English that the CLI prints
 * for the same codes (src/rollout/english.ts). Only a Verify result shows them, so they load with it.
 */
import type { Day1FollowUp, Day1Message, StatusFileProblem, VerifyOutcome } from '../../rollout';
import type { Translate } from '../shared/usePluginTranslation';
import { nodePhaseText, reasonText, statusProblemText } from '../shared/rollout-text';

const statusFileProblemText = (t: Translate, problem: StatusFileProblem): string => {
  switch (problem.code) {
    case 'notFound':
      return t('not found');
    case 'empty':
      return t('the status file is empty');
    case 'output':
      return problem.params.line;
    case 'malformed':
      return t('the Day 1 status file is malformed: {{problems}}', {
        problems: problem.params.problems.map((p) => statusProblemText(t, p)).join('; '),
      });
  }
};

/** Why a module is not loaded or its state unknown: the part after "Module not loaded:" or "Unknown:". */
const day1DetailText = (t: Translate, message: Day1Message): string => {
  switch (message.code) {
    case 'awaitingMCO':
      return t('waiting for MCO to finish with the node ({{phase}})', {
        phase: nodePhaseText(t, message.params.phase),
      });
    case 'notVerified':
      return t('not verified yet');
    case 'statusFromEarlierBoot':
      return t(
        'the status file is from an earlier boot ({{phase}} at {{updatedAt}})',
        message.params,
      );
    case 'statusForOtherKernel':
      return t(
        'the status file is for kernel {{statusKernel}}, the node runs {{nodeKernel}}',
        message.params,
      );
    case 'waitingForImagePullReboot':
      return t('waiting for the image-pull reboot');
    case 'loading':
      return t('loading the module');
    case 'loaded':
      return t('module loaded');
    case 'loadedButNotInKernel':
      return t('the load unit finished but the module is not in the kernel');
    case 'pullFailed':
      // The error is the node's own words.
      return message.params.error === null
        ? t('pulling {{image}} failed; the node keeps its in-tree driver', message.params)
        : t('pulling {{image}} failed: {{error}}; the node keeps its in-tree driver', {
            image: message.params.image,
            error: message.params.error,
          });
    case 'loadFailed': {
      const error = message.params.error ?? t('the load unit failed');
      if (message.params.inTreeRestored === null) return error;
      return message.params.inTreeRestored
        ? t('{{error}}; the in-tree driver was loaded again', { error })
        : t(
            '{{error}}; the in-tree driver could not be loaded again: the node may have no driver',
            {
              error,
            },
          );
    }
    case 'loadRefused': {
      const reason = reasonText(t, message.params.reason, message.params.module);
      return message.params.error === null
        ? t('refused before unloading anything, the in-tree driver is unchanged: {{reason}}', {
            reason,
          })
        : t(
            'refused before unloading anything, the in-tree driver is unchanged: {{reason}} ({{error}})',
            { reason, error: message.params.error },
          );
    }
    case 'loadSkippedAfterCrash':
      return t(
        'the node stopped during the previous boot while loading {{image}}; it keeps the in-tree driver until the image, the kernel or the config changes',
        message.params,
      );
    case 'rebootBudgetExhausted':
      return message.params.error === null
        ? t(
            'the node already rebooted {{count}} times for this image and kernel and will not reboot again',
            {
              count: message.params.rebootsUsed,
              defaultValue_one:
                'the node already rebooted {{count}} time for this image and kernel and will not reboot again',
            },
          )
        : t(
            'the node already rebooted {{count}} times for this image and kernel and will not reboot again ({{error}})',
            {
              count: message.params.rebootsUsed,
              error: message.params.error,
              defaultValue_one:
                'the node already rebooted {{count}} time for this image and kernel and will not reboot again ({{error}})',
            },
          );
    case 'noStatusFile':
      return t('no status file for {{machineConfig}} ({{problem}})', {
        machineConfig: message.params.machineConfig,
        problem: statusFileProblemText(t, message.params.problem),
      });
    case 'lsmodDoesNotList':
      return t(
        'the status file says {{module}} was loaded, but lsmod does not list it',
        message.params,
      );
    case 'nothingToVerify':
      return t('the node has no Day 1 config to verify');
    case 'noStatusPrinted':
      return t('the verify pod printed no status file');
  }
};

/** The Day 1 follow-up; undefined means the node's pool has no Day 1 config in its target. */
export const followUpText = (t: Translate, followUp: Day1FollowUp | undefined): string => {
  if (followUp === undefined) return t('No Day 1 config');
  switch (followUp.state) {
    case 'AwaitingMCO':
      return t('Waiting for MCO');
    case 'WaitingForImagePullReboot':
      return t('Waiting for the image-pull reboot');
    case 'Loading':
      return t('Loading the module');
    case 'ModuleLoaded':
      return t('Module loaded');
    case 'ModuleNotLoaded':
      return t('Module not loaded: {{reason}}', { reason: day1DetailText(t, followUp.message) });
    case 'Unknown':
      return t('Unknown: {{reason}}', { reason: day1DetailText(t, followUp.message) });
  }
};

/** A Verify run's outcome for the node, naming the config it comes from when it has several. */
export const verifyOutcomeText = (t: Translate, outcome: VerifyOutcome): string =>
  outcome.worstConfig === undefined
    ? followUpText(t, outcome)
    : t('{{outcome}} ({{config}})', {
        outcome: followUpText(t, outcome),
        config: outcome.worstConfig,
      });
