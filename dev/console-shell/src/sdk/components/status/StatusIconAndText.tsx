import { cloneElement, Fragment } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/**
 * console's CamelCaseWrap: the text with a line-break opportunity before each capital (runs of
 * capitals stay together), so that `MachineConfigNode` can wrap in a narrow cell.
 */
const CamelCaseWrap = ({ value }: { value: string }) => {
  const words = value.match(/[A-Z]+[^A-Z]*|[^A-Z]+/g) ?? [value];
  return (
    <span data-test="status-text">
      {words.map((word, index) => (
        <Fragment key={index}>
          {word}
          {index !== words.length - 1 && <wbr />}
        </Fragment>
      ))}
    </span>
  );
};

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
      {!iconOnly && <CamelCaseWrap value={title} />}
    </span>
  );
};
