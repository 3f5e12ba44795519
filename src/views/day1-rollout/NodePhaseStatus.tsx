import { memo } from 'react';
import { Icon } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  HourglassHalfIcon,
  InProgressIcon,
  PauseCircleIcon,
  PowerOffIcon,
  SyncAltIcon,
} from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { NodePhase } from '../../rollout';
import { nodePhaseText } from '../shared/rollout-text';

type IconStatus = 'success' | 'danger' | 'warning' | 'info' | undefined;

const PHASE_ICON: Record<NodePhase, [typeof CheckCircleIcon, IconStatus]> = {
  Updated: [CheckCircleIcon, 'success'],
  Degraded: [ExclamationCircleIcon, 'danger'],
  Draining: [SyncAltIcon, 'info'],
  Updating: [InProgressIcon, 'info'],
  Rebooting: [PowerOffIcon, 'info'],
  Paused: [PauseCircleIcon, 'warning'],
  Pending: [HourglassHalfIcon, undefined],
};

/** A node's phase with its status icon (colour from PatternFly's status tokens). */
const NodePhaseStatus = ({ phase }: { phase: NodePhase }) => {
  const { t } = usePluginTranslation();
  const [PhaseIcon, status] = PHASE_ICON[phase];
  return (
    <span data-test="node-phase" data-phase={phase}>
      <Icon status={status} isInline>
        <PhaseIcon />
      </Icon>{' '}
      {nodePhaseText(t, phase)}
    </span>
  );
};

export default memo(NodePhaseStatus);
