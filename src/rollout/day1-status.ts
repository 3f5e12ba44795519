/**
 * The Day 1 status file each node writes at /var/lib/kmm-day1/<mc>/status.json (write_status in
 * src/producer/scripts/common.sh), and what it says about a node once MCO is done with it.
 */
import { asRecord } from './loose';
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

/** A status file that is not what the scripts write; the message says what is wrong. */
export class Day1StatusError extends Error {
  constructor(readonly problems: string[]) {
    super(`the Day 1 status file is malformed: ${problems.join('; ')}`);
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
      `not JSON (${error instanceof Error ? error.message : String(error)})`,
    ]);
  }
  const record = asRecord(value);
  if (record === undefined) {
    throw new Day1StatusError([
      `expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    ]);
  }
  const problems: string[] = [];
  for (const field of STRING_FIELDS) {
    if (typeof record[field] !== 'string') problems.push(`"${field}" must be a string`);
  }
  for (const field of NULLABLE_STRING_FIELDS) {
    if (record[field] !== null && typeof record[field] !== 'string') {
      problems.push(`"${field}" must be a string or null`);
    }
  }
  if (typeof record.moduleLoaded !== 'boolean')
    problems.push('"moduleLoaded" must be true or false');
  if (!(DAY1_PHASES as readonly unknown[]).includes(record.phase)) {
    problems.push(
      `"phase" must be one of ${DAY1_PHASES.join(', ')}, not ${record.phase === undefined ? 'missing' : JSON.stringify(record.phase)}`,
    );
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
  /** "waiting for the image-pull reboot", "module loaded", "module not loaded: <reason>", "unknown…". */
  message: string;
}

/**
 * What a node's Day 1 config did, from its rollout and its status file (undefined when not read yet,
 * e.g. before the console's Verify action). Only meaningful once MCO has updated the node.
 */
export const day1FollowUp = (node: NodeRollout, status: Day1Status | undefined): Day1FollowUp => {
  if (node.phase !== 'Updated') {
    return {
      state: 'AwaitingMCO',
      message: `waiting for MCO to finish with the node (${node.phase})`,
    };
  }
  if (status === undefined) return { state: 'Unknown', message: 'unknown: not verified yet' };
  // A file from an earlier boot or kernel says nothing about what runs now.
  if (node.bootID !== undefined && status.bootID !== '' && status.bootID !== node.bootID) {
    return {
      state: 'Unknown',
      message: `unknown: the status file is from an earlier boot (${status.phase} at ${status.updatedAt})`,
    };
  }
  if (
    node.kernelVersion !== undefined &&
    status.kernelVersion !== '' &&
    status.kernelVersion !== node.kernelVersion
  ) {
    return {
      state: 'Unknown',
      message: `unknown: the status file is for kernel ${status.kernelVersion}, the node runs ${node.kernelVersion}`,
    };
  }
  switch (status.phase) {
    case 'ImagesMissing':
    case 'Pulling':
    case 'RebootPending':
      return { state: 'WaitingForImagePullReboot', message: 'waiting for the image-pull reboot' };
    case 'Loading':
      return { state: 'Loading', message: 'loading the module' };
    case 'Loaded':
      return status.moduleLoaded
        ? { state: 'ModuleLoaded', message: 'module loaded' }
        : {
            state: 'ModuleNotLoaded',
            message:
              'module not loaded: the load unit finished but the module is not in the kernel',
          };
    case 'PullFailed':
      return {
        state: 'ModuleNotLoaded',
        message: `module not loaded: pulling ${status.kernelModuleImage} failed${status.lastError === null ? '' : `: ${status.lastError}`}; the node keeps its in-tree driver`,
      };
    case 'LoadFailed':
      return {
        state: 'ModuleNotLoaded',
        message: `module not loaded: ${status.lastError ?? 'the load unit failed'}`,
      };
  }
};
