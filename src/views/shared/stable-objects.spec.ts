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

  it('keeps objects a store hands back unchanged, and still sees the changed ones', () => {
    const list = new StableList<ReturnType<typeof object>>();
    const a = object('a', '1');
    const b = object('b', '1');
    const first = list.update([a, b]);
    expect(list.update([a, b])).toBe(first);
    const b2 = object('b', '2');
    const second = list.update([a, b2]);
    expect(second).toEqual([a, b2]);
    expect(second[0]).toBe(first[0]);
  });

  it('forgets deleted objects without losing track of the others', () => {
    const list = new StableList<ReturnType<typeof object>>();
    const many = Array.from({ length: 300 }, (_, i) => object(`n${String(i)}`, '1'));
    list.update(many);
    const kept = list.update([object('n7', '1')]);
    expect(kept[0]).toBe(many[7]);
    expect(list.update([object('n7', '2')])[0].spec.value).toBe('2');
  });
});
