import type { ReactElement } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import BanIcon from '@patternfly/react-icons/dist/js/icons/ban-icon';
import ClipboardListIcon from '@patternfly/react-icons/dist/js/icons/clipboard-list-icon';
import HourglassHalfIcon from '@patternfly/react-icons/dist/js/icons/hourglass-half-icon';
import HourglassStartIcon from '@patternfly/react-icons/dist/js/icons/hourglass-start-icon';
import NotStartedIcon from '@patternfly/react-icons/dist/js/icons/not-started-icon';
import SyncAltIcon from '@patternfly/react-icons/dist/js/icons/sync-alt-icon';
import UnknownIcon from '@patternfly/react-icons/dist/js/icons/unknown-icon';
import { YellowExclamationTriangleIcon } from './icons';
import { ErrorStatus, InfoStatus, ProgressStatus, SuccessStatus } from './statuses';
import { StatusIconAndText } from './StatusIconAndText';

type Kind = 'success' | 'error' | 'info' | 'progress' | ReactElement;

/** The status strings console's Status component knows, and how it draws each. */
const STATUS_KINDS: [string[], () => Kind][] = [
  [['New'], () => <HourglassStartIcon />],
  [['Pending', 'pending'], () => <HourglassHalfIcon />],
  [['Planning'], () => <ClipboardListIcon />],
  [['ContainerCreating', 'UpgradePending', 'PendingUpgrade', 'PendingRollback'], () => 'progress'],
  [
    [
      'In Progress',
      'Installing',
      'InstallReady',
      'Replacing',
      'Running',
      'Updating',
      'Upgrading',
      'PendingInstall',
    ],
    () => <SyncAltIcon />,
  ],
  [
    [
      'Cancelled',
      'Deleting',
      'Expired',
      'Not Ready',
      'Cancelling',
      'Terminating',
      'Superseded',
      'Uninstalling',
    ],
    () => <BanIcon />,
  ],
  [['Warning', 'RequiresApproval'], () => <YellowExclamationTriangleIcon />],
  [
    [
      'ContainerCannotRun',
      'CrashLoopBackOff',
      'Critical',
      'ErrImagePull',
      'Error',
      'Failed',
      'failed',
      'Failure',
      'ImagePullBackOff',
      'InstallCheckFailed',
      'Lost',
      'Rejected',
      'UpgradeFailed',
    ],
    () => 'error',
  ],
  [
    [
      'Accepted',
      'Active',
      'Bound',
      'Complete',
      'Completed',
      'Created',
      'Enabled',
      'Succeeded',
      'Ready',
      'Up to date',
      'Loaded',
      'loaded',
      'Provisioned as node',
      'Preferred',
      'Connected',
      'Deployed',
    ],
    () => 'success',
  ],
  [['Info'], () => 'info'],
  [['Unknown'], () => <UnknownIcon />],
  [['PipelineNotStarted'], () => <NotStartedIcon />],
];

/**
 * console's Status (exported as StatusComponent): maps a status string to an icon and text.
 * Unknown strings show as plain text, an empty status as "-" (so `Degraded` is text only, as in
 * console).
 */
export const StatusComponent: typeof SDK.StatusComponent = ({
  status,
  title,
  children,
  iconOnly,
  noTooltip,
  className,
}) => {
  const props = { title: title ?? status, iconOnly, noTooltip, className };
  const kind = STATUS_KINDS.find(([names]) => names.includes(status))?.[1]();
  switch (kind) {
    case undefined:
      return status ? <StatusIconAndText {...props} /> : <>-</>;
    case 'success':
      return <SuccessStatus {...props} />;
    case 'progress':
      return <ProgressStatus {...props} />;
    case 'error':
      return <ErrorStatus {...props}>{children}</ErrorStatus>;
    case 'info':
      return <InfoStatus {...props}>{children}</InfoStatus>;
    default:
      return <StatusIconAndText {...props} icon={kind} />;
  }
};
