import type { ComponentType } from 'react';
import {
  ErrorStatus,
  GenericStatus,
  StatusIconAndText,
  SuccessStatus,
} from '@openshift-console/dynamic-plugin-sdk';
import { HourglassHalfIcon, QuestionCircleIcon } from '@patternfly/react-icons';
import type { Day1FollowUp } from '../../rollout';

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

export default FollowUpStatus;
