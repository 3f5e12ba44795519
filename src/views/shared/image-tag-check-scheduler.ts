import type { TagCheck, TagCheckRequest } from '../../rollout';
import { tagCheckKey } from '../../rollout';
import { ImageTagCache } from './image-tag-cache';

/** How many tag checks run at once. */
const TAG_CHECK_CONCURRENCY = 4;

export type TagChecker = (request: TagCheckRequest) => Promise<TagCheck>;

/**
 * Runs image tag checks with at most `concurrency` at once, each (image, tag) once until its cached
 * answer goes stale, and tells listeners when an answer arrives. One per checking namespace.
 */
export class ImageTagCheckScheduler {
  private readonly queue: TagCheckRequest[] = [];
  /** Queued or running. */
  private readonly pending = new Set<string>();
  /** Running now: their answers may come from before a recheck. */
  private readonly running = new Set<string>();
  /** Running when a recheck asked for them: asked again once their answer comes. */
  private readonly askAgain = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private inFlight = 0;

  constructor(
    private readonly check: TagChecker,
    readonly cache: ImageTagCache = new ImageTagCache(),
    private readonly concurrency = TAG_CHECK_CONCURRENCY,
  ) {}

  /** Asks for every request whose answer is missing or stale and that is not already on its way. */
  request(requests: readonly TagCheckRequest[]): void {
    for (const request of requests) {
      const key = tagCheckKey(request);
      if (this.pending.has(key) || this.cache.isFresh(key)) continue;
      this.pending.add(key);
      this.queue.push(request);
    }
    this.pump();
  }

  /**
   * Asks again now for these, whatever the age of their answers (a user's "check again"). A check
   * already running may have asked the registry before the change the user waits for (a tag just
   * pushed): it is asked once more when it ends, and its answer is not taken as fresh. A queued one
   * has not asked yet: it stays as it is.
   */
  recheck(requests: readonly TagCheckRequest[]): void {
    const keys = requests.map(tagCheckKey);
    for (const key of keys) if (this.running.has(key)) this.askAgain.add(key);
    this.cache.expire(keys);
    this.request(requests);
  }

  answer(request: TagCheckRequest): TagCheck | undefined {
    return this.cache.get(tagCheckKey(request));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private pump(): void {
    while (this.inFlight < this.concurrency) {
      const request = this.queue.shift();
      if (request === undefined) return;
      this.inFlight += 1;
      void this.run(request);
    }
  }

  private async run(request: TagCheckRequest): Promise<void> {
    const key = tagCheckKey(request);
    this.running.add(key);
    let check: TagCheck;
    try {
      check = await this.check(request);
    } catch (error) {
      check = {
        result: 'unknown',
        reason: 'error',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    this.running.delete(key);
    this.cache.set(key, check);
    if (this.askAgain.delete(key)) {
      // Shown until the new answer comes, but stale: it may predate the recheck.
      this.cache.expire([key]);
      this.queue.push(request);
    } else {
      this.pending.delete(key);
    }
    this.inFlight -= 1;
    this.listeners.forEach((listener) => {
      listener();
    });
    this.pump();
  }
}
