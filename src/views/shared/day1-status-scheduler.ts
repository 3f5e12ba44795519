/**
 * Reads each node's Day 1 status files through the API server's node proxy
 * (`/api/v1/nodes/<node>/proxy/logs/kmm-day1/<mc>/status.json`), politely: a bounded number of nodes
 * at once, one read per node per change of what the page knows about it (phase, readiness, bootID, its
 * configs), follow-ups with backoff while a node is between steps, and a slow refresh. No React and no
 * SDK here: the fetch and the clock are given, so that the rules are tested as they are.
 */
import { Day1StatusError, parseDay1Status } from '../../rollout';
import type { Day1StatusRead, NodeDay1Facts, NodePhase } from '../../rollout';
import { DEFAULT_DAY1_STATUS_CONCURRENCY } from './day1-status-settings';

/** What the scheduler needs of a node: from the rollout (MCO's view, before any Day 1 phase). */
export interface Day1StatusTarget {
  node: string;
  phase: NodePhase;
  /** The kubelet's Ready condition (a reboot, a kubelet that has not started), not MCO's readiness. */
  ready: boolean;
  bootID?: string;
  /** The Day 1 MachineConfigs of its pool's target, by name. */
  configs: readonly string[];
}

/** Resolves with the body of a 2xx answer, or rejects (console's HttpError carries `code`). */
export type FetchText = (url: string, signal: AbortSignal) => Promise<string>;

/** Whether the user may `get nodes/proxy`; undefined while the access review runs. */
export type Day1StatusAccess = boolean | undefined;

export interface Day1StatusSchedulerOptions {
  fetchText: FetchText;
  /** Nodes read at once (one request each in flight). */
  concurrency?: number;
  /** A read that takes longer is abandoned: the node counts as unreachable. */
  timeoutMs?: number;
  /** Every node is read again this often. */
  refreshMs?: number;
  /** A node between steps (pulling, rebooting, loading, not reported) is read again after this, doubling up to `refreshMs`. */
  followUpMs?: number;
  /** Listeners hear of new results at most this often. */
  notifyMs?: number;
  /** … and this often while more than BULK_QUEUE reads wait (a first read of many nodes). */
  bulkNotifyMs?: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
}

const DEFAULT_DAY1_STATUS_TIMEOUT_MS = 10_000;
const DEFAULT_DAY1_STATUS_REFRESH_MS = 5 * 60_000;
const DEFAULT_FOLLOW_UP_MS = 30_000;
const DEFAULT_NOTIFY_MS = 250;
const DEFAULT_BULK_NOTIFY_MS = 1000;
/**
 * Each notification re-derives and renders every node on the main thread, which also starts the next
 * reads as replies come in: while hundreds of reads wait, fewer renders keep the reads flowing.
 */
const BULK_QUEUE = 100;

/** The status file's path through console's API server proxy: the plain path, never a query string. */
export const day1StatusUrl = (node: string, machineConfig: string): string =>
  `/api/kubernetes/api/v1/nodes/${encodeURIComponent(node)}/proxy/logs/kmm-day1/${encodeURIComponent(
    machineConfig,
  )}/status.json`;

/** Phases in which the Day 1 units have not run on the new config: nothing to read yet. */
const NOTHING_TO_READ: ReadonlySet<NodePhase> = new Set(['Pending', 'Paused', 'Draining']);

/** Day 1 phases between steps: the node will say more soon. */
const BETWEEN_STEPS = new Set(['ImagesMissing', 'Pulling', 'RebootPending', 'Loading']);

interface NodeEntry {
  target: Day1StatusTarget;
  /** What a read depends on; a new key means a new read. */
  key: string;
  /** The key of the last read finished (or started, while in flight). */
  readKey?: string;
  queued: boolean;
  inFlight?: AbortController;
  reads: Map<string, Day1StatusRead>;
  bootIDWhenDone?: string;
  /** Follow-ups since the key last changed, for the backoff. */
  followUps: number;
  followUpAt?: number;
  facts: NodeDay1Facts;
  /** The last update() that named the node; older ones are forgotten. */
  seenIn: number;
}

export interface Day1StatusProgress {
  /** Nodes with Day 1 configs in a phase worth reading. */
  nodes: number;
  /** Of those, read at least once since the page opened. */
  read: number;
  /** Waiting or being read. */
  pending: number;
  /** When the last refresh of every node started (ms since the epoch), if any. */
  refreshedAt?: number;
}

const targetKey = (target: Day1StatusTarget): string =>
  [target.phase, target.ready ? 'ready' : 'notReady', target.bootID ?? '', ...target.configs].join(
    '|',
  );

/** A function, so that the compiler does not keep the value it saw before an await. */
const isAborted = (controller: AbortController): boolean => controller.signal.aborted;

const sameConfigs = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((config, i) => config === b[i]);

interface FailureDetails {
  code?: number;
  message: string;
}

const failureOf = (error: unknown): FailureDetails => {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { code, response, message } = error as {
    code?: unknown;
    response?: { status?: unknown };
    message?: unknown;
  };
  const status =
    typeof code === 'number'
      ? code
      : typeof response?.status === 'number'
        ? response.status
        : undefined;
  return { code: status, message: typeof message === 'string' ? message : JSON.stringify(error) };
};

/**
 * One scheduler per page. `update` with the rollout's nodes on every change; `facts()` gives what was
 * read, by node, each node's object kept while it does not change (Day1RolloutDeriver relies on it).
 */
export class Day1StatusScheduler {
  private readonly entries = new Map<string, NodeEntry>();
  private readonly queue: string[] = [];
  private readonly listeners = new Set<() => void>();
  private access: Day1StatusAccess;
  private inFlight = 0;
  private concurrency: number;
  private readonly timeoutMs: number;
  private readonly refreshMs: number;
  private readonly followUpMs: number;
  private readonly notifyMs: number;
  private readonly bulkNotifyMs: number;
  private readonly now: () => number;
  private snapshot: ReadonlyMap<string, NodeDay1Facts> = new Map();
  private snapshotStale = true;
  private progressSnapshot: Day1StatusProgress = { nodes: 0, read: 0, pending: 0 };
  private refreshedAt?: number;
  /** Counts update() calls, to mark the nodes each names without building a set per call. */
  private generation = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private followUpTimer?: { at: number; id: ReturnType<typeof setTimeout> };
  private notifyTimer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(private readonly options: Day1StatusSchedulerOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_DAY1_STATUS_CONCURRENCY);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DAY1_STATUS_TIMEOUT_MS;
    this.refreshMs = options.refreshMs ?? DEFAULT_DAY1_STATUS_REFRESH_MS;
    this.followUpMs = options.followUpMs ?? DEFAULT_FOLLOW_UP_MS;
    this.notifyMs = options.notifyMs ?? DEFAULT_NOTIFY_MS;
    this.bulkNotifyMs = options.bulkNotifyMs ?? DEFAULT_BULK_NOTIFY_MS;
    this.now = options.now ?? Date.now;
  }

  /** Called (batched) when facts or progress change. Returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** By node name; the map and each node's facts keep their identity while nothing changed. */
  facts = (): ReadonlyMap<string, NodeDay1Facts> => {
    if (this.snapshotStale) {
      const snapshot = new Map<string, NodeDay1Facts>();
      for (const [name, entry] of this.entries) snapshot.set(name, entry.facts);
      this.snapshot = snapshot;
      this.snapshotStale = false;
      this.progressSnapshot = this.computeProgress();
    }
    return this.snapshot;
  };

  progress = (): Day1StatusProgress => {
    this.facts();
    return this.progressSnapshot;
  };

  /** Whether the user may read the files: without access nothing is requested and every read says so. */
  setAccess(access: Day1StatusAccess): void {
    if (this.access === access) return;
    this.access = access;
    if (access !== true) this.abortAll();
    for (const entry of this.entries.values()) {
      if (access === true) {
        // Forbidden reads were made up while access was not known to be granted.
        if ([...entry.reads.values()].some((read) => read.kind === 'forbidden')) {
          entry.reads = new Map();
        }
        entry.readKey = undefined;
        this.enqueue(entry);
      }
      this.rebuildFacts(entry);
    }
    this.changed();
    this.pump();
    this.scheduleRefresh();
  }

  setConcurrency(concurrency: number): void {
    this.concurrency = Math.max(1, Math.floor(concurrency));
    this.pump();
  }

  /** The nodes of pools whose target has Day 1 configs; nodes left out are forgotten. */
  update(targets: readonly Day1StatusTarget[]): void {
    const generation = ++this.generation;
    let changed = false;
    for (const target of targets) {
      let entry = this.entries.get(target.node);
      if (entry !== undefined) entry.seenIn = generation;
      if (entry?.target === target) continue;
      const key = targetKey(target);
      if (entry === undefined) {
        entry = {
          target,
          key,
          queued: false,
          reads: new Map(),
          followUps: 0,
          facts: { reads: new Map() },
          seenIn: generation,
        };
        this.entries.set(target.node, entry);
        changed = true;
      } else if (entry.key === key) {
        entry.target = target;
        continue;
      }
      const configsChanged = !sameConfigs(entry.target.configs, target.configs);
      entry.target = target;
      entry.key = key;
      entry.followUps = 0;
      entry.followUpAt = undefined;
      if (configsChanged) {
        entry.reads = new Map([...entry.reads].filter(([mc]) => target.configs.includes(mc)));
      }
      // MCO is done with the node: the bootID it has now is the one from before any Day 1 reboot.
      const bootIDWhenDone =
        target.phase === 'Updated' ? (entry.bootIDWhenDone ?? target.bootID) : undefined;
      entry.bootIDWhenDone = bootIDWhenDone;
      this.rebuildFacts(entry);
      this.enqueue(entry);
      changed = true;
    }
    for (const [name, entry] of this.entries) {
      if (entry.seenIn === generation) continue;
      entry.inFlight?.abort();
      this.entries.delete(name);
      changed = true;
    }
    if (changed) this.changed();
    this.pump();
    this.scheduleRefresh();
  }

  /** Reads every node again (the Refresh button, and every `refreshMs`). */
  refresh(): void {
    if (this.stopped) return;
    this.refreshedAt = this.now();
    for (const entry of this.entries.values()) {
      entry.readKey = undefined;
      this.enqueue(entry);
    }
    this.changed();
    this.pump();
    this.scheduleRefresh(true);
  }

  /** Cancels every read and timer: the page is gone (or React unmounts it for a moment). */
  dispose(): void {
    this.stopped = true;
    this.abortAll();
    for (const timer of [this.refreshTimer, this.followUpTimer?.id, this.notifyTimer]) {
      if (timer !== undefined) clearTimeout(timer);
    }
    this.refreshTimer = undefined;
    this.followUpTimer = undefined;
    this.notifyTimer = undefined;
  }

  /** After dispose: reads what was cancelled or not read yet, and keeps the results it had. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    for (const entry of this.entries.values()) this.enqueue(entry);
    this.changed();
    this.pump();
    this.armFollowUps();
    this.scheduleRefresh();
  }

  private abortAll(): void {
    for (const entry of this.entries.values()) {
      if (entry.inFlight !== undefined) {
        entry.inFlight.abort();
        entry.inFlight = undefined;
        // Not read after all: read again when reading resumes.
        entry.readKey = undefined;
      }
      entry.queued = false;
    }
    this.queue.length = 0;
    this.inFlight = 0;
  }

  private worthReading(entry: NodeEntry): boolean {
    return this.access === true && !NOTHING_TO_READ.has(entry.target.phase);
  }

  private enqueue(entry: NodeEntry): void {
    if (entry.queued || !this.worthReading(entry)) return;
    entry.queued = true;
    this.queue.push(entry.target.node);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight < this.concurrency && this.queue.length > 0) {
      const name = this.queue.shift();
      if (name === undefined) break;
      const entry = this.entries.get(name);
      if (entry === undefined) continue;
      entry.queued = false;
      // In flight for an older key: it is read again once that read ends.
      if (entry.inFlight !== undefined || !this.worthReading(entry)) continue;
      if (entry.readKey === entry.key && entry.followUpAt === undefined) continue;
      void this.read(entry);
    }
  }

  private async read(entry: NodeEntry): Promise<void> {
    const controller = new AbortController();
    entry.inFlight = controller;
    entry.readKey = entry.key;
    entry.followUpAt = undefined;
    this.inFlight++;
    const { node, configs } = entry.target;
    const reads = new Map(entry.reads);
    for (const config of configs) {
      const read = await this.readOne(node, config, controller, entry.reads.get(config));
      if (read === undefined) break;
      reads.set(config, read);
    }
    if (entry.inFlight !== controller) return; // aborted: abortAll or update reset the count
    entry.inFlight = undefined;
    this.inFlight--;
    if (this.entries.get(node) !== entry || controller.signal.aborted) {
      this.pump();
      return;
    }
    entry.reads = reads;
    this.rebuildFacts(entry);
    if (entry.readKey !== entry.key) this.enqueue(entry);
    else this.planFollowUp(entry);
    this.changed();
    this.pump();
  }

  /** One file; undefined when the node's read was cancelled. */
  private async readOne(
    node: string,
    config: string,
    nodeController: AbortController,
    previous: Day1StatusRead | undefined,
  ): Promise<Day1StatusRead | undefined> {
    if (isAborted(nodeController)) return undefined;
    const request = new AbortController();
    const cancel = () => {
      request.abort();
    };
    nodeController.signal.addEventListener('abort', cancel);
    const timeout = { expired: false };
    const timer = setTimeout(() => {
      timeout.expired = true;
      request.abort();
    }, this.timeoutMs);
    // Settles on abort even if the fetch does not heed its signal.
    const aborted = new Promise<never>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => {
        reject(new Error('aborted'));
      });
    });
    try {
      const text = await Promise.race([
        this.options.fetchText(day1StatusUrl(node, config), request.signal),
        aborted,
      ]);
      const at = new Date(this.now()).toISOString();
      try {
        return { kind: 'read', status: parseDay1Status(text), at };
      } catch (error) {
        if (error instanceof Day1StatusError) {
          return { kind: 'malformed', problems: error.problems, at };
        }
        throw error;
      }
    } catch (error) {
      if (isAborted(nodeController)) return undefined;
      const at = new Date(this.now()).toISOString();
      const failure = failureOf(error);
      if (!timeout.expired && failure.code === 404) return { kind: 'missing', at };
      if (!timeout.expired && failure.code === 403) return { kind: 'forbidden', at };
      const lastKnown =
        previous?.kind === 'read'
          ? { status: previous.status, at: previous.at }
          : previous?.kind === 'unreachable'
            ? previous.lastKnown
            : undefined;
      const message = timeout.expired
        ? `no answer within ${String(Math.round(this.timeoutMs / 1000))} s`
        : failure.code === undefined
          ? failure.message
          : `${String(failure.code)} ${failure.message}`;
      return { kind: 'unreachable', error: message, at, ...(lastKnown ? { lastKnown } : {}) };
    } finally {
      clearTimeout(timer);
      nodeController.signal.removeEventListener('abort', cancel);
    }
  }

  /** A node between steps is read again after a while, less often each time. */
  private planFollowUp(entry: NodeEntry): void {
    const betweenSteps = [...entry.reads.values()].some(
      (read) =>
        read.kind === 'missing' || (read.kind === 'read' && BETWEEN_STEPS.has(read.status.phase)),
    );
    if (!betweenSteps) return;
    const delay = Math.min(this.refreshMs, this.followUpMs * 2 ** entry.followUps);
    entry.followUps++;
    entry.followUpAt = this.now() + delay;
    this.armFollowUps();
  }

  private armFollowUps(): void {
    let next: number | undefined;
    for (const entry of this.entries.values()) {
      if (entry.followUpAt !== undefined && (next === undefined || entry.followUpAt < next)) {
        next = entry.followUpAt;
      }
    }
    if (next === undefined || (this.followUpTimer && this.followUpTimer.at <= next)) return;
    if (this.followUpTimer) clearTimeout(this.followUpTimer.id);
    const at = next;
    this.followUpTimer = {
      at,
      id: setTimeout(
        () => {
          this.followUpTimer = undefined;
          const now = this.now();
          for (const entry of this.entries.values()) {
            if (entry.followUpAt !== undefined && entry.followUpAt <= now) this.enqueue(entry);
          }
          this.pump();
          this.armFollowUps();
        },
        Math.max(0, at - this.now()),
      ),
    };
  }

  private scheduleRefresh(restart = false): void {
    if (this.stopped || this.access !== true) return;
    if (this.refreshTimer !== undefined && !restart) return;
    if (this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, this.refreshMs);
  }

  private rebuildFacts(entry: NodeEntry): void {
    const reads: Map<string, Day1StatusRead | undefined> =
      this.access === false
        ? new Map(
            entry.target.configs.map((config) => [
              config,
              { kind: 'forbidden' as const, at: new Date(this.now()).toISOString() },
            ]),
          )
        : new Map(entry.reads);
    const previous = entry.facts;
    const same =
      previous.bootIDWhenDone === entry.bootIDWhenDone &&
      previous.reads.size === reads.size &&
      [...reads].every(([config, read]) => {
        const before = previous.reads.get(config);
        return before === read || (before?.kind === 'forbidden' && read?.kind === 'forbidden');
      });
    if (same) return;
    entry.facts = {
      reads,
      ...(entry.bootIDWhenDone === undefined ? {} : { bootIDWhenDone: entry.bootIDWhenDone }),
    };
  }

  private computeProgress(): Day1StatusProgress {
    let nodes = 0;
    let read = 0;
    let pending = 0;
    for (const entry of this.entries.values()) {
      if (!this.worthReading(entry)) continue;
      nodes++;
      if (entry.reads.size > 0) read++;
      if (entry.queued || entry.inFlight !== undefined) pending++;
    }
    return { nodes, read, pending, refreshedAt: this.refreshedAt };
  }

  /**
   * Batches what listeners hear: a burst of results is one render. The last result of a round is told
   * in the next task, so that the page says every node was read as soon as it was, not a batch later.
   */
  private changed(): void {
    this.snapshotStale = true;
    if (this.stopped) return;
    const lastOfRound = this.queue.length === 0 && this.inFlight === 0;
    if (this.notifyTimer !== undefined) {
      if (!lastOfRound) return;
      clearTimeout(this.notifyTimer);
    }
    this.notifyTimer = setTimeout(
      () => {
        this.notify();
      },
      lastOfRound ? 0 : this.queue.length > BULK_QUEUE ? this.bulkNotifyMs : this.notifyMs,
    );
  }

  private notify(): void {
    this.notifyTimer = undefined;
    for (const listener of [...this.listeners]) listener();
  }
}
