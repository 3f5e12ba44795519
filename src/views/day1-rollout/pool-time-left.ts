import type { PoolRollout } from '../../rollout';
import type { Translate } from '../shared/usePluginTranslation';
import { durationText } from '../shared/rollout-text';

/** A pool's time left, and what the estimate is based on (long: the card; short: a summary row). */
export const poolTimeLeftText = (
  t: Translate,
  pool: Pick<PoolRollout, 'estimatedSecondsLeft' | 'estimateBasis'>,
  short = false,
): string => {
  const seconds = pool.estimatedSecondsLeft;
  if (seconds === undefined) {
    return short ? t('Not estimated') : t('Not estimated: the pool cannot finish on its own');
  }
  if (seconds === 0) return t('Done');
  const duration = durationText(t, seconds);
  if (short) return duration;
  return pool.estimateBasis === 'observed'
    ? t('{{duration}} (from the nodes updated so far)', { duration })
    : t('{{duration}} (from typical durations)', { duration });
};
