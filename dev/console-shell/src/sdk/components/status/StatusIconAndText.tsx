import { cloneElement } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { CamelCaseWrap } from '../CamelCaseWrap';

/** console's StatusIconAndText: icon plus text (`data-test="status-text"`), "-" without a title. */
export const StatusIconAndText: typeof SDK.StatusIconAndText = ({
  icon,
  title,
  spin,
  iconOnly,
  noTooltip,
  className,
}) => {
  if (!title) {
    return <>-</>;
  }
  const iconProps = icon?.props as { className?: string } | undefined;
  return (
    <span
      className={['co-icon-and-text', className].filter(Boolean).join(' ')}
      title={iconOnly && !noTooltip ? title : undefined}
    >
      {icon &&
        cloneElement(icon, {
          className: [
            spin ? 'co-spin' : '',
            iconProps?.className ?? '',
            iconOnly ? '' : 'co-icon-and-text__icon co-icon-flex-child',
          ]
            .filter(Boolean)
            .join(' '),
        })}
      {!iconOnly && <CamelCaseWrap value={title} dataTest="status-text" />}
    </span>
  );
};
