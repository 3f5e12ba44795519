/**
 * What the create page makes its objects with: the producer's MachineConfig code, which embeds the
 * node scripts (about 30 KB of shell), and its pool code, with the English of its errors. The page
 * loads this module only once it has something to make (useCreateProducers).
 */
export { produceMachineConfig } from '../../producer/machine-config';
export { produceMachineConfigPool } from '../../producer/machine-config-pool';
