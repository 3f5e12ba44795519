import { nextFreeName } from './next-free-name';

describe('nextFreeName', () => {
  it('appends -2, or counts up a number already there', () => {
    expect(nextFreeName('99-sfc-sfc-day1')).toBe('99-sfc-sfc-day1-2');
    expect(nextFreeName('99-sfc-sfc-day1-2')).toBe('99-sfc-sfc-day1-3');
    expect(nextFreeName('99-sfc-sfc-day1-9')).toBe('99-sfc-sfc-day1-10');
  });
});
