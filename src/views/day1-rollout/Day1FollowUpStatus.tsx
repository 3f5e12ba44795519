import type { ComponentType } from 'react';
import {
  ErrorStatus,
  GenericStatus,
  StatusIconAndText,
  SuccessStatus,
} from '@openshift-console/dynamic-plugin-sdk';
import { Spinner } from '@patternfly/react-core';
import { HourglassHalfIcon, QuestionCircleIcon } from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { day1FollowUp, verifyOutcome } from '../../rollout';
import type { Day1FollowUp, NodeDay1State, NodeRollout } from '../../rollout';
import type { Verification } from './useVerifications';
import { followUpText, verifyOutcomeText } from '../shared/rollout-text';
import Day1StateStatus from './Day1StateStatus';

interface Day1FollowUpStatusProps {
  node: NodeRollout;
  /** The pool's target has a Day 1 config. */
  hasDay1: boolean;
  verification?: Verification;
  /** The node's state from its status files, when read (or known to be unreadable). */
  day1?: NodeDay1State;
}

/** Console's status components for a follow-up state; plain text when the pool has no Day 1 config. */
const FollowUpStatus = ({ state, title }: { state?: Day1FollowUp['state']; title: string }) => {
  let Icon: ComponentType<{ title?: string }>;
  switch (state) {
    case 'ModuleLoaded':
      return <SuccessStatus title={title} />;
    case 'ModuleNotLoaded':
      return <ErrorStatus title={title} />;
    case undefined:
      return <StatusIconAndText title={title} />;
    case 'Unknown':
      Icon = QuestionCircleIcon;
      break;
    default:
      Icon = HourglassHalfIcon;
  }
  return <GenericStatus Icon={Icon} title={title} />;
};

/**
 * The node's Day 1 follow-up: from its last Verify run when there is one (judged against the node's
 * current boot, so a reboot since makes it unknown again), else from its status files read through the
 * API server, else from MCO's side only.
 */
const Day1FollowUpStatus = ({ node, hasDay1, verification, day1 }: Day1FollowUpStatusProps) => {
  const { t } = usePluginTranslation();
  if (verification?.step !== undefined) {
    return (
      <span data-test="day1-follow-up" data-state="Verifying">
        <StatusIconAndText
          icon={<Spinner size="sm" isInline aria-hidden />}
          title={t('Verifying…')}
        />
      </span>
    );
  }
  const output = verification?.result?.output;
  const outcome = output ? verifyOutcome(node, output) : undefined;
  if (outcome === undefined && day1 !== undefined) return <Day1StateStatus day1={day1} />;
  const followUp: Day1FollowUp | undefined =
    outcome ?? (hasDay1 ? day1FollowUp(node, undefined) : undefined);
  return (
    <span data-test="day1-follow-up" data-state={followUp?.state ?? 'None'}>
      <FollowUpStatus
        state={followUp?.state}
        title={outcome ? verifyOutcomeText(t, outcome) : followUpText(t, followUp)}
      />
    </span>
  );
};

export default Day1FollowUpStatus;
