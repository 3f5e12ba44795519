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
  it('drops, on the next answer, the answers stale for longer than the TTL; keeps younger stale ones', () => {
    const clock = manualClock();
    const cache = new ImageTagCache(clock.now);
    cache.set('old', { result: 'missing' });
    cache.set('failed', { result: 'unknown', reason: 'error', detail: 'timeout' });
    clock.advance(TAG_CHECK_TTL_MS);
    cache.set('recent', FOUND);
    // Stale, shown while asked again: nothing is dropped yet.
    expect(cache.get('old')).toEqual({ result: 'missing' });
    expect(cache.get('failed')).toBeDefined();
    clock.advance(TAG_CHECK_TTL_MS - TAG_CHECK_ERROR_TTL_MS);
    cache.set('new', FOUND);
    // The failed check has been stale for a TTL now; the missing answer for less.
    expect(cache.get('failed')).toBeUndefined();
    expect(cache.get('old')).toEqual({ result: 'missing' });
    clock.advance(TAG_CHECK_ERROR_TTL_MS);
    expect(cache.get('old')).toEqual({ result: 'missing' });
    cache.set('newer', FOUND);
    expect(cache.get('old')).toBeUndefined();
    expect(cache.nextExpiry(['old', 'failed'])).toBeUndefined();
    // Answers not yet stale for a TTL stay.
    expect(['recent', 'new', 'newer'].map((key) => cache.get(key))).toEqual([FOUND, FOUND, FOUND]);
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

  it('asks again at once on recheck, keeping the old answer meanwhile', async () => {
    const checker = controlledChecker();
    const scheduler = new ImageTagCheckScheduler(checker.check);
    const [one] = tags(1);
    scheduler.request([one]);
    checker.calls[0].resolve({ result: 'missing' });
    await flush();
    scheduler.request([one]);
    expect(checker.calls).toHaveLength(1);
    scheduler.recheck([one]);
    expect(checker.calls).toHaveLength(2);
    expect(scheduler.answer(one)).toEqual({ result: 'missing' });
    checker.calls[1].resolve(FOUND);
    await flush();
    expect(scheduler.answer(one)).toEqual(FOUND);
  });

  it('asks again after a running check when "check again" comes while it runs', async () => {
    const checker = controlledChecker();
    const scheduler = new ImageTagCheckScheduler(checker.check);
    const answered = jest.fn();
    scheduler.subscribe(answered);
    const [one] = tags(1);
    scheduler.request([one]);
    expect(checker.calls).toHaveLength(1);
    // The tag is pushed and the user asks again while the first check is still out.
    scheduler.recheck([one]);
    expect(checker.calls).toHaveLength(1);
    // The first answer comes from before the push: shown, not taken as fresh, asked again.
    checker.calls[0].resolve({ result: 'missing' });
    await flush();
    expect(answered).toHaveBeenCalledTimes(1);
    expect(checker.calls).toHaveLength(2);
    expect(checker.calls[1].request).toEqual(one);
    expect(scheduler.answer(one)).toEqual({ result: 'missing' });
    expect(scheduler.cache.isFresh('quay.io/a/m:k0')).toBe(false);
    // A request meanwhile does not ask a third time.
    scheduler.request([one]);
    expect(checker.calls).toHaveLength(2);
    checker.calls[1].resolve(FOUND);
    await flush();
    expect(scheduler.answer(one)).toEqual(FOUND);
    expect(scheduler.cache.isFresh('quay.io/a/m:k0')).toBe(true);
    // Once answered, it is not asked again until stale or rechecked.
    scheduler.request([one]);
    await flush();
    expect(checker.calls).toHaveLength(2);
  });

  it('does not ask twice for a recheck of a check still queued: it has not asked yet', async () => {
    const checker = controlledChecker();
    const scheduler = new ImageTagCheckScheduler(checker.check, undefined, 1);
    const [first, second] = tags(2);
    scheduler.request([first, second]);
    expect(checker.calls).toHaveLength(1);
    scheduler.recheck([second]);
    checker.calls[0].resolve(FOUND);
    await flush();
    expect(checker.calls.map((call) => call.request)).toEqual([first, second]);
    checker.calls[1].resolve(FOUND);
    await flush();
    expect(checker.calls).toHaveLength(2);
    expect(scheduler.answer(second)).toEqual(FOUND);
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
