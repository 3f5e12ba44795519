import { SameOrNew } from './same-or-new';

const build = <T>(previous: readonly T[] | undefined, items: readonly T[]): readonly T[] => {
  const list = new SameOrNew(previous);
  for (const item of items) list.push(item);
  return list.result();
};

describe('SameOrNew', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };
  const c = { name: 'c' };

  it('gives back the previous array while every item is the same one', () => {
    const previous = [a, b];
    expect(build(previous, [a, b])).toBe(previous);
  });

  it('builds a new array once an item differs, keeping the items before it', () => {
    const previous = [a, b];
    const next = build(previous, [a, c]);
    expect(next).not.toBe(previous);
    expect(next).toEqual([a, c]);
    expect(previous).toEqual([a, b]);
  });

  it('gives a new array when items are added or left out', () => {
    expect(build([a], [a, b])).toEqual([a, b]);
    expect(build([a, b], [a])).toEqual([a]);
    expect(build([a, b], [])).toEqual([]);
  });

  it('keeps undefined items, with or without a previous array', () => {
    expect(build(undefined, [undefined, a])).toEqual([undefined, a]);
    expect(build<{ name: string } | undefined>([a], [a, undefined])).toEqual([a, undefined]);
    const previous = [undefined, undefined];
    expect(build(previous, [undefined, undefined])).toBe(previous);
  });
});
