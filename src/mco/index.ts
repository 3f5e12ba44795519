/**
 * The Machine Config Operator's rules, each written once: which pool manages a node, which nodes a
 * config reaches, how many nodes a pool updates at once, how long that takes, and the names MCO uses.
 * Pure; used by the preflight, the rollout derivation and the CLI.
 */
export * from './names';
export { maxUnavailableCount } from './max-unavailable';
export { DAY1_REBOOT_MINUTES, MCO_MINUTES_PER_NODE } from './timings';
export type { NodePool } from './pool-membership';
export {
  customPoolEligibility,
  nodesReachedByPoolConfigs,
  poolOfLabels,
  poolOfNode,
  poolsTakingConfigsFor,
  poolTakesConfig,
} from './pool-membership';
