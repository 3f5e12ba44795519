/**
 * Reading a node's Day 1 status file (./day1-status). Apart from what the file says about a node, which
 * the pages derive as they render: only the code that reads the files (the status scheduler, Verify's
 * runner, the CLI) needs this, and the English of its errors.
 */
import { formatDay1StatusProblem } from './english';
import { asRecord } from './loose';
import type { Day1StatusProblem } from './messages';
import { DAY1_PHASES, DAY1_REASONS, DAY1_STATUS_SCHEMA_VERSION } from './day1-status';
import type { Day1Status } from './day1-status';

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
const NULLABLE_STRING_FIELDS = ['blockingModule', 'lastError', 'loadedAt'] as const;

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  (values as readonly unknown[]).includes(value);

const foundText = (value: unknown): string | undefined =>
  value === undefined ? undefined : JSON.stringify(value);

const fieldProblems = (record: Record<string, unknown>): Day1StatusProblem[] => {
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
  if (record.inTreeRestored !== null && typeof record.inTreeRestored !== 'boolean') {
    problems.push({ code: 'fieldNotBooleanOrNull', params: { field: 'inTreeRestored' } });
  }
  const reboots = record.rebootsUsed;
  if (typeof reboots !== 'number' || !Number.isInteger(reboots) || reboots < 0) {
    problems.push({ code: 'fieldNotCount', params: { field: 'rebootsUsed' } });
  }
  if (!isOneOf(DAY1_PHASES, record.phase)) {
    problems.push({
      code: 'unknownPhase',
      params: { phases: DAY1_PHASES, found: foundText(record.phase) },
    });
  }
  if (record.reason !== null && !isOneOf(DAY1_REASONS, record.reason)) {
    problems.push({
      code: 'unknownReason',
      params: { reasons: DAY1_REASONS, found: foundText(record.reason) },
    });
  }
  return problems;
};

/**
 * Reads a status file's text. Throws Day1StatusError naming every problem: not JSON, not an object,
 * another schema version, a missing field, a field of the wrong type, an unknown phase or reason. Fields
 * the scripts do not write are ignored.
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
  // Another version may mean other fields: say so rather than report each difference.
  if (record.schemaVersion !== DAY1_STATUS_SCHEMA_VERSION) {
    throw new Day1StatusError([
      {
        code: 'unsupportedSchemaVersion',
        params: { supported: DAY1_STATUS_SCHEMA_VERSION, found: foundText(record.schemaVersion) },
      },
    ]);
  }
  const problems = fieldProblems(record);
  if (problems.length > 0) throw new Day1StatusError(problems);
  const status = record as unknown as Day1Status;
  return {
    schemaVersion: DAY1_STATUS_SCHEMA_VERSION,
    machineConfig: status.machineConfig,
    phase: status.phase,
    kernelVersion: status.kernelVersion,
    kernelModule: status.kernelModule,
    kernelModuleImage: status.kernelModuleImage,
    workerImage: status.workerImage,
    bootID: status.bootID,
    moduleLoaded: status.moduleLoaded,
    inTreeRestored: status.inTreeRestored,
    rebootsUsed: status.rebootsUsed,
    reason: status.reason,
    blockingModule: status.blockingModule,
    lastError: status.lastError,
    loadedAt: status.loadedAt,
    updatedAt: status.updatedAt,
  };
};
