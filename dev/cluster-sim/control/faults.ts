/**
 * Faults injected through `POST /sim/faults`: a node whose daemon degrades on its next update, a drain
 * that never finishes, a node whose container storage loses the Day 1 images at every reboot, failing
 * API requests, dropped or expired watches and slow responses; for the node proxy (api/node-proxy.ts) a
 * slow proxy, a node that never answers, corrupt or stale status files, and a Day 1 load that fails;
 * and a MachineConfig another client changes just before the next write to it (a 409 for that write).
 * `proxyLatencyMs` is a setting rather than a fault: `clear` and resets keep it.
 */

/** How long every proxy call takes with `slowProxy: true` (real time). */
const SLOW_PROXY_MS = 2000;

/** The next `count` API requests (those with this method and a path containing `path`, if given) fail. */
interface ApiErrorsRequest {
  count: number;
  status?: number;
  method?: string;
  path?: string;
  /** The Status message; each status code has the API server's own by default. */
  message?: string;
}

/**
 * Another client changes a MachineConfig just before the next write (PUT or PATCH, dry run included)
 * to it arrives: a write that carries the resourceVersion it read then gets 409 Conflict.
 */
interface ConcurrentEditRequest {
  machineConfig: string;
  /** A JSON merge patch; by default an annotation that says who edited it. */
  patch?: Record<string, unknown>;
}

export interface FaultRequest {
  concurrentEdit?: ConcurrentEditRequest;
  degradeNode?: string;
  hangDrain?: string;
  /** The node loses its Day 1 images at every reboot (storage wiped or damaged, image GC). */
  loseImagesOnReboot?: string;
  apiErrors?: ApiErrorsRequest;
  dropWatches?: boolean;
  expireWatches?: boolean;
  latencyMs?: number;
  /** Every node proxy call takes 2 s of real time (`true`), or this many ms; `false` or 0 ends it. */
  slowProxy?: boolean | number;
  /** The node's kubelet accepts the connection and never answers: proxy calls hang. */
  hangProxy?: string;
  /** The node's status files are served cut short (invalid JSON). */
  corruptStatus?: string;
  /** The node's status files are served as an earlier boot wrote them (another bootID). */
  staleStatus?: string;
  /** The node's Day 1 load fails in the KMM worker at its next boots: LoadFailed, in-tree restored. */
  failLoad?: string;
  /** Added to every node proxy call (simulated clock); kept by `clear` and resets. */
  proxyLatencyMs?: number;
  clear?: boolean;
}

export interface ApiErrorsState {
  remaining: number;
  status: number;
  method?: string;
  path?: string;
  message?: string;
}

export interface FaultState {
  degradeNodes: string[];
  hangDrains: string[];
  loseImagesOnReboot: string[];
  apiErrors: ApiErrorsState | null;
  latencyMs: number;
  slowProxyMs: number;
  hangProxy: string[];
  corruptStatus: string[];
  staleStatus: string[];
  failLoad: string[];
  proxyLatencyMs: number;
  concurrentEdits: Record<string, unknown>;
}

/** The failure an admitted request must answer with. */
export interface ApiFailure {
  status: number;
  message?: string;
}

/** Reads a request body, returning the problems found (empty when it is valid). */
export const faultRequestProblems = (body: unknown): string[] => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return ['the body must be a JSON object'];
  }
  const request = body as Record<string, unknown>;
  const known = [
    'concurrentEdit',
    'degradeNode',
    'hangDrain',
    'loseImagesOnReboot',
    'apiErrors',
    'dropWatches',
    'expireWatches',
    'latencyMs',
    'slowProxy',
    'hangProxy',
    'corruptStatus',
    'staleStatus',
    'failLoad',
    'proxyLatencyMs',
    'clear',
  ];
  const problems = Object.keys(request)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown fault "${key}"; known: ${known.join(', ')}`);
  for (const key of [
    'degradeNode',
    'hangDrain',
    'loseImagesOnReboot',
    'hangProxy',
    'corruptStatus',
    'staleStatus',
    'failLoad',
  ]) {
    if (key in request && (typeof request[key] !== 'string' || request[key] === '')) {
      problems.push(`${key} must be a node name`);
    }
  }
  if ('concurrentEdit' in request) {
    const edit = request.concurrentEdit as Record<string, unknown> | null;
    if (
      edit === null ||
      typeof edit !== 'object' ||
      typeof edit.machineConfig !== 'string' ||
      edit.machineConfig === '' ||
      (edit.patch !== undefined &&
        (edit.patch === null || typeof edit.patch !== 'object' || Array.isArray(edit.patch)))
    ) {
      problems.push('concurrentEdit must be {machineConfig: "<name>", patch?: {JSON merge patch}}');
    }
  }
  if ('apiErrors' in request) {
    const errors = request.apiErrors as Record<string, unknown> | null;
    const optionalString = (key: string) =>
      errors?.[key] === undefined || typeof errors[key] === 'string';
    if (
      errors === null ||
      typeof errors !== 'object' ||
      !Number.isInteger(errors.count) ||
      (errors.count as number) < 0 ||
      (errors.status !== undefined &&
        (!Number.isInteger(errors.status) ||
          (errors.status as number) < 400 ||
          (errors.status as number) > 599)) ||
      !optionalString('method') ||
      !optionalString('path') ||
      !optionalString('message')
    ) {
      problems.push(
        'apiErrors must be {count: N, status: 400-599 (default 500), method?: "GET", path?: "text in the path", message?: "..."}',
      );
    }
  }
  if (
    'latencyMs' in request &&
    (!Number.isInteger(request.latencyMs) ||
      (request.latencyMs as number) < 0 ||
      (request.latencyMs as number) > 60_000)
  ) {
    problems.push('latencyMs must be a whole number of milliseconds from 0 to 60000');
  }
  const milliseconds = (value: unknown) =>
    Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 60_000;
  if ('proxyLatencyMs' in request && !milliseconds(request.proxyLatencyMs)) {
    problems.push('proxyLatencyMs must be a whole number of milliseconds from 0 to 60000');
  }
  if (
    'slowProxy' in request &&
    typeof request.slowProxy !== 'boolean' &&
    !milliseconds(request.slowProxy)
  ) {
    problems.push(
      'slowProxy must be true, false or a whole number of milliseconds from 0 to 60000',
    );
  }
  for (const key of ['dropWatches', 'expireWatches', 'clear']) {
    if (key in request && typeof request[key] !== 'boolean')
      problems.push(`${key} must be true or false`);
  }
  return problems;
};

export class Faults {
  readonly degradeNodes = new Set<string>();
  readonly hangDrains = new Set<string>();
  readonly loseImagesOnReboot = new Set<string>();
  readonly hangProxy = new Set<string>();
  readonly corruptStatus = new Set<string>();
  readonly staleStatus = new Set<string>();
  readonly failLoad = new Set<string>();
  /** Pending concurrent edits: MachineConfig name → merge patch. */
  readonly concurrentEdits = new Map<string, Record<string, unknown>>();
  private apiErrors: ApiErrorsState | null = null;
  latencyMs = 0;
  /** Real-time delay of every node proxy call (the slowProxy fault). */
  slowProxyMs = 0;
  /** Simulated-clock delay of every node proxy call: a setting that clear() keeps. */
  proxyLatencyMs = 0;

  /** Applies a validated request (clear first, then the rest). */
  apply(request: FaultRequest): void {
    if (request.clear === true) this.clear();
    if (request.concurrentEdit !== undefined) {
      const { machineConfig, patch } = request.concurrentEdit;
      this.concurrentEdits.set(
        machineConfig,
        patch ?? { metadata: { annotations: { 'kmm-day1.sim/edited-by': 'another-admin' } } },
      );
    }
    if (request.degradeNode !== undefined) this.degradeNodes.add(request.degradeNode);
    if (request.hangDrain !== undefined) this.hangDrains.add(request.hangDrain);
    if (request.loseImagesOnReboot !== undefined)
      this.loseImagesOnReboot.add(request.loseImagesOnReboot);
    if (request.apiErrors !== undefined) {
      const { count, status, method, path, message } = request.apiErrors;
      this.apiErrors =
        count > 0
          ? {
              remaining: count,
              status: status ?? 500,
              ...(method === undefined ? {} : { method: method.toUpperCase() }),
              ...(path === undefined ? {} : { path }),
              ...(message === undefined ? {} : { message }),
            }
          : null;
    }
    if (request.latencyMs !== undefined) this.latencyMs = request.latencyMs;
    if (request.slowProxy !== undefined) {
      const slow = request.slowProxy;
      this.slowProxyMs = slow === true ? SLOW_PROXY_MS : slow === false ? 0 : slow;
    }
    if (request.hangProxy !== undefined) this.hangProxy.add(request.hangProxy);
    if (request.corruptStatus !== undefined) this.corruptStatus.add(request.corruptStatus);
    if (request.staleStatus !== undefined) this.staleStatus.add(request.staleStatus);
    if (request.failLoad !== undefined) this.failLoad.add(request.failLoad);
    if (request.proxyLatencyMs !== undefined) this.proxyLatencyMs = request.proxyLatencyMs;
  }

  clear(): void {
    this.concurrentEdits.clear();
    this.degradeNodes.clear();
    this.hangDrains.clear();
    this.loseImagesOnReboot.clear();
    this.apiErrors = null;
    this.latencyMs = 0;
    this.slowProxyMs = 0;
    this.hangProxy.clear();
    this.corruptStatus.clear();
    this.staleStatus.clear();
    this.failLoad.clear();
  }

  /** The concurrent edit to make before the next write to this MachineConfig, once. */
  takeConcurrentEdit(machineConfig: string): Record<string, unknown> | undefined {
    const patch = this.concurrentEdits.get(machineConfig);
    this.concurrentEdits.delete(machineConfig);
    return patch;
  }

  /** How this API request must fail, if it must; counts the fault down. */
  takeApiError(method: string, path: string): ApiFailure | undefined {
    const errors = this.apiErrors;
    if (errors === null) return undefined;
    if (errors.method !== undefined && errors.method !== method) return undefined;
    if (errors.path !== undefined && !path.includes(errors.path)) return undefined;
    errors.remaining--;
    if (errors.remaining <= 0) this.apiErrors = null;
    return { status: errors.status, message: errors.message };
  }

  toJSON(): FaultState {
    return {
      degradeNodes: [...this.degradeNodes].sort(),
      hangDrains: [...this.hangDrains].sort(),
      loseImagesOnReboot: [...this.loseImagesOnReboot].sort(),
      apiErrors: this.apiErrors === null ? null : { ...this.apiErrors },
      latencyMs: this.latencyMs,
      slowProxyMs: this.slowProxyMs,
      hangProxy: [...this.hangProxy].sort(),
      corruptStatus: [...this.corruptStatus].sort(),
      staleStatus: [...this.staleStatus].sort(),
      failLoad: [...this.failLoad].sort(),
      proxyLatencyMs: this.proxyLatencyMs,
      concurrentEdits: Object.fromEntries(this.concurrentEdits),
    };
  }
}
