import { StableList } from './stable-objects';

const object = (name: string, resourceVersion: string, uid = `uid-${name}`) => ({
  metadata: { name, uid, resourceVersion },
  spec: { value: resourceVersion },
});

describe('StableList', () => {
  it('keeps the earlier copy of objects whose uid and resourceVersion did not change', () => {
    const list = new StableList<ReturnType<typeof object>>();
    const first = list.update([object('a', '1'), object('b', '1')]);
    // A watch hands back fresh copies of everything, with only b changed.
    const second = list.update([object('a', '1'), object('b', '2')]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].spec.value).toBe('2');
  });

  it('returns the earlier array when nothing changed', () => {
    const list = new StableList<ReturnType<typeof object>>();
    const first = list.update([object('a', '1'), object('b', '1')]);
    expect(list.update([object('a', '1'), object('b', '1')])).toBe(first);
  });

  it('takes a recreated object (new uid) and notices removals and new order', () => {
    const list = new StableList<ReturnType<typeof object>>();
    const first = list.update([object('a', '1'), object('b', '1')]);
    const recreated = list.update([object('a', '1', 'other'), object('b', '1')]);
    expect(recreated[0]).not.toBe(first[0]);
    expect(list.update([object('b', '1')])).toEqual([object('b', '1')]);
    const reordered = list.update([object('b', '1'), object('a', '1', 'other')]);
    expect(reordered.map((o) => o.metadata.name)).toEqual(['b', 'a']);
  });

  it('never reuses objects without a resourceVersion', () => {
    const list = new StableList<{ metadata: { name: string } }>();
    const first = list.update([{ metadata: { name: 'a' } }]);
    expect(list.update([{ metadata: { name: 'a' } }])[0]).not.toBe(first[0]);
  });
});
