/**
 * The Day 1 status file each node writes at /var/lib/kmm-day1/<mc>/status.json (write_status in
 * src/producer/scripts/common.sh), and what it says about a node once MCO is done with it.
 */
import { formatDay1StatusProblem } from './english';
import { asRecord } from './loose';
import type { Day1Message, Day1StatusProblem } from './messages';
import type { NodeRollout } from './types';

export const DAY1_PHASES = [
  'ImagesMissing',
  'Pulling',
  'PullFailed',
  'RebootPending',
  'Loading',
  'Loaded',
  'LoadFailed',
] as const;

export type Day1Phase = (typeof DAY1_PHASES)[number];

/** The status file, field for field. */
export interface Day1Status {
  machineConfig: string;
  phase: Day1Phase;
  kernelVersion: string;
  kernelModule: string;
  kernelModuleImage: string;
  workerImage: string;
  moduleLoaded: boolean;
  lastError: string | null;
  bootID: string;
  loadedAt: string | null;
  updatedAt: string;
}

/** A status file that is not what the scripts write; `problems` says what is wrong. */
export class Day1StatusError extends Error {
  constructor(readonly problems: Day1StatusProblem[]) {
    super(
      `the Day 1 status file is malformed: ${problems.map(formatDay1StatusProblem).join('; ')}`,
    );
    this.name = 'Day1StatusError';
  }
}

const STRING_FIELDS = [
  'machineConfig',
  'kernelVersion',
  'kernelModule',
  'kernelModuleImage',
  'workerImage',
  'bootID',
  'updatedAt',
] as const;
const NULLABLE_STRING_FIELDS = ['lastError', 'loadedAt'] as const;

/**
 * Reads a status file's text. Throws Day1StatusError naming every problem: not JSON, not an object, a
 * missing field, a field of the wrong type, an unknown phase. Fields the scripts do not write are ignored.
 */
export const parseDay1Status = (json: string): Day1Status => {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Day1StatusError([
      {
        code: 'notJSON',
        params: { error: error instanceof Error ? error.message : String(error) },
      },
    ]);
  }
  const record = asRecord(value);
  if (record === undefined) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    throw new Day1StatusError([{ code: 'notObject', params: { found } }]);
  }
  const problems: Day1StatusProblem[] = [];
  for (const field of STRING_FIELDS) {
    if (typeof record[field] !== 'string')
      problems.push({ code: 'fieldNotString', params: { field } });
  }
  for (const field of NULLABLE_STRING_FIELDS) {
    if (record[field] !== null && typeof record[field] !== 'string') {
      problems.push({ code: 'fieldNotStringOrNull', params: { field } });
    }
  }
  if (typeof record.moduleLoaded !== 'boolean') {
    problems.push({ code: 'fieldNotBoolean', params: { field: 'moduleLoaded' } });
  }
  if (!(DAY1_PHASES as readonly unknown[]).includes(record.phase)) {
    problems.push({
      code: 'unknownPhase',
      params: {
        phases: DAY1_PHASES,
        found: record.phase === undefined ? undefined : JSON.stringify(record.phase),
      },
    });
  }
  if (problems.length > 0) throw new Day1StatusError(problems);
  const status = record as unknown as Day1Status;
  return {
    machineConfig: status.machineConfig,
    phase: status.phase,
    kernelVersion: status.kernelVersion,
    kernelModule: status.kernelModule,
    kernelModuleImage: status.kernelModuleImage,
    workerImage: status.workerImage,
    moduleLoaded: status.moduleLoaded,
    lastError: status.lastError,
    bootID: status.bootID,
    loadedAt: status.loadedAt,
    updatedAt: status.updatedAt,
  };
};

export type Day1FollowUpState =
  /** MCO is not done with the node: the Day 1 units have not run on the new config yet. */
  | 'AwaitingMCO'
  /** The images are being pulled, or pulled and the node is about to reboot to load the module. */
  | 'WaitingForImagePullReboot'
  /** After that reboot, the load unit is loading the module. */
  | 'Loading'
  | 'ModuleLoaded'
  | 'ModuleNotLoaded'
  /** Not verified, or the status file is from another boot or kernel. */
  | 'Unknown';

export interface Day1FollowUp {
  state: Day1FollowUpState;
  /** What happened, or why the state is unknown. */
  message: Day1Message;
}

/**
 * What a node's Day 1 config did, from its rollout and its status file (undefined when not read yet,
 * e.g. before the console's Verify action). Only meaningful once MCO has updated the node.
 */
export const day1FollowUp = (node: NodeRollout, status: Day1Status | undefined): Day1FollowUp => {
  if (node.phase !== 'Updated') {
    return {
      state: 'AwaitingMCO',
      message: { code: 'awaitingMCO', params: { phase: node.phase } },
    };
  }
  if (status === undefined)
    return { state: 'Unknown', message: { code: 'notVerified', params: {} } };
  // A file from an earlier boot or kernel says nothing about what runs now.
  if (node.bootID !== undefined && status.bootID !== '' && status.bootID !== node.bootID) {
    return {
      state: 'Unknown',
      message: {
        code: 'statusFromEarlierBoot',
        params: { phase: status.phase, updatedAt: status.updatedAt },
      },
    };
  }
  if (
    node.kernelVersion !== undefined &&
    status.kernelVersion !== '' &&
    status.kernelVersion !== node.kernelVersion
  ) {
    return {
      state: 'Unknown',
      message: {
        code: 'statusForOtherKernel',
        params: { statusKernel: status.kernelVersion, nodeKernel: node.kernelVersion },
      },
    };
  }
  switch (status.phase) {
    case 'ImagesMissing':
    case 'Pulling':
    case 'RebootPending':
      return {
        state: 'WaitingForImagePullReboot',
        message: { code: 'waitingForImagePullReboot', params: {} },
      };
    case 'Loading':
      return { state: 'Loading', message: { code: 'loading', params: {} } };
    case 'Loaded':
      return status.moduleLoaded
        ? { state: 'ModuleLoaded', message: { code: 'loaded', params: {} } }
        : { state: 'ModuleNotLoaded', message: { code: 'loadedButNotInKernel', params: {} } };
    case 'PullFailed':
      return {
        state: 'ModuleNotLoaded',
        message: {
          code: 'pullFailed',
          params: { image: status.kernelModuleImage, error: status.lastError },
        },
      };
    case 'LoadFailed':
      return {
        state: 'ModuleNotLoaded',
        message: { code: 'loadFailed', params: { error: status.lastError } },
      };
  }
};
