/**
 * How many nodes the console reads Day 1 status files from at once: a setting an admin changes on the
 * rollout page (kept in this browser's localStorage), or for one visit with the URL parameter
 * `?day1Concurrency=<n>`, which wins. Default 8, from 1 to 32.
 */
export const DEFAULT_DAY1_STATUS_CONCURRENCY = 8;
export const CONCURRENCY_STORAGE_KEY = 'kmm-day1-console-plugin/day1-status-concurrency';
const CONCURRENCY_PARAM = 'day1Concurrency';
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 32;

const valid = (value: string | null | undefined): number | undefined => {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= MIN_CONCURRENCY && n <= MAX_CONCURRENCY ? n : undefined;
};

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage denied (privacy settings): the default applies.
    return undefined;
  }
};

/** The URL parameter, else the saved setting, else the default. */
export const readConcurrency = (search: string): number =>
  valid(new URLSearchParams(search).get(CONCURRENCY_PARAM)) ??
  valid(storage()?.getItem(CONCURRENCY_STORAGE_KEY)) ??
  DEFAULT_DAY1_STATUS_CONCURRENCY;

export const saveConcurrency = (value: number): void => {
  try {
    storage()?.setItem(CONCURRENCY_STORAGE_KEY, String(value));
  } catch {
    // Full or denied: the setting lasts for this page only.
  }
};
