import { memo } from 'react';
import type { ComponentType } from 'react';
import { ErrorStatus, GenericStatus, SuccessStatus } from '@openshift-console/dynamic-plugin-sdk';
import { Tooltip } from '@patternfly/react-core';
import {
  DisconnectedIcon,
  HourglassHalfIcon,
  LockIcon,
  QuestionCircleIcon,
} from '@patternfly/react-icons';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { day1Outcome } from '../../rollout';
import type { ConfigDay1State, NodeDay1State } from '../../rollout';
import { day1StateDetail, day1StateText } from '../shared/day1-state-text';

const ICONS: Partial<Record<ConfigDay1State['state'], ComponentType<{ title?: string }>>> = {
  Unreachable: DisconnectedIcon,
  NoAccess: LockIcon,
  Stale: QuestionCircleIcon,
  NotReported: QuestionCircleIcon,
};

/** One config's state with console's status icon. */
export const Day1StateIcon = ({ state, title }: { state: ConfigDay1State; title: string }) => {
  const outcome = day1Outcome(state.state);
  if (outcome === 'loaded') return <SuccessStatus title={title} />;
  if (outcome === 'failed') return <ErrorStatus title={title} />;
  return <GenericStatus Icon={ICONS[state.state] ?? HourglassHalfIcon} title={title} />;
};

/** The worst config's state as a label. */
const useNodeDay1Label = (day1: NodeDay1State): { worst: ConfigDay1State; label: string } => {
  const { t } = usePluginTranslation();
  const worst =
    day1.configs.find((config) => config.machineConfig === day1.worstConfig) ?? day1.configs[0];
  const text = day1StateText(t, worst.state, worst.inTreeRestored);
  return {
    worst,
    label:
      day1.configs.length > 1
        ? t('{{state}} ({{config}})', { state: text, config: worst.machineConfig })
        : text,
  };
};

/**
 * A node's Day 1 state from its status files, the worst config's, with what it means (and the node's
 * own error) on hover or keyboard focus.
 */
const Day1StateStatus = ({ day1 }: { day1: NodeDay1State }) => {
  const { t } = usePluginTranslation();
  const { worst, label } = useNodeDay1Label(day1);
  return (
    <Tooltip content={day1StateDetail(t, worst)}>
      <span tabIndex={0} data-test="day1-follow-up" data-state={day1.state}>
        <Day1StateIcon state={worst} title={label} />
      </span>
    </Tooltip>
  );
};

export default memo(Day1StateStatus);
