/**
 * Time left in a pool's rollout. MCO updates `maxUnavailable` nodes at a time and starts the next node
 * as soon as one finishes, so with a per-node duration d the pool is a set of slots: each slot finishes
 * what it runs now, then takes waiting nodes one after the other.
 */
import { DAY1_REBOOT_MINUTES, MCO_MINUTES_PER_NODE, midpointMs } from '../mco/timings';
import type { NodePhase } from './types';

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

/** A time-left figure as shown, and when it was. */
export interface EstimateSample {
  seconds: number;
  atMs: number;
}

/** How fast the shown figure follows a new estimate: about 63 % of the way per minute. */
const SMOOTHING_TIME_CONSTANT_MS = 60_000;
/** One sample never moves the figure by more than this factor from where it was heading. */
const MAX_CHANGE_FACTOR = 2;
/** Below this, the previous figure says little: a pool past its estimate still has some time left. */
const MIN_PREDICTED_SECONDS = 30;

/**
 * The time left to show, from the previous figure and a new raw estimate: the previous figure counted
 * down by the time passed, moved towards the raw estimate by exponential smoothing over the time passed,
 * and never by more than a factor of two in one sample. A new pace (the first finished nodes replacing
 * the documented defaults, a node faster or slower than the others) so shows as a steady change, not a
 * jump by eight. Done (0) and not estimated (undefined) are shown at once.
 */
export const smoothEstimate = (
  previous: EstimateSample | undefined,
  rawSeconds: number | undefined,
  nowMs: number,
): number | undefined => {
  if (previous === undefined || rawSeconds === undefined || rawSeconds <= 0) return rawSeconds;
  const elapsedMs = Math.max(0, nowMs - previous.atMs);
  const predicted = Math.max(previous.seconds - elapsedMs / 1000, MIN_PREDICTED_SECONDS);
  const weight = 1 - Math.exp(-elapsedMs / SMOOTHING_TIME_CONSTANT_MS);
  const blended = predicted + weight * (rawSeconds - predicted);
  const bounded = Math.min(
    Math.max(blended, predicted / MAX_CHANGE_FACTOR),
    predicted * MAX_CHANGE_FACTOR,
  );
  return Math.ceil(bounded);
};

/**
 * When one node will be done, as the EST column of `oc adm upgrade status` (Draining +10m, Updating and
 * Rebooting +5m, Pending ?, Paused and Updated -), from the pool's timing model instead of fixed figures:
 * - `at`: ms since the epoch, for a node being updated (its start plus the pool's per-node duration and
 *   the Day 1 reboot) or in its Day 1 reboot;
 * - `late`: such a node past that time, expected any time now;
 * - `waiting`: a Pending node, done when its turn comes (MCO picks the order);
 * - `unknown`: degraded, or its start is unknown; `none`: updated or paused.
 */
type NodeEstimate =
  | { kind: 'at'; at: number }
  | { kind: 'late' }
  | { kind: 'waiting' }
  | { kind: 'unknown' }
  | { kind: 'none' };

/** A pool's timing model, as its PoolRollout carries it. */
export interface PoolTiming {
  estimatePerNodeMs: number;
  estimateTailMs: number;
}

interface EstimatedNode {
  phase: NodePhase;
  since?: string;
  updateStartedAt?: string;
}

const startOf = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

const atOrLate = (at: number | undefined, now: number): NodeEstimate =>
  at === undefined ? { kind: 'unknown' } : at <= now ? { kind: 'late' } : { kind: 'at', at };

export const nodeEstimate = (
  node: EstimatedNode,
  timing: PoolTiming | undefined,
  now: number,
): NodeEstimate => {
  switch (node.phase) {
    case 'Updated':
    case 'Paused':
      return { kind: 'none' };
    case 'Degraded':
      return { kind: 'unknown' };
    case 'Pending':
      return timing === undefined ? { kind: 'unknown' } : { kind: 'waiting' };
    case 'RebootingForDay1': {
      const start = startOf(node.since);
      return atOrLate(start === undefined ? undefined : start + DEFAULT_DAY1_REBOOT_MS, now);
    }
    case 'Draining':
    case 'Updating':
    case 'Rebooting': {
      const start = startOf(node.updateStartedAt ?? node.since);
      if (timing === undefined || start === undefined) return { kind: 'unknown' };
      return atOrLate(start + timing.estimatePerNodeMs + timing.estimateTailMs, now);
    }
  }
};
