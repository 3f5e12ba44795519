import { readFileSync } from 'node:fs';
import { loadAll, YAMLException } from 'js-yaml';
import type {
  ClusterVersion,
  MachineConfig,
  MachineConfigNode,
  MachineConfigPool,
  Node,
} from '../k8s/types';
import {
  Day1RolloutDeriver,
  Day1StatusError,
  deriveRollout,
  formatDay1State,
  formatNodeMessage,
  formatPoolMessage,
  nodeEstimate,
  parseDay1Status,
} from '../rollout';
import type {
  Day1Rollout,
  Day1Status,
  Day1StatusRead,
  NodeDay1Facts,
  NodeDay1State,
  NodeRollout,
  PoolRollout,
  PoolTiming,
  Rollout,
  RolloutInput,
} from '../rollout';
import { formatUsage, parseFlags, UsageError } from './flags';
import type { FlagSpec } from './flags';
import type { CommandIO } from './io';
import { JsonStreamError, looksLikeJson, parseJsonStream } from './json-stream';

const FLAGS: FlagSpec[] = [
  {
    name: 'f',
    aliases: ['filename'],
    valueName: 'file',
    usage:
      'YAML or JSON from oc get (a List, or several documents: YAML between "---" lines, JSON one after another), and Day 1 status files; "-" reads stdin; repeatable',
  },
  {
    name: 'o',
    aliases: ['output'],
    valueName: 'format',
    usage: 'output format: a table per pool (default) or json',
  },
  { name: 'h', aliases: ['help'], boolean: true, usage: 'print this help and exit' },
];

const OC_GET = 'oc get machineconfigpools,nodes,machineconfignodes,machineconfigs -o yaml';

export const ROLLOUT_USAGE = formatUsage(
  `Usage: day1-utility rollout -f FILE [-f FILE ...] [-o json]

Shows how far MachineConfigs have rolled out: each MachineConfigPool's progress and each node's phase
(Pending, Draining, Updating, Rebooting, Updated, Degraded or Paused), with the rules of
"oc adm upgrade status". Reads what this prints:
  ${OC_GET}
MachineConfigNodes (OpenShift 4.19 and later) and MachineConfigs are optional; a ClusterVersion is also
read if given.

Day 1 status files add a DAY 1 column (whether the module loaded on each node) and keep a pool from
counting as done while a node reboots for its Day 1 image. Read them through the API server:
  oc get --raw /api/v1/nodes/<node>/proxy/logs/kmm-day1/<machine-config>/status.json
Each file is matched to the node that runs the boot it names (bootID).`,
  FLAGS,
);

/** Where the command reads its input; tests can give their own. */
export interface InputReader {
  readFile: (path: string) => string;
  readStdin: () => string;
}

export const NODE_READER: InputReader = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
};

/** Input that cannot be used; the message names the file and the document. */
export class InputError extends Error {}

export interface Collected {
  pools: MachineConfigPool[];
  nodes: Node[];
  machineConfigNodes: MachineConfigNode[];
  machineConfigs: MachineConfig[];
  clusterVersion?: ClusterVersion;
  /** Day 1 status files (`oc get --raw .../proxy/logs/kmm-day1/<mc>/status.json`). */
  statuses: Day1Status[];
  /** Objects of other kinds, counted by kind. */
  ignored: Map<string, number>;
}

/** A document with no kind that has a status file's fields: a Day 1 status file. */
const looksLikeDay1Status = (value: Record<string, unknown>): boolean =>
  value.kind === undefined && 'schemaVersion' in value && 'machineConfig' in value;

const KINDS = ['MachineConfigPool', 'Node', 'MachineConfigNode', 'MachineConfig', 'ClusterVersion'];

const describeValue = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds one object (or a List's items) to what was collected. */
const collect = (value: unknown, where: string, into: Collected, kindFromList?: string): void => {
  if (!isRecord(value)) {
    throw new InputError(`${where}: expected a Kubernetes object, found ${describeValue(value)}`);
  }
  if (looksLikeDay1Status(value)) {
    try {
      into.statuses.push(parseDay1Status(JSON.stringify(value)));
    } catch (error) {
      if (error instanceof Day1StatusError) throw new InputError(`${where}: ${error.message}`);
      throw error;
    }
    return;
  }
  const kind = typeof value.kind === 'string' && value.kind !== '' ? value.kind : kindFromList;
  if (kind === undefined) throw new InputError(`${where}: the object has no "kind"`);
  if (Array.isArray(value.items) && kind.endsWith('List')) {
    // Items of a typed list (NodeList, ...) may leave out their kind; a v1 List's carry it.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    value.items.forEach((item: unknown, index) => {
      collect(item, `${where}, item ${String(index + 1)}`, into, itemKind);
    });
    return;
  }
  if (!KINDS.includes(kind)) {
    into.ignored.set(kind, (into.ignored.get(kind) ?? 0) + 1);
    return;
  }
  const name = isRecord(value.metadata) ? value.metadata.name : undefined;
  if (typeof name !== 'string' || name === '') {
    throw new InputError(`${where}: a ${kind} without metadata.name`);
  }
  switch (kind) {
    case 'MachineConfigPool':
      into.pools.push(value as unknown as MachineConfigPool);
      break;
    case 'Node':
      into.nodes.push(value as unknown as Node);
      break;
    case 'MachineConfigNode':
      into.machineConfigNodes.push(value as unknown as MachineConfigNode);
      break;
    case 'MachineConfig':
      into.machineConfigs.push(value as unknown as MachineConfig);
      break;
    default:
      into.clusterVersion = value as unknown as ClusterVersion;
  }
};

/** The document (1-based) that holds `line` (0-based), counting "---" separators before it. */
const documentAt = (text: string, line: number): number => {
  const lines = text.split('\n').slice(0, line + 1);
  const starts = lines.filter((l) => /^---(\s|$)/.test(l)).length;
  // A leading "---" opens the first document rather than ending one.
  return Math.max(1, /^---(\s|$)/.test(text) ? starts : starts + 1);
};

const loadYaml = (label: string, text: string): unknown[] => {
  try {
    return loadAll(text);
  } catch (error) {
    if (error instanceof YAMLException) {
      const line = error.mark.line;
      throw new InputError(
        `${label}, document ${String(documentAt(text, line))}: not valid YAML or JSON: ${error.reason} (line ${String(line + 1)})`,
      );
    }
    throw error;
  }
};

/**
 * JSON documents one after the other (`oc get a -o json; oc get b -o json`), or YAML with "---"
 * between documents. JSON that is not such a stream (documents between "---" lines) is read as YAML;
 * when that fails too, the JSON error says where, since the input looked like JSON.
 */
const parseDocuments = (label: string, text: string): unknown[] => {
  if (!looksLikeJson(text)) return loadYaml(label, text);
  try {
    return parseJsonStream(text);
  } catch (error) {
    if (!(error instanceof JsonStreamError)) throw error;
    try {
      return loadAll(text);
    } catch {
      throw new InputError(
        `${label}, document ${String(error.document)}: not valid JSON: ${error.reason} (line ${String(error.line)}, column ${String(error.column)})`,
      );
    }
  }
};

const readDocuments = (label: string, text: string, into: Collected): void => {
  const documents = parseDocuments(label, text);
  documents.forEach((document, index) => {
    // Empty documents (a trailing "---") hold nothing.
    if (document === null || document === undefined) return;
    collect(document, `${label}, document ${String(index + 1)}`, into);
  });
};

export const readInput = (files: string[], reader: InputReader): Collected => {
  const collected: Collected = {
    pools: [],
    nodes: [],
    machineConfigNodes: [],
    machineConfigs: [],
    statuses: [],
    ignored: new Map(),
  };
  let stdin: string | undefined;
  for (const file of files) {
    let text: string;
    if (file === '-') {
      // stdin can be read once; a second "-" reads the same text again.
      stdin ??= reader.readStdin();
      text = stdin;
    } else {
      try {
        text = reader.readFile(file);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new InputError(
          code === 'ENOENT'
            ? `${file}: no such file`
            : `${file}: cannot read it (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    }
    readDocuments(file === '-' ? 'stdin' : file, text, collected);
  }
  const sources = files.map((f) => (f === '-' ? 'stdin' : f)).join(', ');
  if (collected.pools.length === 0) {
    throw new InputError(`no MachineConfigPool in ${sources}; give the output of: ${OC_GET}`);
  }
  if (collected.nodes.length === 0) {
    throw new InputError(`no Node in ${sources}; give the output of: ${OC_GET}`);
  }
  return collected;
};

/** "45s", "12m", "1h5m", "3d4h", as oc prints ages. */
const formatDuration = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${String(s)}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60)
    return `${String(minutes)}m${s % 60 === 0 || minutes >= 10 ? '' : `${String(s % 60)}s`}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${String(hours)}h${minutes % 60 === 0 ? '' : `${String(minutes % 60)}m`}`;
  const days = Math.floor(hours / 24);
  return `${String(days)}d${hours % 24 === 0 ? '' : `${String(hours % 24)}h`}`;
};

/** Columns padded to their widest cell plus 3 spaces, as oc's tabwriter; no trailing spaces. */
export const table = (rows: string[][], indent = ''): string => {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows
    .map(
      (row) =>
        indent +
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] + 3)))
          .join('')
          .trimEnd(),
    )
    .join('\n');
};

/** When the node will be done, as oc's EST column: "+4m", "?" when unknown, "-" when there is nothing to do. */
const estimateCell = (node: NodeRollout, timing: PoolTiming | undefined, now: number): string => {
  const estimate = nodeEstimate(node, timing, now);
  switch (estimate.kind) {
    case 'at':
      return `+${formatDuration((estimate.at - now) / 1000)}`;
    case 'late':
      return 'now';
    case 'waiting':
    case 'unknown':
      return '?';
    case 'none':
      return '-';
  }
};

/** The DAY 1 cell: the node's state, naming the config when the node has several. */
const day1Cell = (state: NodeDay1State | undefined): string => {
  if (state === undefined) return '-';
  const text = formatDay1State(state);
  return state.configs.length > 1 ? `${text} (${state.worstConfig})` : text;
};

const nodeTable = (
  nodes: readonly NodeRollout[],
  now: number,
  day1?: Day1Rollout,
  timing?: PoolTiming,
): string =>
  table([
    [
      'NAME',
      'PHASE',
      'SINCE',
      'CURRENT CONFIG',
      'DESIRED CONFIG',
      ...(day1 === undefined ? [] : ['DAY 1']),
      'EST',
      'MESSAGE',
    ],
    ...nodes.map((node) => [
      node.name,
      node.phase,
      node.since === undefined ? '-' : formatDuration((now - Date.parse(node.since)) / 1000),
      node.currentConfig ?? '-',
      node.desiredConfig ?? '-',
      ...(day1 === undefined ? [] : [day1Cell(day1.nodes.get(node.name))]),
      estimateCell(node, timing, now),
      formatNodeMessage(node.message),
    ]),
  ]);

const timeLeft = (pool: PoolRollout): string => {
  if (pool.estimatedSecondsLeft === 0) return 'none';
  if (pool.estimatedSecondsLeft === undefined) {
    return pool.state === 'Paused'
      ? 'unknown: the pool is paused'
      : 'unknown: the pool cannot finish on its own';
  }
  const basis =
    pool.estimateBasis === 'observed' ? 'from the nodes updated so far' : 'from typical durations';
  return `about ${formatDuration(pool.estimatedSecondsLeft)} (${basis})`;
};

const poolSection = (pool: PoolRollout, now: number, day1?: Day1Rollout): string => {
  const message = formatPoolMessage(pool.message);
  const fields: string[][] = [
    ['State:', `${pool.state}${message === '' ? '' : ` (${message})`}`],
    ['Target:', pool.targetConfig ?? '-'],
    ['Paused:', pool.paused ? 'yes' : 'no'],
  ];
  if (pool.day1Configs.length > 0) {
    fields.push([
      'Day 1:',
      pool.day1Configs
        .map((config) => `${config.name}${config.new ? ' (new in this rollout)' : ''}`)
        .join(', '),
    ]);
  }
  fields.push(
    [
      'Progress:',
      `${String(pool.completion)}% (${String(pool.phaseCounts.Updated)} of ${String(pool.machineCount)} nodes updated; MCO counts ${String(pool.updatedMachineCount)} updated, ${String(pool.readyMachineCount)} ready, ${String(pool.unavailableMachineCount)} unavailable, ${String(pool.degradedMachineCount)} degraded)`,
    ],
    ['Max unavailable:', String(pool.maxUnavailable)],
    ['Time left:', timeLeft(pool)],
  );
  const counts = day1?.pools.get(pool.name)?.counts;
  if (counts !== undefined) {
    fields.push([
      'Module loaded:',
      `on ${String(counts.loaded)} of ${String(counts.total)} nodes (${String(counts.failed)} failed, ${String(counts.unreachable)} unreachable, ${String(counts.inProgress)} in progress, ${String(counts.unknown)} unknown)`,
    ]);
  }
  if (pool.unavailableMachineCount > pool.maxUnavailable) {
    fields.push([
      'Warning:',
      `${String(pool.unavailableMachineCount)} nodes are unavailable, more than maxUnavailable ${String(pool.maxUnavailable)}: something reboots nodes outside MCO's throttle (such as the Day 1 configs made before the pull unit ran before the kubelet, and KMM's own)`,
    ]);
  }
  const nodes = pool.nodes.length === 0 ? '  No nodes.' : nodeTable(pool.nodes, now, day1, pool);
  return `MachineConfigPool ${pool.name}\n${table(fields, '  ')}\n\n${nodes}\n`;
};

const formatRolloutTable = (rollout: Rollout, now: number, day1?: Day1Rollout): string => {
  const sections = rollout.pools.map((pool) => poolSection(pool, now, day1));
  if (rollout.unpooledNodes.length > 0) {
    sections.push(`Nodes in no pool\n\n${nodeTable(rollout.unpooledNodes, now)}\n`);
  }
  return sections.join('\n');
};

const day1JSON = (state: NodeDay1State | undefined) =>
  state === undefined
    ? null
    : {
        state: state.state,
        text: formatDay1State(state),
        configs: state.configs.map((config) => ({
          machineConfig: config.machineConfig,
          state: config.state,
          phase: config.status?.phase ?? null,
          inTreeRestored: config.inTreeRestored ?? null,
          reason: config.reason ?? null,
          error: config.error ?? null,
          updatedAt: config.status?.updatedAt ?? null,
        })),
      };

/**
 * The JSON shape `-o json` prints: these fields only, in this order, null where unknown. `day1` is
 * null without status files, or for pools and nodes without Day 1 configs.
 */
export const rolloutJSON = (rollout: Rollout, day1?: Day1Rollout) => ({
  pools: rollout.pools.map((pool) => ({
    name: pool.name,
    machineCount: pool.machineCount,
    updatedMachineCount: pool.updatedMachineCount,
    readyMachineCount: pool.readyMachineCount,
    unavailableMachineCount: pool.unavailableMachineCount,
    degradedMachineCount: pool.degradedMachineCount,
    paused: pool.paused,
    state: pool.state,
    targetConfig: pool.targetConfig ?? null,
    completion: pool.completion,
    maxUnavailable: pool.maxUnavailable,
    day1: day1?.pools.get(pool.name)?.counts ?? null,
    nodes: pool.nodes.map((node) => ({
      name: node.name,
      phase: node.phase,
      currentConfig: node.currentConfig ?? null,
      desiredConfig: node.desiredConfig ?? null,
      message: formatNodeMessage(node.message),
      day1: day1JSON(day1?.nodes.get(node.name)),
    })),
  })),
});

/**
 * `day1-utility rollout`: exit 0 with the rollout on stdout; 1 when the input cannot be used (the error
 * names the file and document); usage errors throw UsageError (exit 2 in main).
 */
export const runRollout = (
  argv: string[],
  io: CommandIO,
  reader: InputReader = NODE_READER,
  now: number = Date.now(),
): number => {
  const { values, positional } = parseFlags(FLAGS, argv);
  if (values.has('h')) {
    io.stdout(ROLLOUT_USAGE);
    return 0;
  }
  if (positional.length > 0) {
    throw new UsageError(`unexpected argument "${positional[0]}": give files with -f`);
  }
  const format = values.get('o')?.at(-1) ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new UsageError(`-o must be "json" (or left out for tables), not "${format}"`);
  }
  const files = values.get('f') ?? [];
  if (files.length === 0) throw new UsageError('give at least one -f FILE (or -f - for stdin)');
  if (files.includes(''))
    throw new UsageError('-f needs a file name (or - for stdin), not an empty string');

  let input: Collected;
  try {
    input = readInput(files, reader);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`day1-utility rollout: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const [kind, count] of input.ignored) {
    io.stderr(
      `day1-utility rollout: ignored ${String(count)} ${kind} object${count === 1 ? '' : 's'}: only ${KINDS.join(', ')} are read\n`,
    );
  }
  const rolloutInput: RolloutInput = {
    pools: input.pools,
    nodes: input.nodes,
    machineConfigNodes: input.machineConfigNodes,
    machineConfigs: input.machineConfigs.length > 0 ? input.machineConfigs : undefined,
    clusterVersion: input.clusterVersion,
  };
  const derived = deriveRollout(rolloutInput, now);
  const day1 = input.statuses.length === 0 ? undefined : withStatusFiles(derived, input, io);
  const rollout = day1?.rollout ?? derived;
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(rolloutJSON(rollout, day1), null, 2)}\n`
      : formatRolloutTable(rollout, now, day1),
  );
  return 0;
};

/**
 * The rollout with the Day 1 state of each node, from the status files given: each is matched to the
 * node running the boot it names. A file that matches no node's current boot is left out, and said.
 */
const withStatusFiles = (rollout: Rollout, input: Collected, io: CommandIO): Day1Rollout => {
  const nodeOfBoot = new Map<string, string>();
  for (const node of input.nodes) {
    const bootID = node.status?.nodeInfo?.bootID;
    if (typeof bootID === 'string' && bootID !== '') nodeOfBoot.set(bootID, node.metadata.name);
  }
  const facts = new Map<string, NodeDay1Facts & { reads: Map<string, Day1StatusRead> }>();
  for (const status of input.statuses) {
    const node = nodeOfBoot.get(status.bootID);
    if (node === undefined) {
      io.stderr(
        `day1-utility rollout: the status file of ${status.machineConfig} from boot ${status.bootID} matches no node's current boot (a file from an earlier boot, or of a node not given); left out\n`,
      );
      continue;
    }
    const entry = facts.get(node) ?? { reads: new Map<string, Day1StatusRead>() };
    entry.reads.set(status.machineConfig, { kind: 'read', status, at: status.updatedAt });
    facts.set(node, entry);
  }
  return new Day1RolloutDeriver().derive(rollout, facts);
};
