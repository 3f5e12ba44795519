import { lazy, Suspense } from 'react';
import { StatusIconAndText } from '@openshift-console/dynamic-plugin-sdk';
import { Spinner } from '@patternfly/react-core';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { Translate } from '../shared/usePluginTranslation';
import { unverifiedFollowUpText } from '../shared/rollout-text';
import { day1FollowUp } from '../../rollout';
import type { NodeDay1State, NodeRollout } from '../../rollout';
import type { Verification } from './useVerifications';
import Day1StateStatus from './Day1StateStatus';
import FollowUpStatus from './FollowUpStatus';

// A Verify run's result, with the words it brings: loaded with the first result.
const VerifiedFollowUpStatus = lazy(() => import('./VerifiedFollowUpStatus'));

interface Day1FollowUpStatusProps {
  node: NodeRollout;
  /** The pool's target has a Day 1 config. */
  hasDay1: boolean;
  verification?: Verification;
  /** The node's state from its status files, when read (or known to be unreadable). */
  day1?: NodeDay1State;
}

/** While a Verify run runs, and while its result's code loads. */
const verifyingStatus = (t: Translate) => (
  <span data-test="day1-follow-up" data-state="Verifying">
    <StatusIconAndText icon={<Spinner size="sm" isInline aria-hidden />} title={t('Verifying…')} />
  </span>
);

/**
 * The node's Day 1 follow-up: from its last Verify run when there is one (judged against the node's
 * current boot, so a reboot since makes it unknown again), else from its status files read through the
 * API server, else from MCO's side only.
 */
const Day1FollowUpStatus = ({ node, hasDay1, verification, day1 }: Day1FollowUpStatusProps) => {
  const { t } = usePluginTranslation();
  if (verification?.step !== undefined) return verifyingStatus(t);
  const output = verification?.result?.output;
  if (output) {
    return (
      <Suspense fallback={verifyingStatus(t)}>
        <VerifiedFollowUpStatus node={node} output={output} />
      </Suspense>
    );
  }
  if (day1 !== undefined) return <Day1StateStatus day1={day1} />;
  const followUp = hasDay1 ? day1FollowUp(node, undefined) : undefined;
  return (
    <span data-test="day1-follow-up" data-state={followUp?.state ?? 'None'}>
      <FollowUpStatus state={followUp?.state} title={unverifiedFollowUpText(t, followUp)} />
    </span>
  );
};

export default Day1FollowUpStatus;
