/**
 * Readers for objects from the cluster or from files, where any field can be missing, null or of the
 * wrong type. They never throw: a value of the wrong type reads as absent.
 */

export type LooseRecord = Record<string, unknown>;

export const asRecord = (value: unknown): LooseRecord | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as LooseRecord)
    : undefined;

/** A string, or undefined for anything else and for "". */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export const arrayOf = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? (value as unknown[]) : [];

/** `object[a][b]...`, or undefined as soon as a step is not an object. Fixed arity: it runs per node. */
export const dig = (object: unknown, a: string, b?: string, c?: string, d?: string): unknown => {
  let current = asRecord(object)?.[a];
  if (b === undefined) return current;
  current = asRecord(current)?.[b];
  if (c === undefined) return current;
  current = asRecord(current)?.[c];
  if (d === undefined) return current;
  return asRecord(current)?.[d];
};

export const nameOf = (object: unknown): string | undefined =>
  text(dig(object, 'metadata', 'name'));

/** Milliseconds since the epoch of an RFC 3339 timestamp; undefined when absent or unreadable. */
export const parseTime = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/** A condition as read from an untrusted list: status is one of True, False, Unknown or "". */
export interface ConditionView {
  status: string;
  reason: string;
  message: string;
  /** lastTransitionTime in ms, when readable. */
  since?: number;
}

const readCondition = (raw: unknown): ConditionView => {
  const record = asRecord(raw);
  return {
    status: typeof record?.status === 'string' ? record.status : '',
    reason: typeof record?.reason === 'string' ? record.reason : '',
    message: typeof record?.message === 'string' ? record.message : '',
    since: parseTime(record?.lastTransitionTime),
  };
};

/** The condition of `type` in an untrusted conditions list. */
export const findCondition = (conditions: unknown, type: string): ConditionView | undefined => {
  for (const raw of arrayOf(conditions)) {
    if (asRecord(raw)?.type === type) return readCondition(raw);
  }
  return undefined;
};

export const toISO = (ms: number): string => new Date(ms).toISOString();

/**
 * The API server's own format, RFC 3339 in UTC to the second ("2026-11-24T03:00:00Z"): such strings
 * compare as times with toISOString's, which spares a Date.parse per node.
 */
const isServerTimestamp = (value: string): boolean =>
  value.length === 20 &&
  value.charCodeAt(19) === 90 /* Z */ &&
  value.charCodeAt(10) === 84 /* T */ &&
  value.charCodeAt(4) === 45; /* - */

/**
 * A timestamp from another clock, as read by ours: as written when it is not ahead of `now`, else `now`
 * (its clock is ahead). Undefined when absent or unreadable. `nowISO` is `now` as toISO writes it.
 */
export const timestampUpTo = (value: unknown, now: number, nowISO: string): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  // Within the same second, "…:00Z" sorts after "…:00.500Z": it then reads as now, which it is.
  if (isServerTimestamp(value)) return value <= nowISO ? value : nowISO;
  const ms = parseTime(value);
  if (ms === undefined) return undefined;
  return ms > now ? nowISO : value;
};
