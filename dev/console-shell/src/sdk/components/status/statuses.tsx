import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import InProgressIcon from '@patternfly/react-icons/dist/js/icons/in-progress-icon';
import { GenericStatus } from './GenericStatus';
import { BlueInfoCircleIcon, GreenCheckCircleIcon, RedExclamationCircleIcon } from './icons';

/** console's ready-made statuses: GenericStatus with a fixed icon (variants of one component). */
export const ErrorStatus: typeof SDK.ErrorStatus = (props) => (
  <GenericStatus {...props} Icon={RedExclamationCircleIcon} />
);
export const InfoStatus: typeof SDK.InfoStatus = (props) => (
  <GenericStatus {...props} Icon={BlueInfoCircleIcon} />
);
export const ProgressStatus: typeof SDK.ProgressStatus = (props) => (
  <GenericStatus {...props} Icon={InProgressIcon} />
);
export const SuccessStatus: typeof SDK.SuccessStatus = (props) => (
  <GenericStatus {...props} Icon={GreenCheckCircleIcon} />
);
