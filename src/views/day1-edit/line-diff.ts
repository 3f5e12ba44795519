/**
 * A line diff of two texts (the YAML in the cluster and the YAML the form produces), as the
 * longest common subsequence of their lines: small enough to keep here, for texts of a few hundred
 * lines.
 */

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const linesOf = (text: string): string[] => {
  const lines = text.split('\n');
  // A final newline ends the last line; it does not start an empty one.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** The lines of `after` against `before`: removed lines come before the lines added in their place. */
export const lineDiff = (before: string, after: string): DiffLine[] => {
  const a = linesOf(before);
  const b = linesOf(after);
  // Common prefix and suffix first: most edits change a few lines in the middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
  const lcs = Array.from({ length: midA.length + 1 }, () =>
    new Array<number>(midB.length + 1).fill(0),
  );
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) {
      lcs[i][j] =
        midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      middle.push({ kind: 'same', text: midA[i] });
      i++;
      j++;
    } else if (j >= midB.length || (i < midA.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
      middle.push({ kind: 'removed', text: midA[i] });
      i++;
    } else {
      middle.push({ kind: 'added', text: midB[j] });
      j++;
    }
  }
  return [
    ...a.slice(0, start).map((text): DiffLine => ({ kind: 'same', text })),
    ...middle,
    ...a.slice(endA).map((text): DiffLine => ({ kind: 'same', text })),
  ];
};

/** A diff with no added or removed line: the two texts are the same. */
export const isUnchanged = (diff: readonly DiffLine[]): boolean =>
  diff.every((line) => line.kind === 'same');

export interface DiffHunk {
  /** 1-based line numbers in the old and new text where the hunk starts. */
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

/** The changed lines with `context` unchanged lines around them, as `diff -u` groups them. */
export const diffHunks = (diff: readonly DiffLine[], context = 3): DiffHunk[] => {
  const hunks: DiffHunk[] = [];
  let oldLine = 1;
  let newLine = 1;
  let current: DiffHunk | undefined;
  let lastChange = -Infinity;
  // The index of the next changed line at or after each line.
  const nextChange = new Array<number>(diff.length + 1).fill(Infinity);
  for (let k = diff.length - 1; k >= 0; k--)
    nextChange[k] = diff[k].kind === 'same' ? nextChange[k + 1] : k;
  diff.forEach((line, index) => {
    const changed = line.kind !== 'same';
    const near = changed || index - lastChange <= context || nextChange[index] - index <= context;
    if (near) {
      if (current === undefined) {
        current = { oldStart: oldLine, newStart: newLine, lines: [] };
        hunks.push(current);
      }
      current.lines.push(line);
    } else {
      current = undefined;
    }
    if (changed) lastChange = index;
    if (line.kind !== 'added') oldLine++;
    if (line.kind !== 'removed') newLine++;
  });
  return hunks;
};
