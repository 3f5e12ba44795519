import { useEffect, useState } from 'react';

/** Modules loaded so far, by their loader: a page opened later has them at its first render. */
const loadedModules = new Map<() => Promise<unknown>, unknown>();

/**
 * A module loaded on demand, the first time `wanted` is true; undefined until it has loaded. `load`
 * is one function per module, declared at module level: the loaded module is kept by it for the
 * console session. A failed load is thrown while rendering, as React.lazy does, for console's error
 * boundary.
 */
export const useLazyModule = <M>(load: () => Promise<M>, wanted = true): M | undefined => {
  const [module, setModule] = useState(() => loadedModules.get(load) as M | undefined);
  const [failure, setFailure] = useState<{ error: unknown }>();
  const pending = wanted && module === undefined;
  useEffect(() => {
    if (!pending) return undefined;
    let current = true;
    load().then(
      (loaded) => {
        loadedModules.set(load, loaded);
        if (current) setModule(() => loaded);
      },
      (error: unknown) => {
        if (current) setFailure({ error });
      },
    );
    return () => {
      current = false;
    };
  }, [pending, load]);
  if (failure) throw failure.error;
  return module;
};
