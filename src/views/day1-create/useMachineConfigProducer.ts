import { useEffect, useMemo, useState } from 'react';
import type { MachineConfig } from '../../k8s/types';
import type { Day1Options } from '../../producer';

type ProduceMachineConfig = (options: Day1Options) => MachineConfig;

/**
 * The producer's MachineConfig code embeds the node scripts (about 30 KB of shell): the create page
 * shows nothing made from it until every Day 1 field is valid, so it loads then, not with the page.
 */
const loadProducer = (): Promise<ProduceMachineConfig> =>
  import('../../producer/machine-config').then((producer) => producer.produceMachineConfig);

export interface MachineConfigProducer {
  /** The MachineConfig for `options`, once they are valid and the producer has loaded. */
  machineConfig?: MachineConfig;
  /** Valid options, and the producer still loading. */
  loading: boolean;
  /** The producer, once loaded: for the create plan. */
  produce?: ProduceMachineConfig;
}

/**
 * The MachineConfig the create page previews and creates, with the producer loaded the first time the
 * options are valid. A failed load is thrown while rendering, as React.lazy does, for console's error
 * boundary.
 */
export const useMachineConfigProducer = (
  options: Day1Options,
  valid: boolean,
): MachineConfigProducer => {
  const [produce, setProduce] = useState<ProduceMachineConfig>();
  const [failure, setFailure] = useState<{ error: unknown }>();
  const wanted = valid && produce === undefined;
  useEffect(() => {
    if (!wanted) return undefined;
    let current = true;
    loadProducer().then(
      (loaded) => {
        // A function is a state updater to React: hand it over inside one.
        if (current) setProduce(() => loaded);
      },
      (error: unknown) => {
        if (current) setFailure({ error });
      },
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  const machineConfig = useMemo(
    () => (valid && produce ? produce(options) : undefined),
    [valid, produce, options],
  );
  if (failure) throw failure.error;
  return { machineConfig, loading: wanted, produce };
};
