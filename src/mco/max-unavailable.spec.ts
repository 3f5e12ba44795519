/**
 * spec.maxUnavailable as MCO's node controller reads it: an int-or-string, default 1, a percentage of the
 * pool's nodes rounded down, never 0, and one node at a time for the arbiter pool.
 */
import { maxUnavailableCount } from './max-unavailable';

describe('maxUnavailableCount', () => {
  it('defaults to 1 and takes an integer as is', () => {
    expect(maxUnavailableCount(undefined, 'worker', 10)).toBe(1);
    expect(maxUnavailableCount(3, 'worker', 10)).toBe(3);
    // More than the pool has is allowed: every node at once.
    expect(maxUnavailableCount(20, 'worker', 10)).toBe(20);
  });

  it('scales a percentage over the pool, rounding down', () => {
    expect(maxUnavailableCount('50%', 'worker', 5)).toBe(2);
    expect(maxUnavailableCount('10%', 'worker', 25)).toBe(2);
    expect(maxUnavailableCount('100%', 'worker', 7)).toBe(7);
  });

  it('never stalls a rollout: 0, or a percentage that rounds to 0, means 1', () => {
    expect(maxUnavailableCount(0, 'worker', 10)).toBe(1);
    expect(maxUnavailableCount('0%', 'worker', 10)).toBe(1);
    expect(maxUnavailableCount('10%', 'worker', 3)).toBe(1);
  });

  it('updates the arbiter pool one node at a time whatever it says', () => {
    expect(maxUnavailableCount(3, 'arbiter', 3)).toBe(1);
    expect(maxUnavailableCount('100%', 'arbiter', 3)).toBe(1);
  });

  it('cannot read a string that is not a percentage', () => {
    expect(maxUnavailableCount('2', 'worker', 10)).toBeUndefined();
    expect(maxUnavailableCount('half', 'worker', 10)).toBeUndefined();
  });
});
