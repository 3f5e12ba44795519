import { usePluginTranslation } from '../shared/usePluginTranslation';
import { verifyOutcome } from '../../rollout';
import type { NodeRollout, VerifyOutput } from '../../rollout';
import FollowUpStatus from './FollowUpStatus';
import { verifyOutcomeText } from './follow-up-text';

interface VerifiedFollowUpStatusProps {
  node: NodeRollout;
  output: VerifyOutput;
}

/**
 * The node's Day 1 follow-up from its last Verify run, judged against the node's current boot (a
 * reboot since makes it unknown again). Loaded with the first result, with the words of the status
 * files and lsmod that only a Verify run brings.
 */
const VerifiedFollowUpStatus = ({ node, output }: VerifiedFollowUpStatusProps) => {
  const { t } = usePluginTranslation();
  const outcome = verifyOutcome(node, output);
  return (
    <span data-test="day1-follow-up" data-state={outcome.state}>
      <FollowUpStatus state={outcome.state} title={verifyOutcomeText(t, outcome)} />
    </span>
  );
};

export default VerifiedFollowUpStatus;
