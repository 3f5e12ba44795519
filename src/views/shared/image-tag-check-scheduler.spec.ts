import type { TagCheck, TagCheckRequest } from '../../rollout';
import { ImageTagCache, TAG_CHECK_ERROR_TTL_MS, TAG_CHECK_TTL_MS } from './image-tag-cache';
import { ImageTagCheckScheduler } from './image-tag-check-scheduler';

const FOUND: TagCheck = { result: 'found' };

/** A clock the test moves. */
const manualClock = () => {
  let now = 1_000_000;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
};

/** A checker whose answers the test gives, one request at a time. */
const controlledChecker = () => {
  const calls: { request: TagCheckRequest; resolve: (check: TagCheck) => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const check = (request: TagCheckRequest) =>
    new Promise<TagCheck>((resolve) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      calls.push({
        request,
        resolve: (answer) => {
          running -= 1;
          resolve(answer);
        },
      });
    });
  return { check, calls, maxRunning: () => maxRunning };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const tags = (count: number): TagCheckRequest[] =>
  Array.from({ length: count }, (_, i) => ({ image: 'quay.io/a/m', tag: `k${String(i)}` }));

describe('ImageTagCache', () => {
  it('keeps an answer for the TTL, a failed check for less, and shows the old answer after', () => {
    const clock = manualClock();
    const cache = new ImageTagCache(clock.now);
    cache.set('a', FOUND);
    cache.set('b', { result: 'unknown', reason: 'error', detail: 'timeout' });
    expect(cache.isFresh('a')).toBe(true);
    expect(cache.nextExpiry(['a', 'b'])).toBe(clock.now() + TAG_CHECK_ERROR_TTL_MS);
    clock.advance(TAG_CHECK_ERROR_TTL_MS);
    expect(cache.isFresh('b')).toBe(false);
    expect(cache.isFresh('a')).toBe(true);
    clock.advance(TAG_CHECK_TTL_MS - TAG_CHECK_ERROR_TTL_MS);
    expect(cache.isFresh('a')).toBe(false);
    expect(cache.get('a')).toEqual(FOUND);
    expect(cache.isFresh('never')).toBe(false);
    expect(cache.nextExpiry(['never'])).toBeUndefined();
  });
});

describe('ImageTagCheckScheduler', () => {
  it('runs at most 4 checks at once and all of them in the end', async () => {
    const checker = controlledChecker();
    const scheduler = new ImageTagCheckScheduler(checker.check);
    const answered = jest.fn();
    scheduler.subscribe(answered);
    scheduler.request(tags(10));
    expect(checker.calls).toHaveLength(4);
    for (let i = 0; i < 10; i++) {
      checker.calls[i].resolve(FOUND);
      await flush();
    }
    expect(checker.calls).toHaveLength(10);
    expect(checker.maxRunning()).toBe(4);
    expect(answered).toHaveBeenCalledTimes(10);
    expect(tags(10).every((t) => scheduler.answer(t)?.result === 'found')).toBe(true);
  });

  it('asks once per (image, tag) while an answer is on its way or fresh, and again when stale', async () => {
    const clock = manualClock();
    const checker = controlledChecker();
    const scheduler = new ImageTagCheckScheduler(checker.check, new ImageTagCache(clock.now), 2);
    const [one] = tags(1);
    scheduler.request([one, one]);
    scheduler.request([one]);
    expect(checker.calls).toHaveLength(1);
    checker.calls[0].resolve({ result: 'missing' });
    await flush();
    scheduler.request([one]);
    expect(checker.calls).toHaveLength(1);
    clock.advance(TAG_CHECK_TTL_MS);
    scheduler.request([one]);
    expect(checker.calls).toHaveLength(2);
    // The old answer stands until the new one comes.
    expect(scheduler.answer(one)).toEqual({ result: 'missing' });
    checker.calls[1].resolve(FOUND);
    await flush();
    expect(scheduler.answer(one)).toEqual(FOUND);
  });

  it('turns a failed check into an unknown answer with the error, and goes on', async () => {
    const scheduler = new ImageTagCheckScheduler(
      () => Promise.reject(new Error('boom')),
      undefined,
      1,
    );
    scheduler.request(tags(2));
    await flush();
    await flush();
    expect(scheduler.answer(tags(2)[1])).toEqual({
      result: 'unknown',
      reason: 'error',
      detail: 'boom',
    });
  });
});
