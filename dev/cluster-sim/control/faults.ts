/**
 * Faults injected through `POST /sim/faults`: a node whose daemon degrades on its next update, a drain
 * that never finishes, failing API requests, dropped watches and slow responses.
 */

export interface FaultRequest {
  degradeNode?: string;
  hangDrain?: string;
  apiErrors?: { count: number; status?: number };
  dropWatches?: boolean;
  latencyMs?: number;
  clear?: boolean;
}

export interface FaultState {
  degradeNodes: string[];
  hangDrains: string[];
  apiErrors: { remaining: number; status: number } | null;
  latencyMs: number;
}

/** Reads a request body, returning the problems found (empty when it is valid). */
export const faultRequestProblems = (body: unknown): string[] => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return ['the body must be a JSON object'];
  }
  const request = body as Record<string, unknown>;
  const known = ['degradeNode', 'hangDrain', 'apiErrors', 'dropWatches', 'latencyMs', 'clear'];
  const problems = Object.keys(request)
    .filter((key) => !known.includes(key))
    .map((key) => `unknown fault "${key}"; known: ${known.join(', ')}`);
  for (const key of ['degradeNode', 'hangDrain']) {
    if (key in request && (typeof request[key] !== 'string' || request[key] === '')) {
      problems.push(`${key} must be a node name`);
    }
  }
  if ('apiErrors' in request) {
    const errors = request.apiErrors as { count?: unknown; status?: unknown } | null;
    if (
      errors === null ||
      typeof errors !== 'object' ||
      !Number.isInteger(errors.count) ||
      (errors.count as number) < 0 ||
      (errors.status !== undefined &&
        (!Number.isInteger(errors.status) ||
          (errors.status as number) < 400 ||
          (errors.status as number) > 599))
    ) {
      problems.push('apiErrors must be {count: N, status: 400-599 (default 500)}');
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
  for (const key of ['dropWatches', 'clear']) {
    if (key in request && typeof request[key] !== 'boolean')
      problems.push(`${key} must be true or false`);
  }
  return problems;
};

export class Faults {
  readonly degradeNodes = new Set<string>();
  readonly hangDrains = new Set<string>();
  private apiErrors: { remaining: number; status: number } | null = null;
  latencyMs = 0;

  /** Applies a validated request (clear first, then the rest). */
  apply(request: FaultRequest): void {
    if (request.clear === true) this.clear();
    if (request.degradeNode !== undefined) this.degradeNodes.add(request.degradeNode);
    if (request.hangDrain !== undefined) this.hangDrains.add(request.hangDrain);
    if (request.apiErrors !== undefined) {
      this.apiErrors =
        request.apiErrors.count > 0
          ? { remaining: request.apiErrors.count, status: request.apiErrors.status ?? 500 }
          : null;
    }
    if (request.latencyMs !== undefined) this.latencyMs = request.latencyMs;
  }

  clear(): void {
    this.degradeNodes.clear();
    this.hangDrains.clear();
    this.apiErrors = null;
    this.latencyMs = 0;
  }

  /** The status the next API request must fail with, if any; counts it down. */
  takeApiError(): number | undefined {
    if (this.apiErrors === null) return undefined;
    const { status } = this.apiErrors;
    this.apiErrors.remaining--;
    if (this.apiErrors.remaining <= 0) this.apiErrors = null;
    return status;
  }

  toJSON(): FaultState {
    return {
      degradeNodes: [...this.degradeNodes].sort(),
      hangDrains: [...this.hangDrains].sort(),
      apiErrors: this.apiErrors === null ? null : { ...this.apiErrors },
      latencyMs: this.latencyMs,
    };
  }
}
