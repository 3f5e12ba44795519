import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/** Names the error after its class, as console's CustomError does (`e.name === 'HttpError'`). */
class CustomError extends Error {
  constructor(message?: string) {
    super(message);
    Object.defineProperty(this, 'name', {
      value: new.target.name,
      enumerable: false,
      configurable: true,
    });
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Console's HttpError: what consoleFetch and the k8s helpers reject with on a non-OK status.
 * `json` is the Kubernetes Status body when the server sent one.
 */
export class HttpError extends CustomError {
  code?: number;
  response?: Response;
  // Console types the body as `any`; the k8s Status object is the usual content.
  json?: SDK.HttpError['json'];

  constructor(message: string, code?: number, response?: Response, json?: unknown) {
    super(message);
    this.code = code;
    this.response = response;
    this.json = json;
  }

  static fromCode(code: number): HttpError {
    return new HttpError(STATUS_TEXT[code] ?? `HTTP ${String(code)}`, code);
  }
}

export class TimeoutError extends CustomError {
  constructor(
    public url: string,
    public ms: number,
  ) {
    super(`Call to ${url} timed out after ${String(ms)}ms.`);
  }
}

/** Internal: a 429 that consoleFetch retries. */
export class RetryError extends CustomError {}

/** useK8sWatchResource's error when no model matches the requested kind (console's NoModelError). */
export class NoModelError extends CustomError {
  constructor() {
    super('Model does not exist');
  }
}

/** Compile-time check: instances expose everything the SDK's HttpError exposes publicly. */
type Assignable<T, U extends T> = U;
/** @public exported only so that TypeScript does not report an unused type; no module imports it */
export type HttpErrorMatchesSDK = Assignable<Pick<SDK.HttpError, keyof SDK.HttpError>, HttpError>;
