import { Icon, Spinner } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  HourglassHalfIcon,
  QuestionCircleIcon,
} from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { day1FollowUp, verifyOutcome } from '../../rollout';
import type { Day1FollowUp, NodeRollout } from '../../rollout';
import type { Verification } from './useVerifications';
import { followUpText, verifyOutcomeText } from '../shared/rollout-text';

interface Day1FollowUpStatusProps {
  node: NodeRollout;
  /** The pool's target has a Day 1 config. */
  hasDay1: boolean;
  verification?: Verification;
}

/**
 * The node's Day 1 follow-up: from its last Verify run when there is one (judged against the node's
 * current boot, so a reboot since makes it unknown again), otherwise from MCO's side only.
 */
const Day1FollowUpStatus = ({ node, hasDay1, verification }: Day1FollowUpStatusProps) => {
  const { t } = usePluginTranslation();
  if (verification?.step !== undefined) {
    return (
      <span data-test="day1-follow-up" data-state="Verifying">
        <Spinner size="sm" isInline aria-hidden /> {t('Verifying…')}
      </span>
    );
  }
  const output = verification?.result?.output;
  const outcome = output ? verifyOutcome(node, output) : undefined;
  const followUp: Day1FollowUp | undefined =
    outcome ?? (hasDay1 ? day1FollowUp(node, undefined) : undefined);
  const state = followUp?.state;
  const icon =
    state === 'ModuleLoaded' ? (
      <Icon status="success" isInline>
        <CheckCircleIcon />
      </Icon>
    ) : state === 'ModuleNotLoaded' ? (
      <Icon status="danger" isInline>
        <ExclamationCircleIcon />
      </Icon>
    ) : state === 'Unknown' ? (
      <Icon isInline>
        <QuestionCircleIcon />
      </Icon>
    ) : state === undefined ? null : (
      <Icon isInline>
        <HourglassHalfIcon />
      </Icon>
    );
  return (
    <span data-test="day1-follow-up" data-state={state ?? 'None'}>
      {icon} {outcome ? verifyOutcomeText(t, outcome) : followUpText(t, followUp)}
    </span>
  );
};

export default Day1FollowUpStatus;
