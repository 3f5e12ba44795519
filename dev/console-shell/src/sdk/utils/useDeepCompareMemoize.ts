import { useState } from 'react';
import { deepEqual } from './deep-equal';

/**
 * Returns the previous value while the new one is deeply equal, so that inline objects passed
 * to hooks (`useK8sWatchResource({ ... })`) do not restart work on every render.
 * (State updated during render: React's pattern for values derived from previous renders.)
 */
export const useDeepCompareMemoize = <T>(value: T): T => {
  const [memo, setMemo] = useState<T>(() => value);
  if (!deepEqual(memo, value)) {
    setMemo(() => value);
    return value;
  }
  return memo;
};
