import { useState } from 'react';

/**
 * `value`, or the value returned before while `same(before, value)`: a new array or set holding the
 * same items keeps its identity, so memoised components below skip their render.
 */
export const useStableValue = <T>(value: T, same: (before: T, value: T) => boolean): T => {
  const [kept, keep] = useState(value);
  // React's "information from previous renders" pattern: the update applies before children render.
  if (kept !== value && !same(kept, value)) {
    keep(value);
    return value;
  }
  return kept;
};

/** Same members. */
export const sameSet = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean =>
  a.size === b.size && [...a].every((item) => b.has(item));
