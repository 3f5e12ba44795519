/** Reading request bodies and writing JSON, text and Status responses on node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, badRequest, statusBody } from './status';

/** The API server's request size limit (3 MiB). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'),
        );
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });

/** Parses a JSON body; an empty body is undefined. */
export const parseJson = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(
      `couldn't get version/kind; json parse error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};

const COMMON_HEADERS = { 'Cache-Control': 'no-cache, private' };

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
};

export const sendText = (response: ServerResponse, status: number, text: string): void => {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/plain',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
};

/** The Status body for any error: ApiErrors as they are, anything else as 500 InternalError. */
const errorStatus = (error: unknown) =>
  error instanceof ApiError
    ? error.toStatus()
    : statusBody(
        500,
        'InternalError',
        `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`,
      );

export const sendError = (response: ServerResponse, error: unknown): void => {
  const status = errorStatus(error);
  sendJson(response, status.code, status);
};

/** Answers a WebSocket upgrade request with a plain HTTP error and closes the socket. */
export const rejectUpgrade = (socket: Duplex, error: unknown): void => {
  const status = errorStatus(error);
  const text = JSON.stringify(status);
  socket.end(
    `HTTP/1.1 ${String(status.code)} ${STATUS_CODES[status.code] ?? 'Error'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(text))}\r\n` +
      `Connection: close\r\n\r\n${text}`,
  );
};
