/**
 * What each node's Day 1 configs did, from the status files the console reads through the API server
 * (`/api/v1/nodes/<node>/proxy/logs/kmm-day1/<mc>/status.json`) and from the node itself: its phase,
 * its readiness and its bootID, including the bootID it had when MCO was done with it.
 */
import { isForOtherKernel, isFromOtherBoot } from './day1-status';
import type { Day1Reason, Day1Status } from './day1-status';
import type { Day1StatusProblem } from './messages';
import type { NodeRollout } from './types';

/** What the console got when it last asked for one node's status file of one config. */
export type Day1StatusRead =
  | { kind: 'read'; status: Day1Status; at: string }
  /** 404: the node has not written the file (yet). */
  | { kind: 'missing'; at: string }
  | { kind: 'malformed'; problems: Day1StatusProblem[]; at: string }
  /** The proxy could not reach the kubelet (502, 503, a timeout): the node may be down. */
  | {
      kind: 'unreachable';
      error: string;
      at: string;
      /** The last status read from the node, kept while it cannot be reached. */
      lastKnown?: { status: Day1Status; at: string };
    }
  /** 403: the user may not `get nodes/proxy`. */
  | { kind: 'forbidden'; at: string };

/** One node's Day 1 state for one config, worst first in DAY1_STATES. */
export type Day1State =
  /** The Day 1 units have not run on the new config: MCO is still updating the node. */
  | 'WaitingForMCO'
  /** The node pulls the module image (ImagesMissing, Pulling). */
  | 'PullingImage'
  /** The node reboots for the image it pulled, or came back from that reboot and has not reported. */
  | 'RebootingForImage'
  | 'Loading'
  | 'Loaded'
  /** The pull failed: the node keeps its in-tree driver. */
  | 'PullFailed'
  /** The load failed; `inTreeRestored` says whether the in-tree driver is back. */
  | 'LoadFailed'
  /** Refused before unloading anything; the in-tree driver is unchanged. */
  | 'Refused'
  | 'SkippedAfterCrash'
  | 'RebootBudgetUsed'
  /** The node does not answer through the API server; the last known status is kept. */
  | 'Unreachable'
  /** The only file is from an earlier boot or another kernel. */
  | 'Stale'
  /** MCO is done, and no status from this boot has been read yet. */
  | 'NotReported'
  /** The file does not parse. */
  | 'Unreadable'
  /** The user may not read the files (`nodes/proxy`). */
  | 'NoAccess';

/** What a state means for the rollout: the pool card counts nodes by outcome. */
export type Day1Outcome = 'loaded' | 'failed' | 'unreachable' | 'inProgress' | 'unknown';

const OUTCOME: Record<Day1State, Day1Outcome> = {
  WaitingForMCO: 'inProgress',
  PullingImage: 'inProgress',
  RebootingForImage: 'inProgress',
  Loading: 'inProgress',
  NotReported: 'inProgress',
  Stale: 'inProgress',
  Loaded: 'loaded',
  PullFailed: 'failed',
  LoadFailed: 'failed',
  Refused: 'failed',
  SkippedAfterCrash: 'failed',
  RebootBudgetUsed: 'failed',
  Unreadable: 'failed',
  Unreachable: 'unreachable',
  NoAccess: 'unknown',
};

export const day1Outcome = (state: Day1State): Day1Outcome => OUTCOME[state];

/** Worst first: the node's state is its worst config's. */
export const DAY1_STATES: readonly Day1State[] = [
  'LoadFailed',
  'Refused',
  'SkippedAfterCrash',
  'RebootBudgetUsed',
  'PullFailed',
  'Unreadable',
  'Unreachable',
  'RebootingForImage',
  'PullingImage',
  'Loading',
  'Stale',
  'NotReported',
  'WaitingForMCO',
  'NoAccess',
  'Loaded',
];

/** One config's state on one node, with what the views show about it. */
export interface ConfigDay1State {
  machineConfig: string;
  state: Day1State;
  /** The status the state comes from: current, or the last known for an unreachable or stale node. */
  status?: Day1Status;
  /** When the status was read (RFC 3339). */
  readAt?: string;
  /** LoadFailed: whether the in-tree driver is back. */
  inTreeRestored?: boolean | null;
  reason?: Day1Reason | null;
  /** The node's own words (lastError), or the proxy's error for an unreachable node. */
  error?: string | null;
  problems?: Day1StatusProblem[];
}

export interface NodeDay1State {
  /** The worst config's state. */
  state: Day1State;
  /** The config of that state, when the node has several. */
  worstConfig: string;
  configs: ConfigDay1State[];
  /** Whether the node counts as in a Day 1 reboot: its pool is not done while it is. */
  rebooting: boolean;
}

/** What the page knows of a node besides its rollout. */
export interface NodeDay1Facts {
  /** One read per Day 1 config of the node's pool target, by MachineConfig name; absent: not read. */
  reads: ReadonlyMap<string, Day1StatusRead | undefined>;
  /** The node's bootID when the page first saw MCO done with it; a later one means a reboot since. */
  bootIDWhenDone?: string;
}

const FROM_PHASE: Record<Day1Status['phase'], Day1State> = {
  ImagesMissing: 'PullingImage',
  Pulling: 'PullingImage',
  RebootPending: 'RebootingForImage',
  Loading: 'Loading',
  Loaded: 'Loaded',
  PullFailed: 'PullFailed',
  LoadFailed: 'LoadFailed',
  LoadRefused: 'Refused',
  LoadSkippedAfterCrash: 'SkippedAfterCrash',
  RebootBudgetExhausted: 'RebootBudgetUsed',
};

const fromStatus = (machineConfig: string, status: Day1Status, at: string): ConfigDay1State => {
  const state =
    status.phase === 'Loaded' && !status.moduleLoaded ? 'LoadFailed' : FROM_PHASE[status.phase];
  return {
    machineConfig,
    state,
    status,
    readAt: at,
    inTreeRestored: status.inTreeRestored,
    reason: status.reason,
    error: status.lastError,
  };
};

/** Whether a status was written by the node's current boot, on its current kernel. */
const isCurrent = (node: NodeRollout, status: Day1Status): boolean =>
  !isFromOtherBoot(node, status) && !isForOtherKernel(node, status);

/** One config's state on a node. `rebootedSinceDone`: the node's bootID changed after MCO was done. */
const configDay1State = (
  node: NodeRollout,
  machineConfig: string,
  read: Day1StatusRead | undefined,
  rebootedSinceDone: boolean,
): ConfigDay1State => {
  if (read?.kind === 'forbidden') return { machineConfig, state: 'NoAccess' };
  if (read?.kind === 'unreachable') {
    return {
      machineConfig,
      state: 'Unreachable',
      status: read.lastKnown?.status,
      readAt: read.lastKnown?.at ?? read.at,
      error: read.error,
    };
  }
  const done = node.phase === 'Updated';
  if (read?.kind === 'read') {
    const { status, at } = read;
    if (isCurrent(node, status)) {
      const current = fromStatus(machineConfig, status, at);
      // Before MCO is done only the steps of the Day 1 units in MCO's window say more than "waiting".
      if (!done && current.state !== 'PullingImage' && current.state !== 'RebootingForImage') {
        return { machineConfig, state: 'WaitingForMCO', status, readAt: at };
      }
      return current;
    }
    // A file from an earlier boot that said "rebooting for the image": that is the reboot just made.
    if (status.phase === 'RebootPending' && status.kernelVersion === (node.kernelVersion ?? '')) {
      return { machineConfig, state: 'RebootingForImage', status, readAt: at };
    }
    if (!done) {
      // The kubelet reports a new bootID only once it runs, after the pull unit: while MCO has the node
      // and it is not ready, a file from another boot is from the boot in progress.
      const pulling = status.phase === 'ImagesMissing' || status.phase === 'Pulling';
      return !node.kubeletReady && pulling
        ? fromStatus(machineConfig, status, at)
        : { machineConfig, state: 'WaitingForMCO', status, readAt: at };
    }
    return {
      machineConfig,
      state: rebootedSinceDone ? 'RebootingForImage' : 'Stale',
      status,
      readAt: at,
    };
  }
  if (!done) return { machineConfig, state: 'WaitingForMCO' };
  if (read?.kind === 'malformed') {
    return { machineConfig, state: 'Unreadable', readAt: read.at, problems: read.problems };
  }
  return { machineConfig, state: rebootedSinceDone ? 'RebootingForImage' : 'NotReported' };
};

const RANK = new Map(DAY1_STATES.map((state, index) => [state, index]));

/**
 * A node's Day 1 state over the configs of its pool's target (`configs`, by name); undefined when it
 * has none. Without read access the node is NoAccess, except that a reboot seen since MCO was done
 * still shows as a Day 1 reboot.
 */
export const nodeDay1State = (
  node: NodeRollout,
  configs: readonly string[],
  facts: NodeDay1Facts | undefined,
): NodeDay1State | undefined => {
  if (configs.length === 0) return undefined;
  const rebootedSinceDone =
    node.phase === 'Updated' &&
    facts?.bootIDWhenDone !== undefined &&
    node.bootID !== undefined &&
    facts.bootIDWhenDone !== node.bootID;
  const states = configs.map((config) => {
    const state = configDay1State(node, config, facts?.reads.get(config), rebootedSinceDone);
    return state.state === 'NoAccess' && rebootedSinceDone
      ? { ...state, state: 'RebootingForImage' as const }
      : state;
  });
  let worst = states[0];
  for (const state of states) {
    if ((RANK.get(state.state) ?? 0) < (RANK.get(worst.state) ?? 0)) worst = state;
  }
  return {
    state: worst.state,
    worstConfig: worst.machineConfig,
    configs: states,
    // Down for the Day 1 reboot, or back and not yet reporting from this boot: not done.
    rebooting:
      node.phase === 'Updated' &&
      states.some((s) => s.state === 'RebootingForImage' || s.state === 'NotReported'),
  };
};

/** A pool's Day 1 counts: "module loaded on `loaded` of `total` nodes". */
export interface Day1PoolCounts {
  total: number;
  loaded: number;
  failed: number;
  unreachable: number;
  inProgress: number;
  unknown: number;
  /** Nodes in a Day 1 reboot, or not yet reporting from their current boot, after MCO was done. */
  rebooting: number;
}

export const day1PoolCounts = (states: readonly (NodeDay1State | undefined)[]): Day1PoolCounts => {
  const counts: Day1PoolCounts = {
    total: 0,
    loaded: 0,
    failed: 0,
    unreachable: 0,
    inProgress: 0,
    unknown: 0,
    rebooting: 0,
  };
  for (const state of states) {
    if (state === undefined) continue;
    counts.total++;
    counts[day1Outcome(state.state)]++;
    if (state.rebooting) counts.rebooting++;
  }
  return counts;
};
