/**
 * The Day 1 producer: turns Day 1 parameters into a MachineConfig (and a custom MachineConfigPool).
 * Pure TypeScript with js-yaml as its only dependency, so the console pages, the CLI and the tests all
 * run this same code, in the browser or in Node. All validation of Day 1 parameters lives here.
 * Only ./yaml imports js-yaml: with package.json's "sideEffects": false, pages that import this index
 * without using the YAML functions do not bundle it.
 */
export type {
  Day1Options,
  FieldError,
  FieldProblem,
  ImageReferenceProblem,
  ModuleNameProblem,
} from './options';
export { Day1ValidationError } from './options';
export { DEFAULT_WORKER_IMAGE } from './worker-image';
export { validateDay1Options } from './validate';
export { produceMachineConfig, ROLE_LABEL } from './machine-config';
export { machineConfigToYAML, produceMachineConfigYAML, toYAML } from './yaml';
export { formatDay1Warning, formatFieldError, formatPoolProblem } from './english';
export type { Day1Warning } from './warnings';
export { day1Warnings } from './warnings';
export type { MachineConfigPoolOptions, PoolProblem } from './pool-options';
export { POOL_CREATED_FOR_ANNOTATION, validateMachineConfigPool } from './pool-options';
export { produceMachineConfigPool } from './machine-config-pool';
export type { Day1ConfigSummary } from './read-machine-config';
export { readDay1MachineConfig } from './read-machine-config';
export { nodeLayout } from './node-layout';
export { day1UtilityCommand, defaultMachineConfigName, shellQuote } from './command-line';
export type { FileContents, InstalledUnit } from './installed-contents';
export { installedContents } from './installed-contents';
