import { memo } from 'react';
import type { ComponentType } from 'react';
import {
  ErrorStatus,
  GenericStatus,
  ProgressStatus,
  SuccessStatus,
} from '@openshift-console/dynamic-plugin-sdk';
import { Icon } from '@patternfly/react-core';
import {
  HourglassHalfIcon,
  PauseCircleIcon,
  PowerOffIcon,
  SyncAltIcon,
} from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import type { NodePhase } from '../../rollout';
import { nodePhaseText } from '../shared/rollout-text';

interface StatusIconProps {
  title?: string;
  /** Set by console's StatusIconAndText, which spaces the icon from the text. */
  className?: string;
}

/** An icon for console's GenericStatus, in a PatternFly status colour when the phase has one. */
const phaseIcon = (Glyph: ComponentType<{ title?: string }>, status?: 'warning') => {
  const PhaseIcon = ({ title, className }: StatusIconProps) => (
    <Icon status={status} isInline className={className}>
      <Glyph title={title} />
    </Icon>
  );
  return PhaseIcon;
};

const DrainingIcon = phaseIcon(SyncAltIcon);
const RebootingIcon = phaseIcon(PowerOffIcon);
const PausedIcon = phaseIcon(PauseCircleIcon, 'warning');
const PendingIcon = phaseIcon(HourglassHalfIcon);

/**
 * Console's status components: its own Success, Error and Progress statuses where the phase means the
 * same, GenericStatus with our icon for MCO's other steps.
 */
const PhaseStatus = ({ phase, title }: { phase: NodePhase; title: string }) => {
  switch (phase) {
    case 'Updated':
      return <SuccessStatus title={title} />;
    case 'Degraded':
      return <ErrorStatus title={title} />;
    case 'Updating':
      return <ProgressStatus title={title} />;
    case 'Draining':
      return <GenericStatus Icon={DrainingIcon} title={title} />;
    case 'Rebooting':
    case 'RebootingForDay1':
      return <GenericStatus Icon={RebootingIcon} title={title} />;
    case 'Paused':
      return <GenericStatus Icon={PausedIcon} title={title} />;
    case 'Pending':
      return <GenericStatus Icon={PendingIcon} title={title} />;
  }
};

/** A node's phase with its status icon. */
const NodePhaseStatus = ({ phase }: { phase: NodePhase }) => {
  const { t } = usePluginTranslation();
  return (
    <span data-test="node-phase" data-phase={phase}>
      <PhaseStatus phase={phase} title={nodePhaseText(t, phase)} />
    </span>
  );
};

export default memo(NodePhaseStatus);
