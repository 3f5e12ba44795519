/**
 * What the rollout says about nodes, pools and Day 1 configs, as codes with parameters: the console
 * pages translate them (src/views/shared/rollout-text.ts) and `day1-utility rollout` words them in
 * English (./english). Code `mco` carries MCO's own words (a condition message, the daemon's reason),
 * which are data from the cluster and shown as they are.
 */
import type { Day1Phase, Day1Reason } from './day1-status';
import type { DrainBlock } from './drain-block';
import type { NodePhase } from './types';

type NoParams = Record<string, undefined>;

/** MCO's words, quoted from the cluster. */
interface McoMessage {
  code: 'mco';
  params: { text: string };
}

/** Why a node is unavailable, in oc's words (checkNodeReady). */
export type NotReadyReason = 'NotReady' | 'DiskPressure' | 'NetworkUnavailable' | 'Unschedulable';

/** Why a node is in its phase; `config` is the rendered config it moves to. */
export type NodeMessage =
  | McoMessage
  /** The daemon's state is degraded (or another degraded state, such as Unreconcilable). */
  | { code: 'daemonReportsState'; params: { state: string } }
  | { code: 'daemonReportsDegraded'; params: NoParams }
  | { code: 'rebootingInto'; params: { config: string } }
  | { code: 'postConfigAction'; params: { config: string } }
  | { code: 'writingFilesAndOS'; params: { config: string } }
  | { code: 'drainingNode'; params: NoParams }
  | { code: 'drainingNodeFor'; params: { config: string } }
  /** The drain controller reports a failed drain and retries; `text` is its message. */
  | { code: 'drainBlocked'; params: DrainBlock & { text: string } }
  | { code: 'drainedWriting'; params: { config: string } }
  | { code: 'cordonedDrainingNext'; params: NoParams }
  | { code: 'appliedFinishing'; params: { config: string } }
  | { code: 'appliedAwaitingUncordon'; params: { config: string } }
  | { code: 'awaitingDaemon'; params: { config: string } }
  | { code: 'daemonUpdating'; params: { config: string } }
  | { code: 'notReady'; params: { reasons: NotReadyReason[] } }
  | { code: 'daemonProcessing'; params: NoParams }
  | { code: 'noCurrentConfig'; params: NoParams }
  | { code: 'poolPaused'; params: { pool: string; config: string } }
  | { code: 'notOnRelease'; params: { version: string } }
  | { code: 'awaitingUpdateTo'; params: { config: string } }
  | { code: 'awaitingPoolTarget'; params: NoParams }
  | { code: 'poolConflict'; params: { pools: string[] } }
  | { code: 'windowsNotManaged'; params: NoParams }
  /** MCO is done; the node reboots for, or has not yet reported from, the Day 1 image. */
  | { code: 'rebootingForDay1Image'; params: { config: string } }
  | { code: 'notInPool'; params: NoParams };

/** A pool's state in words; `config` is the pool's target, absent before MCO first renders it. */
export type PoolMessage =
  | McoMessage
  | { code: 'cannotRender'; params: NoParams }
  | { code: 'poolDegraded'; params: NoParams }
  | { code: 'nodeReporting'; params: { node: string; message: NodeMessage } }
  | { code: 'allUpdated'; params: NoParams }
  | { code: 'allUpdatedWith'; params: { config: string } }
  | { code: 'pausedBeforeFirstConfig'; params: NoParams }
  | { code: 'pausedBefore'; params: { config: string } }
  | { code: 'updatingToFirstConfig'; params: NoParams }
  | { code: 'updatingTo'; params: { config: string } }
  /** MCO is done, but `count` nodes are in a Day 1 image reboot or have not reported since. */
  | { code: 'day1Rebooting'; params: { count: number } };

/** What is wrong with a node's Day 1 status file (parseDay1Status). */
export type Day1StatusProblem =
  /** `error`: the JSON parser's own words. */
  | { code: 'notJSON'; params: { error: string } }
  /** `found`: the JSON type found, such as null, array or string. */
  | { code: 'notObject'; params: { found: string } }
  | { code: 'fieldNotString'; params: { field: string } }
  | { code: 'fieldNotStringOrNull'; params: { field: string } }
  | { code: 'fieldNotBoolean'; params: { field: string } }
  | { code: 'fieldNotBooleanOrNull'; params: { field: string } }
  /** A whole number, zero or more. */
  | { code: 'fieldNotCount'; params: { field: string } }
  /** `found`: the version as JSON, undefined when missing. */
  | { code: 'unsupportedSchemaVersion'; params: { supported: number; found?: string } }
  /** `found`: the phase as JSON, undefined when missing. */
  | { code: 'unknownPhase'; params: { phases: readonly string[]; found?: string } }
  | { code: 'unknownReason'; params: { reasons: readonly string[]; found?: string } };

/** Why a verify run has no status for a config. */
export type StatusFileProblem =
  | { code: 'notFound'; params: NoParams }
  | { code: 'empty'; params: NoParams }
  /** The node's own words (e.g. cat's error), shown as they are. */
  | { code: 'output'; params: { line: string } }
  | { code: 'malformed'; params: { problems: Day1StatusProblem[] } };

/** What a node's Day 1 config did, in words (the state says how it ended). */
export type Day1Message =
  | { code: 'awaitingMCO'; params: { phase: NodePhase } }
  | { code: 'notVerified'; params: NoParams }
  | { code: 'statusFromEarlierBoot'; params: { phase: Day1Phase; updatedAt: string } }
  | { code: 'statusForOtherKernel'; params: { statusKernel: string; nodeKernel: string } }
  | { code: 'waitingForImagePullReboot'; params: NoParams }
  | { code: 'loading'; params: NoParams }
  | { code: 'loaded'; params: NoParams }
  | { code: 'loadedButNotInKernel'; params: NoParams }
  /** `error`: the scripts' last error, as the node wrote it (null when none). */
  | { code: 'pullFailed'; params: { image: string; error: string | null } }
  /** `inTreeRestored`: whether the in-tree modules unloaded for the load are back (null: none were). */
  | { code: 'loadFailed'; params: { error: string | null; inTreeRestored: boolean | null } }
  /** `module`: the module that blocks, else the module to load. */
  | {
      code: 'loadRefused';
      params: { reason: Day1Reason | null; module: string; error: string | null };
    }
  | { code: 'loadSkippedAfterCrash'; params: { image: string } }
  | { code: 'rebootBudgetExhausted'; params: { rebootsUsed: number; error: string | null } }
  | { code: 'noStatusFile'; params: { machineConfig: string; problem: StatusFileProblem } }
  | { code: 'lsmodDoesNotList'; params: { module: string } }
  | { code: 'nothingToVerify'; params: NoParams }
  | { code: 'noStatusPrinted'; params: NoParams };
