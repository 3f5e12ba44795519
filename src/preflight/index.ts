/**
 * Preflight: what creating a Day 1 config will do before anything is created. Pure derivations from
 * the pool, its nodes and the registry's answers, for the create page: codes with parameters, which
 * the views word. MCO's own rules (pool membership, maxUnavailable) are in src/mco.
 */
export type { KernelGroup } from './kernel-groups';
export { groupNodesByKernel } from './kernel-groups';
export type { ImageCheck, ImageCheckResult } from './image-checks';
export { imageStreamImportRequest, readImageChecks } from './image-checks';
export type { RebootPlan } from './reboot-plan';
export { rebootPlan } from './reboot-plan';
export type { PoolNote, Preflight, PreflightInput, PreflightScope, RebootNote } from './preflight';
export { derivePreflight, preflightScope } from './preflight';
export type { SameModuleConfig } from './same-module';
export { day1ConfigsLoadingSameModule } from './same-module';
