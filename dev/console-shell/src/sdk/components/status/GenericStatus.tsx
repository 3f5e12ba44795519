import { Children } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { PopoverStatus } from './PopoverStatus';
import { StatusIconAndText } from './StatusIconAndText';

/** console's GenericStatus: icon and title, in a popover when there are children. */
export const GenericStatus: typeof SDK.GenericStatus = ({
  Icon,
  children,
  popoverTitle,
  title,
  noTooltip,
  iconOnly,
  ...rest
}) => {
  const icon = iconOnly && !noTooltip ? <Icon title={title} /> : <Icon />;
  const body = (
    <StatusIconAndText
      {...rest}
      noTooltip={noTooltip}
      title={title}
      iconOnly={iconOnly}
      icon={icon}
    />
  );
  return Children.toArray(children).length ? (
    <PopoverStatus title={popoverTitle ?? title} statusBody={body}>
      {children}
    </PopoverStatus>
  ) : (
    body
  );
};
