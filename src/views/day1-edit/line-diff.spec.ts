import { diffHunks, isUnchanged, lineDiff } from './line-diff';

describe('lineDiff', () => {
  it('marks nothing for equal texts', () => {
    const diff = lineDiff('a\nb\nc\n', 'a\nb\nc\n');
    expect(diff.map((line) => line.kind)).toEqual(['same', 'same', 'same']);
    expect(isUnchanged(diff)).toBe(true);
  });

  it('shows a changed line as removed then added, in place', () => {
    const diff = lineDiff('a\nimage=old\nc\n', 'a\nimage=new\nc\n');
    expect(diff).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'image=old' },
      { kind: 'added', text: 'image=new' },
      { kind: 'same', text: 'c' },
    ]);
    expect(isUnchanged(diff)).toBe(false);
  });

  it('keeps the longest common run of lines', () => {
    const diff = lineDiff('x\na\nb\nc\ny\n', 'a\nb\nz\nc\n');
    expect(diff.filter((l) => l.kind === 'same').map((l) => l.text)).toEqual(['a', 'b', 'c']);
    expect(diff.filter((l) => l.kind === 'removed').map((l) => l.text)).toEqual(['x', 'y']);
    expect(diff.filter((l) => l.kind === 'added').map((l) => l.text)).toEqual(['z']);
  });

  it('rebuilds both texts from the diff', () => {
    const before = ['one', 'two', 'three', 'four', 'five', 'six'].join('\n');
    const after = ['zero', 'two', 'three', '3.5', 'five', 'seven'].join('\n');
    const diff = lineDiff(before, after);
    expect(diff.filter((l) => l.kind !== 'added').map((l) => l.text)).toEqual(before.split('\n'));
    expect(diff.filter((l) => l.kind !== 'removed').map((l) => l.text)).toEqual(after.split('\n'));
  });
});

describe('diffHunks', () => {
  it('keeps three lines of context around each change, with line numbers', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${String(i + 1)}`);
    const after = [...lines];
    after[9] = 'changed';
    const hunks = diffHunks(lineDiff(lines.join('\n'), after.join('\n')));
    expect(hunks).toHaveLength(1);
    expect(hunks[0].oldStart).toBe(7);
    expect(hunks[0].newStart).toBe(7);
    expect(hunks[0].lines.map((l) => l.text)).toEqual([
      'line 7',
      'line 8',
      'line 9',
      'line 10',
      'changed',
      'line 11',
      'line 12',
      'line 13',
    ]);
  });

  it('splits far-apart changes into hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${String(i)}`);
    const after = lines.map((l, i) => (i === 2 || i === 25 ? `${l}!` : l));
    expect(diffHunks(lineDiff(lines.join('\n'), after.join('\n')))).toHaveLength(2);
  });
});
