import { Label } from '@patternfly/react-core';
import { useWatchConnectionStatus } from '../sdk/watch/useWatchConnectionStatus';

/**
 * The masthead's connection state: "Not connected" while a watch cannot list (the API server fails or
 * cannot be reached; its hook reports the error and the watch retries), "Reconnecting" while a watch
 * has lost its WebSocket (data shown may be stale), else "Live".
 */
export const WatchStatusIndicator = () => {
  const { watches, reconnecting, failing } = useWatchConnectionStatus();
  let label = (
    <Label color="green" variant="outline">
      Live
    </Label>
  );
  if (failing > 0) {
    label = (
      <Label color="red" data-test="watch-failing">
        Not connected ({failing} of {watches} watches failing, retrying)
      </Label>
    );
  } else if (reconnecting > 0) {
    label = (
      <Label color="orange" data-test="watch-reconnecting">
        Reconnecting ({reconnecting} of {watches} watches)
      </Label>
    );
  }
  return (
    <span
      data-test="watch-status"
      data-watches={watches}
      data-reconnecting={reconnecting > 0 ? 'true' : 'false'}
      data-failing={failing > 0 ? 'true' : 'false'}
    >
      {label}
    </span>
  );
};
