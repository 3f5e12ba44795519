import { useEffect, useState } from 'react';
import { usePluginTranslation } from '../shared/usePluginTranslation';
import { durationText } from '../shared/rollout-text';

/** How often the duration is worded again: it reads in minutes. */
const REFRESH_MS = 30_000;

/**
 * How long a blocked drain has been going on, from when the node was cordoned (its `since`). Updates
 * itself, so that the memoised row it is in need not re-render with the clock.
 */
const DrainBlockedFor = ({ since }: { since?: string }) => {
  const { t } = usePluginTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => {
      setNow(Date.now());
    }, REFRESH_MS);
    return () => {
      clearInterval(id);
    };
  }, []);
  const started = since === undefined ? Number.NaN : Date.parse(since);
  if (Number.isNaN(started)) return null;
  return (
    <div data-test="node-drain-blocked-for">
      {t('Draining for {{duration}}', {
        duration: durationText(t, Math.max(0, (now - started) / 1000)),
      })}
    </div>
  );
};

export default DrainBlockedFor;
