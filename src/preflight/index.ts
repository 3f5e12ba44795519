/**
 * Preflight: what creating a Day 1 config will do before anything is created. Pure derivations from
 * the pool, its nodes and the registry's answers, for the create page: codes with parameters, which
 * the views word. MCO's own rules (pool membership, maxUnavailable) are in src/mco.
 */
export { groupNodesByKernel } from './kernel-groups';
export type { ImageCheck, ImageCheckResult } from './image-checks';
export { imageStreamImportRequest, readImageChecks } from './image-checks';
export { rebootPlan } from './reboot-plan';
export type { ConfigChange, EditableField } from './config-change';
export { configChange, isNoChange } from './config-change';
export type { PoolNote, Preflight, RebootNote } from './preflight';
export { derivePreflight, preflightScope } from './preflight';
export type { SameModuleConfig } from './same-module';
export { day1ConfigsLoadingSameModule } from './same-module';
export { defaultCheckNamespace } from './check-namespace';
export type { ReapplyConflict, Reapplied } from './reapply';
export { reapplyOnTop } from './reapply';
