import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import GlobeAmericasIcon from '@patternfly/react-icons/dist/js/icons/globe-americas-icon';

const DASH = '-';

const formatter = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * console's Timestamp: a globe icon and the local date and time, with the UTC time as tooltip.
 * `simple` gives the text only; a missing or invalid timestamp gives "-".
 */
export const Timestamp: typeof SDK.Timestamp = ({ timestamp, simple, className }) => {
  const date = timestamp ? new Date(timestamp) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return <>{DASH}</>;
  }
  const text = formatter.format(date);
  if (simple) {
    return <>{text}</>;
  }
  return (
    <span
      className={['co-timestamp', className].filter(Boolean).join(' ')}
      data-test="timestamp"
      title={date.toISOString()}
    >
      <GlobeAmericasIcon className="co-icon-and-text__icon" />
      {text}
    </span>
  );
};
