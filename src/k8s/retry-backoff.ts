/**
 * When to try again after failed attempts: 1 s after the first failure, doubling up to 30 s, as the
 * console's watches back off. Pure, so that the page and its tests share the schedule.
 */
export const RETRY_INITIAL_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/** The wait before the next attempt, after `failures` failed attempts in a row (1 or more). */
export const retryDelayMs = (failures: number): number => {
  const doublings = Math.max(0, Math.floor(failures) - 1);
  // 2^5 s already passes the cap: no need to compute larger powers.
  return doublings >= 5 ? RETRY_MAX_MS : Math.min(RETRY_INITIAL_MS * 2 ** doublings, RETRY_MAX_MS);
};
