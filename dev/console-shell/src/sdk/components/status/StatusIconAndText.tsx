import { cloneElement } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

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
            iconOnly ? '' : 'co-icon-and-text__icon',
          ]
            .filter(Boolean)
            .join(' '),
        })}
      {!iconOnly && <span data-test="status-text">{title}</span>}
    </span>
  );
};
