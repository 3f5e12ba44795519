/**
 * The rollout of MachineConfigs to nodes: per pool progress and per node phases with
 * `oc adm upgrade status`'s rules, from MachineConfigPools, Nodes, MachineConfigNodes and MachineConfigs,
 * and the Day 1 follow-up from each node's status file. Pure TypeScript: the console pages and
 * `day1-utility rollout` run this same code.
 */
export type {
  NodePhase,
  NodeRollout,
  PoolRollout,
  PoolState,
  Rollout,
  RolloutInput,
} from './types';
export { NODE_PHASES } from './types';
export type {
  Day1Message,
  Day1StatusProblem,
  NodeMessage,
  NotReadyReason,
  PoolMessage,
  StatusFileProblem,
} from './messages';
export {
  formatDay1Message,
  formatDay1State,
  formatNodeMessage,
  formatPoolMessage,
  formatVerifyOutcome,
} from './english';
export { RolloutDeriver, deriveRollout, sameItems } from './deriver';
export {
  DEFAULT_DAY1_REBOOT_MS,
  DEFAULT_NODE_UPDATE_MS,
  estimateRemainingMs,
  nodeEstimate,
} from './estimate';
export type { PoolTiming } from './estimate';
export type { Day1FollowUp, Day1Reason, Day1Status } from './day1-status';
export type { DrainBlock } from './drain-block';
export { DAY1_PHASES, day1FollowUp } from './day1-status';
export { Day1StatusError, parseDay1Status } from './day1-status-file';
export type {
  ConfigDay1State,
  Day1Outcome,
  Day1State,
  Day1StatusRead,
  NodeDay1Facts,
  NodeDay1State,
} from './day1-state';
export { DAY1_STATES, day1Outcome } from './day1-state';
export type { Day1Rollout, PoolDay1 } from './day1-rollout';
export { Day1RolloutDeriver } from './day1-rollout';
export { SameOrNew } from './same-or-new';
export type { VerifyOutput, VerifyPodOptions } from './verify-pod';
export type { VerifyOutcome } from './verify-outcome';
export { verifyOutcome } from './verify-outcome';
export {
  DEFAULT_VERIFY_IMAGE,
  DEFAULT_VERIFY_NAMESPACE,
  VERIFY_POD_LABEL,
  parseVerifyOutput,
  verifyPod,
  verifyScript,
} from './verify-pod';
export type { ConfigCoverage, TagCheck, TagCheckRequest } from './kernel-coverage';
export { kernelCoverage, kernelsToCheck, tagCheckKey, tagChecksFor } from './kernel-coverage';
export { formatCoverageSummary, formatTagCheck } from './kernel-coverage-english';
export type {
  ClusterUpdate,
  ConfigReadiness,
  DriverToolkitKernels,
  PoolReadiness,
  ReadinessKernel,
  UpdateReadiness,
} from './update-readiness';
export { declaredTagChecks, driverToolkitKernels, updateReadiness } from './update-readiness';
