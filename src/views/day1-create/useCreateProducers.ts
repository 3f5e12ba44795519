import { useEffect, useState } from 'react';
import type * as CreateProducersModule from './create-producers';

export type CreateProducers = typeof CreateProducersModule;

/**
 * The producers of the create page, loaded the first time `wanted` is true (the Day 1 fields are
 * valid, or the user chooses to create a pool); undefined until then. A failed load is thrown while
 * rendering, as React.lazy does, for console's error boundary.
 */
export const useCreateProducers = (wanted: boolean): CreateProducers | undefined => {
  const [producers, setProducers] = useState<CreateProducers>();
  const [failure, setFailure] = useState<{ error: unknown }>();
  const load = wanted && producers === undefined;
  useEffect(() => {
    if (!load) return undefined;
    let current = true;
    import('./create-producers').then(
      (loaded) => {
        if (current) setProducers(loaded);
      },
      (error: unknown) => {
        if (current) setFailure({ error });
      },
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (failure) throw failure.error;
  return producers;
};
