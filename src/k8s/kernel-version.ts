/** Runs of digits and runs of anything else: "5.14.0-284.el9" → ["5", ".", "14", ".", "0", "-", "284", ".el", "9"]. */
const runs = (version: string): string[] => version.match(/\d+|\D+/g) ?? [];

const isDigits = (run: string): boolean => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

/** Two runs of digits by value, without a number's precision limit: leading zeros aside, longer is larger. */
const compareNumbers = (a: string, b: string): number => {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Orders kernel versions (`status.nodeInfo.kernelVersion`, e.g. `5.14.0-427.28.1.el9_4.x86_64`) as
 * versions: digit runs by value, so 5.14.0-1000 comes after 5.14.0-284, other runs as text. A version
 * that is a prefix of another comes first. Equal-valued versions that differ in writing (`01`, `1`)
 * fall back to text, so the order is total.
 */
export const compareKernelVersions = (a: string, b: string): number => {
  const left = runs(a);
  const right = runs(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    const order =
      isDigits(x) && isDigits(y)
        ? compareNumbers(x, y)
        : // A number sorts before text at the same place: 5.14 before 5.x.
          isDigits(x) !== isDigits(y)
          ? isDigits(x)
            ? -1
            : 1
          : compareText(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length || compareText(a, b);
};
