import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { getSDKConfig } from './config';
import { HttpError, RetryError, TimeoutError } from './http-error';

/** Relative URLs go to the configured origin (same origin in the browser). */
const absolute = (url: string): string =>
  url.startsWith('/') ? `${getSDKConfig().apiOrigin}${url}` : url;

const csrfToken = (): string | undefined =>
  typeof document === 'undefined'
    ? undefined
    : document.cookie
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith('csrf-token='))
        ?.slice('csrf-token='.length);

const headersToRecord = (headers: HeadersInit | undefined): Record<string, string> => {
  if (!headers) {
    return {};
  }
  if (headers instanceof Headers) {
    return Object.fromEntries(headers.entries());
  }
  return Array.isArray(headers) ? Object.fromEntries(headers) : { ...headers };
};

interface StatusBody {
  message?: string;
  error?: string;
  details?: { causes?: { message?: string; field?: string }[] };
}

/** Turns a non-OK response into console's HttpError (same message rules as console's validateStatus). */
const validateStatus = async (response: Response, retry: boolean): Promise<Response> => {
  if (response.ok || response.status === 304) {
    return response;
  }
  if (retry && response.status === 429) {
    throw new RetryError();
  }
  const contentType = response.headers.get('content-type');
  if (!contentType?.includes('json')) {
    throw new HttpError(response.statusText, response.status, response);
  }
  const json = (await response.json()) as StatusBody;
  if (response.status === 403) {
    throw new HttpError(
      json.message ?? 'Access denied due to cluster policy.',
      response.status,
      response,
      json,
    );
  }
  const cause = json.details?.causes?.[0];
  const reason =
    (cause ? `Error "${cause.message ?? ''}" for field "${cause.field ?? ''}".` : undefined) ??
    json.message ??
    json.error ??
    response.statusText;
  throw new HttpError(reason, response.status, response, json);
};

/**
 * console's fetch wrapper: same-origin credentials, the CSRF header on writes, up to 3 attempts on
 * 429, a timeout (60 s by default) and HttpError on failure.
 */
export const consoleFetch: typeof SDK.consoleFetch = async (url, options = {}, timeout = 60000) => {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers = headersToRecord(options.headers);
  const token = csrfToken();
  if (token && method !== 'GET' && !url.includes('://')) {
    headers['X-CSRFToken'] = token;
  }
  const init: RequestInit = { credentials: 'same-origin', ...options, headers };

  const attempt = async (): Promise<Response> => {
    for (let attemptNo = 1; ; attemptNo++) {
      try {
        const response = await fetch(absolute(url), init);
        return await validateStatus(response, attemptNo < 3);
      } catch (e) {
        if (!(e instanceof RetryError)) {
          throw e;
        }
      }
    }
  };
  if (timeout <= 0) {
    return attempt();
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError(url, timeout));
    }, timeout);
  });
  try {
    return await Promise.race([attempt(), timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/** Console parses an empty body as `{}` ('' for text/plain) and non-JSON content as text. */
const parseBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  const isPlainText = response.headers.get('Content-Type') === 'text/plain';
  if (!text) {
    return isPlainText ? '' : {};
  }
  return isPlainText ? text : JSON.parse(text);
};

const fetchCommon = async (
  url: string,
  method: string,
  options: RequestInit = {},
  timeout?: number,
): Promise<unknown> => {
  const response = await consoleFetch(url, { ...options, method }, timeout);
  return parseBody(response);
};

const fetchJSON = (
  url: string,
  method = 'GET',
  options: RequestInit = {},
  timeout?: number,
): Promise<unknown> =>
  fetchCommon(
    url,
    method,
    { ...options, headers: { Accept: 'application/json', ...headersToRecord(options.headers) } },
    timeout,
  );

const sendJSON = (
  url: string,
  method: string,
  json: unknown,
  options: RequestInit = {},
  timeout?: number,
): Promise<unknown> =>
  fetchJSON(
    url,
    method,
    {
      ...options,
      headers: {
        Accept: 'application/json',
        'Content-Type': `application/${method === 'PATCH' ? 'json-patch+json' : 'json'};charset=UTF-8`,
        ...headersToRecord(options.headers),
      },
      ...(json ? { body: JSON.stringify(json) } : {}),
    },
    timeout,
  );

/** consoleFetch plus JSON parsing, with `.post/.put/.patch/.delete` helpers that send JSON. */
export const consoleFetchJSON: typeof SDK.consoleFetchJSON = Object.assign(fetchJSON, {
  delete: (url: string, json: unknown = null, options: RequestInit = {}, timeout?: number) =>
    json
      ? sendJSON(url, 'DELETE', json, options, timeout)
      : fetchJSON(url, 'DELETE', options, timeout),
  post: (url: string, json: unknown, options: RequestInit = {}, timeout?: number) =>
    sendJSON(url, 'POST', json, options, timeout),
  put: (url: string, json: unknown, options: RequestInit = {}, timeout?: number) =>
    sendJSON(url, 'PUT', json, options, timeout),
  patch: (url: string, json: unknown, options: RequestInit = {}, timeout?: number) =>
    sendJSON(url, 'PATCH', json, options, timeout),
});

export const consoleFetchText: typeof SDK.consoleFetchText = (url, options = {}, timeout) =>
  fetchCommon(url, 'GET', options, timeout);
