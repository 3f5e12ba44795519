import { firstFreeName, nextFreeName } from './next-free-name';

describe('nextFreeName', () => {
  it('appends -2, or counts up a number already there', () => {
    expect(nextFreeName('99-sfc-sfc-day1')).toBe('99-sfc-sfc-day1-2');
    expect(nextFreeName('99-sfc-sfc-day1-2')).toBe('99-sfc-sfc-day1-3');
    expect(nextFreeName('99-sfc-sfc-day1-9')).toBe('99-sfc-sfc-day1-10');
  });
});

describe('firstFreeName', () => {
  it('skips the names that are taken', () => {
    const taken = new Set(['99-sfc-sfc-day1', '99-sfc-sfc-day1-2', '99-sfc-sfc-day1-3']);
    expect(firstFreeName('99-sfc-sfc-day1', taken)).toBe('99-sfc-sfc-day1-4');
    expect(firstFreeName('99-sfc-sfc-day1', new Set())).toBe('99-sfc-sfc-day1-2');
  });
});
