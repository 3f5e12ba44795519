/**
 * What a failed API call says, read from the SDK's HttpError (message, code and the Kubernetes
 * Status body in `json`) or any other thrown value.
 */
export interface ApiErrorDetails {
  /** HTTP status, when the server answered. */
  code?: number;
  /** The Status reason, e.g. AlreadyExists, Forbidden, Invalid. */
  reason?: string;
  message: string;
  /** Field-level causes of a 422 (Invalid). */
  causes: { field?: string; message: string }[];
}

interface StatusBody {
  message?: string;
  reason?: string;
  code?: number;
  details?: { causes?: { field?: string; message?: string }[] };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export const readApiError = (error: unknown): ApiErrorDetails => {
  if (!isRecord(error)) {
    return { message: String(error), causes: [] };
  }
  const status = (isRecord(error.json) ? error.json : {}) as StatusBody;
  const code = typeof error.code === 'number' ? error.code : status.code;
  const message =
    status.message ?? (typeof error.message === 'string' ? error.message : JSON.stringify(error));
  return {
    code,
    reason: status.reason,
    message,
    causes: (status.details?.causes ?? []).flatMap((c) =>
      c.message ? [{ field: c.field, message: c.message }] : [],
    ),
  };
};
