/**
 * What a pool card shows of a PoolRollout, to tell when it must render again. The deriver makes a new
 * PoolRollout whenever one of the pool's nodes changes, which mostly leaves what the card shows as it
 * was: comparing those values keeps the ten cards of a large cluster still during a rollout.
 */
import type { PoolDay1, PoolRollout } from '../../rollout';
import { samePhaseCounts } from './node-table-model';

/**
 * The Day 1 configs as their labels show them: name, whether the rollout brings them, and the
 * MachineConfig their Edit link reads (kept by identity while unchanged).
 */
export const sameDay1ConfigLabels = (
  a: PoolRollout['day1Configs'],
  b: PoolRollout['day1Configs'],
): boolean =>
  a.length === b.length &&
  a.every(
    (config, i) =>
      config.name === b[i].name &&
      config.new === b[i].new &&
      config.machineConfig === b[i].machineConfig,
  );

/** Equal in everything but the node list. */
export const samePoolSummary = (a: PoolRollout, b: PoolRollout): boolean => {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof PoolRollout)[];
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => {
      switch (key) {
        case 'nodes':
          return true;
        case 'phaseCounts':
          return samePhaseCounts(a.phaseCounts, b.phaseCounts);
        case 'day1Configs':
          return sameDay1ConfigLabels(a.day1Configs, b.day1Configs);
        case 'message':
          // A new aggregate words its message anew: equal codes and parameters show the same text.
          return a.message === b.message || JSON.stringify(a.message) === JSON.stringify(b.message);
        default:
          return a[key] === b[key];
      }
    })
  );
};

/** The same Day 1 counts and warning: the card's Day 1 line need not render again. */
export const samePoolDay1 = (a: PoolDay1 | undefined, b: PoolDay1 | undefined): boolean => {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return (
    a.overMaxUnavailable === b.overMaxUnavailable &&
    (Object.keys(a.counts) as (keyof PoolDay1['counts'])[]).every(
      (key) => a.counts[key] === b.counts[key],
    )
  );
};
