import { useLazyModule } from '../shared/useLazyModule';
import type * as CreateProducersModule from './create-producers';

export type CreateProducers = typeof CreateProducersModule;

const loadCreateProducers = () => import('./create-producers');

/**
 * The producers of the create page, loaded the first time `wanted` is true (the Day 1 fields are
 * valid, or the user chooses to create a pool); undefined until then.
 */
export const useCreateProducers = (wanted: boolean): CreateProducers | undefined =>
  useLazyModule(loadCreateProducers, wanted);
