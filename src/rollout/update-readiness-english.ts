/**
 * Update readiness in English, for the CLI. The console words the same codes through the translation
 * catalog (src/views/day1-configs/update-readiness-text.ts).
 */
import { formatTagCheck } from './kernel-coverage-english';
import type { ClusterUpdate, ConfigReadiness, PoolReadiness } from './update-readiness';

const list = (items: readonly string[]): string => items.join(', ');

/** "Updating to 4.20.3 (from 4.19.9)", "Update available: 4.20.3". */
export const formatClusterUpdate = (update: ClusterUpdate): string => {
  switch (update.state) {
    case 'none':
      return 'The cluster is not updating and no update is available';
    case 'available':
      return `Update available: ${list(update.versions)}`;
    case 'updating':
      return update.from === undefined
        ? `Updating to ${update.version}`
        : `Updating to ${update.version} (from ${update.from})`;
    case 'poolsUpdating':
      return `Updated to ${update.version}; pools still updating: ${list(update.pools)}`;
  }
};

/** What to do for one config. */
export const formatReadinessAction = (readiness: ConfigReadiness): string => {
  const { action } = readiness;
  switch (action.code) {
    case 'ready':
      return 'Ready: the image has a tag for every new kernel';
    case 'waitForNewKernel':
      return readiness.note === 'knownWhenUpdateStarts'
        ? 'The new kernel is known once the update starts (the Driver Toolkit declares it)'
        : 'The check starts when the first node reboots into the new kernel (no Driver Toolkit image stream)';
    case 'unknown':
      return `Cannot tell yet: ${formatTagCheck(action.check)}`;
    case 'pushTagAndPause':
      return `Push ${list(action.references)}; until then pause ${list(action.pools)} before its nodes update`;
    case 'pushTag':
      return action.pausedPools.length > 0
        ? `Push ${list(action.references)}, then resume ${list(action.pausedPools)}`
        : `Push ${list(action.references)}: nodes on that kernel run the in-tree driver`;
    case 'resume':
      return `The tags exist now: resume ${list(action.pools)}`;
    case 'waitForOtherConfigs':
      return `The tags exist; ${list(action.pools)} stays paused for ${list(action.configs)}`;
  }
};

/** What to do with one pool, across the Day 1 configs that reach it. */
export const formatPoolReadiness = ({ pool, action }: PoolReadiness): string => {
  switch (action.code) {
    case 'pause':
      return `${pool}: pause it until ${list(action.configs)} has the new kernel's tag`;
    case 'keepPaused':
      return `${pool}: keep it paused until ${list(action.configs)} has the new kernel's tag`;
    case 'checking':
      return `${pool}: paused; checking the tags of ${list(action.configs)}`;
    case 'resume':
      return `${pool}: every Day 1 config that reaches it has its tags: resume it`;
  }
};
