/**
 * Faults injected through `POST /sim/faults`: a node whose daemon degrades on its next update, a drain
 * that never finishes, a node whose container storage loses the Day 1 images at every reboot, failing
 * API requests, dropped or expired watches and slow responses.
 */

/** The next `count` API requests (those with this method and a path containing `path`, if given) fail. */
interface ApiErrorsRequest {
  count: number;
  status?: number;
  method?: string;
  path?: string;
  /** The Status message; each status code has the API server's own by default. */
  message?: string;
}

export interface FaultRequest {
  degradeNode?: string;
  hangDrain?: string;
  /** The node loses its Day 1 images at every reboot (storage wiped or damaged, image GC). */
  loseImagesOnReboot?: string;
  apiErrors?: ApiErrorsRequest;
  dropWatches?: boolean;
  expireWatches?: boolean;
  latencyMs?: number;
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
    'degradeNode',
    'hangDrain',
    'loseImagesOnReboot',
    'apiErrors',
    'dropWatches',
    'expireWatches',
    'latencyMs',
    'clear',
  ];
  const problems = Object.keys(request)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown fault "${key}"; known: ${known.join(', ')}`);
  for (const key of ['degradeNode', 'hangDrain', 'loseImagesOnReboot']) {
    if (key in request && (typeof request[key] !== 'string' || request[key] === '')) {
      problems.push(`${key} must be a node name`);
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
  private apiErrors: ApiErrorsState | null = null;
  latencyMs = 0;

  /** Applies a validated request (clear first, then the rest). */
  apply(request: FaultRequest): void {
    if (request.clear === true) this.clear();
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
  }

  clear(): void {
    this.degradeNodes.clear();
    this.hangDrains.clear();
    this.loseImagesOnReboot.clear();
    this.apiErrors = null;
    this.latencyMs = 0;
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
    };
  }
}
