import { RETRY_INITIAL_MS, RETRY_MAX_MS, retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('waits 1 s after the first failure and doubles each time, up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 100].map(retryDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('stays within its bounds for any count', () => {
    for (const failures of [-1, 0, 0.5, 1e9, Number.MAX_SAFE_INTEGER]) {
      const delay = retryDelayMs(failures);
      expect(delay).toBeGreaterThanOrEqual(RETRY_INITIAL_MS);
      expect(delay).toBeLessThanOrEqual(RETRY_MAX_MS);
    }
  });
});
