import { Label } from '@patternfly/react-core';
import { useWatchConnectionStatus } from '../sdk/watch/useWatchConnectionStatus';

/** "Reconnecting" while any watch has lost its WebSocket (data shown may be stale). */
export const WatchStatusIndicator = () => {
  const { watches, reconnecting } = useWatchConnectionStatus();
  return (
    <span
      data-test="watch-status"
      data-watches={watches}
      data-reconnecting={reconnecting > 0 ? 'true' : 'false'}
    >
      {reconnecting > 0 ? (
        <Label color="orange" data-test="watch-reconnecting">
          Reconnecting ({reconnecting} of {watches} watches)
        </Label>
      ) : (
        <Label color="green" variant="outline">
          Live
        </Label>
      )}
    </span>
  );
};
