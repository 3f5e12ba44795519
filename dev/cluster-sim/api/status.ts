/**
 * Kubernetes `Status` error bodies, with the reasons, codes and message wording the API server uses, so
 * that clients (the console SDK's HttpError, oc) see what they would see from a real cluster.
 */
import type { ResourceDef } from '../core/resources';
import { groupResource } from '../core/resources';

export interface StatusCause {
  reason?: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** An error the API answers with a Status body. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toStatus(): StatusBody {
    return statusBody(this.code, this.reason, this.message, this.details);
  }
}

export const statusBody = (
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): StatusBody => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  ...(details === undefined ? {} : { details }),
  code,
});

/** `machineconfigpools.machineconfiguration.openshift.io "sfc"`, as API errors name an object. */
const named = (resource: ResourceDef, name: string): string =>
  `${groupResource(resource)} "${name}"`;

export const notFound = (resource: ResourceDef, name: string): ApiError =>
  new ApiError(404, 'NotFound', `${named(resource, name)} not found`, {
    name,
    group: resource.group || undefined,
    kind: resource.plural,
  });

export const alreadyExists = (resource: ResourceDef, name: string): ApiError =>
  new ApiError(409, 'AlreadyExists', `${named(resource, name)} already exists`, {
    name,
    group: resource.group || undefined,
    kind: resource.plural,
  });

export const conflict = (resource: ResourceDef, name: string): ApiError =>
  new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${named(resource, name)}: the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: resource.group || undefined, kind: resource.plural },
  );

export const badRequest = (message: string): ApiError => new ApiError(400, 'BadRequest', message);

export const methodNotAllowed = (): ApiError =>
  new ApiError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );

export const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized', 'Unauthorized');

/**
 * 422 Invalid, worded as the API server words it: `Kind.group "name" is invalid: <causes>` with one
 * cause as is and several in brackets.
 */
export const invalid = (resource: ResourceDef, name: string, causes: StatusCause[]): ApiError => {
  const qualifiedKind =
    resource.group === '' ? resource.kind : `${resource.kind}.${resource.group}`;
  const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
    name,
    group: resource.group || undefined,
    kind: resource.kind,
    causes,
  });
};

/** What a simulated server fault answers with, by HTTP status. */
/** The reason the API server gives with each status code (metav1.StatusReason). */
const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** An injected failure: the API server's reason for the code, and the given message or its own. */
export const serverFault = (code: number, message?: string): ApiError => {
  if (message !== undefined) {
    return new ApiError(
      code,
      REASONS[code] ?? 'InternalError',
      message,
      code === 429 ? { retryAfterSeconds: 1 } : undefined,
    );
  }
  switch (code) {
    case 429:
      return new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', {
        retryAfterSeconds: 1,
      });
    case 503:
      return new ApiError(
        503,
        'ServiceUnavailable',
        'the server is currently unable to handle the request',
      );
    case 504:
      return new ApiError(
        504,
        'Timeout',
        'the server was unable to return a response in the time allotted, but may still be processing the request',
      );
    default:
      return new ApiError(
        code,
        'InternalError',
        'Internal error occurred: simulated fault injected through POST /sim/faults',
        { causes: [{ message: 'simulated fault injected through POST /sim/faults' }] },
      );
  }
};
