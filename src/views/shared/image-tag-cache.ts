import type { TagCheck } from '../../rollout';

/** How long an answer stands before it is asked again. */
export const TAG_CHECK_TTL_MS = 5 * 60_000;
/** A failed check (no answer from the registry) is tried again sooner. */
export const TAG_CHECK_ERROR_TTL_MS = 30_000;

interface Entry {
  check: TagCheck;
  expires: number;
}

/**
 * The registry's answers per `<image>:<tag>`, each kept for a short time: a tag can be pushed at any
 * moment, so a missing one is asked again after TAG_CHECK_TTL_MS. A stale answer stays for show while
 * it is asked again; one that has been stale for longer than TAG_CHECK_TTL_MS is no longer wanted by
 * any page (pages ask again as soon as an answer goes stale) and is dropped on the next `set`, so that
 * the cache of a long console session does not grow with every kernel and image it ever saw. The clock
 * is injectable for tests.
 */
export class ImageTagCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = TAG_CHECK_TTL_MS,
    private readonly errorTtlMs = TAG_CHECK_ERROR_TTL_MS,
  ) {}

  /** The last answer, fresh or not: an old answer is shown while it is asked again. */
  get(key: string): TagCheck | undefined {
    return this.entries.get(key)?.check;
  }

  /** Whether the answer is there and young enough not to ask again. */
  isFresh(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.expires > this.now();
  }

  /** Makes these answers stale (kept for show until the new ones come), so that they are asked again. */
  expire(keys: Iterable<string>): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry !== undefined) entry.expires = this.now();
    }
  }

  set(key: string, check: TagCheck): void {
    const now = this.now();
    for (const [old, entry] of this.entries) {
      if (entry.expires + this.ttlMs <= now) this.entries.delete(old);
    }
    const ttl = check.result === 'unknown' ? this.errorTtlMs : this.ttlMs;
    this.entries.set(key, { check, expires: now + ttl });
  }

  /** When the first of these answers goes stale (for a timer); undefined if none is cached. */
  nextExpiry(keys: Iterable<string>): number | undefined {
    let next: number | undefined;
    for (const key of keys) {
      const expires = this.entries.get(key)?.expires;
      if (expires !== undefined && (next === undefined || expires < next)) next = expires;
    }
    return next;
  }
}
