/**
 * The translated words of the rollout: phases, pool states, the Day 1 follow-up and durations. The
 * rollout module speaks English codes; these are what the page shows.
 */
import type { Day1FollowUp, NodePhase, PoolState } from '../../rollout';
import type { Translate } from './usePluginTranslation';

export const nodePhaseText = (t: Translate, phase: NodePhase): string => {
  switch (phase) {
    case 'Pending':
      return t('Pending');
    case 'Draining':
      return t('Draining');
    case 'Updating':
      return t('Updating');
    case 'Rebooting':
      return t('Rebooting');
    case 'Updated':
      return t('Updated');
    case 'Degraded':
      return t('Degraded');
    case 'Paused':
      return t('Paused');
  }
};

export const poolStateText = (t: Translate, state: PoolState): string => {
  switch (state) {
    case 'Updated':
      return t('Updated');
    case 'Updating':
      return t('Updating');
    case 'Paused':
      return t('Paused');
    case 'Degraded':
      return t('Degraded');
    case 'RenderDegraded':
      return t('Render degraded');
  }
};

/** The English detail after the rollout module's "module not loaded: " or "unknown: ". */
const detailOf = (message: string): string => message.replace(/^[^:]*:\s*/, '');

/**
 * The Day 1 follow-up; undefined means the node's pool has no Day 1 config in its target. `verified`:
 * it comes from a Verify run (else only MCO's side is known).
 */
export const followUpText = (
  t: Translate,
  followUp: Day1FollowUp | undefined,
  verified: boolean,
): string => {
  if (followUp === undefined) return t('No Day 1 config');
  if (!verified && followUp.state === 'Unknown') return t('Unknown: not verified yet');
  switch (followUp.state) {
    case 'AwaitingMCO':
      return t('Waiting for MCO');
    case 'WaitingForImagePullReboot':
      return t('Waiting for the image-pull reboot');
    case 'Loading':
      return t('Loading the module');
    case 'ModuleLoaded':
      return t('Module loaded');
    case 'ModuleNotLoaded':
      return t('Module not loaded: {{reason}}', { reason: detailOf(followUp.message) });
    case 'Unknown':
      return t('Unknown: {{reason}}', { reason: detailOf(followUp.message) });
  }
};

/** A rough duration, as an estimate should read. */
export const durationText = (t: Translate, seconds: number): string => {
  if (seconds < 60) return t('less than a minute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('about {{minutes}} min', { minutes });
  return t('about {{hours}} h {{minutes}} min', {
    hours: Math.floor(minutes / 60),
    minutes: minutes % 60,
  });
};
