/**
 * Preflight: what creating a Day 1 config will do before anything is created. Pure derivations from
 * the pool, its nodes and the registry's answers, for the create page.
 */
export type { KernelGroup } from './kernel-groups';
export { groupNodesByKernel, nodesInPool } from './kernel-groups';
export type { ImageCheck, ImageCheckResult } from './image-checks';
export { imageStreamImportRequest, readImageChecks } from './image-checks';
export type { RebootPlan } from './reboot-plan';
export { rebootPlan } from './reboot-plan';
export type { CustomPoolEligibility, NodePool } from './pool-membership';
export { customPoolEligibility, nodesReachedByPoolConfigs, poolOfNode } from './pool-membership';
export type { SameModuleConfig } from './same-module';
export { day1ConfigsLoadingSameModule } from './same-module';
