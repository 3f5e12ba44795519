/**
 * What an API failure says, read from what the SDK's k8s helpers reject with: console's HttpError,
 * whose `json` is the Kubernetes Status body, or any other error.
 */
export interface ApiErrorDetails {
  /** The HTTP status code, when there was a response. */
  code?: number;
  /** The Status reason, e.g. AlreadyExists, Forbidden, Invalid. */
  reason?: string;
  message: string;
  /** For 422 Invalid: each field the server rejected. */
  causes: { field?: string; message: string }[];
}

interface StatusBody {
  reason?: unknown;
  message?: unknown;
  details?: { causes?: { field?: unknown; message?: unknown }[] };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export const readApiError = (error: unknown): ApiErrorDetails => {
  if (typeof error !== 'object' || error === null) {
    return { message: String(error), causes: [] };
  }
  const { code, json, message } = error as { code?: unknown; json?: unknown; message?: unknown };
  const status = (typeof json === 'object' && json !== null ? json : {}) as StatusBody;
  const causes = (status.details?.causes ?? []).flatMap((cause) => {
    const causeMessage = text(cause.message);
    return causeMessage === undefined ? [] : [{ field: text(cause.field), message: causeMessage }];
  });
  return {
    code: typeof code === 'number' ? code : undefined,
    reason: text(status.reason),
    // The Status message names the object and the rule; console's own message may only quote a cause.
    message: text(status.message) ?? text(message) ?? JSON.stringify(error),
    causes,
  };
};
