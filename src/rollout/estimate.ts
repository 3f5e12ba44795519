/**
 * Time left in a pool's rollout. MCO updates `maxUnavailable` nodes at a time and starts the next node
 * as soon as one finishes, so with a per-node duration d the pool is a set of slots: each slot finishes
 * what it runs now, then takes waiting nodes one after the other.
 */
import { DAY1_REBOOT_MINUTES, MCO_MINUTES_PER_NODE, midpointMs } from '../mco/timings';

/** Per node, for cordon, drain, update, reboot and uncordon, until the rollout shows its own pace. */
export const DEFAULT_NODE_UPDATE_MS = midpointMs(MCO_MINUTES_PER_NODE);
/** After MCO: the Day 1 image pull and the second reboot. */
export const DEFAULT_DAY1_REBOOT_MS = midpointMs(DAY1_REBOOT_MINUTES);
/** A node past its expected duration is still expected to take a little while, not none. */
const OVERRUN_FLOOR = 0.1;

export interface EstimateInput {
  /** Elapsed time of each node being updated now (undefined when its start is unknown). */
  inProgressElapsedMs: readonly (number | undefined)[];
  /** Nodes still to be targeted. */
  waiting: number;
  /** maxUnavailable, resolved. */
  slots: number;
  perNodeMs: number;
  /** Added once after the last node (the Day 1 reboot of the last batch), 0 for none. */
  tailMs: number;
}

/** Milliseconds until every node is done. */
export const estimateRemainingMs = ({
  inProgressElapsedMs,
  waiting,
  slots,
  perNodeMs,
  tailMs,
}: EstimateInput): number => {
  if (inProgressElapsedMs.length === 0 && waiting === 0) return 0;
  const slotCount = Math.max(1, slots, inProgressElapsedMs.length);
  const freeAt = inProgressElapsedMs.map((elapsed) =>
    elapsed === undefined
      ? perNodeMs / 2
      : Math.max(perNodeMs - Math.max(0, elapsed), perNodeMs * OVERRUN_FLOOR),
  );
  while (freeAt.length < slotCount) freeAt.push(0);
  freeAt.sort((a, b) => a - b);
  // Each slot's running node finishes within perNodeMs, so handing waiting nodes to the earliest free
  // slot is round-robin over the slots in order of when they free up.
  const perSlot = Math.floor(waiting / slotCount);
  const extra = waiting % slotCount;
  let end = 0;
  for (let i = 0; i < slotCount; i++) {
    const nodes = perSlot + (i < extra ? 1 : 0);
    end = Math.max(end, freeAt[i] + nodes * perNodeMs);
  }
  return end + tailMs;
};

export const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
