import * as http from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ShellRequest, ShellResponse } from './types';

export interface ProxyTarget {
  /** Base URL of the upstream, e.g. http://127.0.0.1:9100 */
  url: URL;
  /** Path on the upstream for the request (prefix already stripped). */
  path: string;
  /** Authorization header value to set; undefined removes any the browser sent. */
  authorization?: string;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

/**
 * The browser's headers minus its Authorization, HTTP/2's pseudo-headers (`:path`…) and, unless
 * upgrading, the hop-by-hop ones.
 */
const forwardHeaders = (
  req: ShellRequest,
  target: ProxyTarget,
  upgrade: boolean,
): OutgoingHttpHeaders => ({
  ...Object.fromEntries(
    Object.entries(req.headers).filter(
      ([name]) =>
        name !== 'authorization' &&
        !name.startsWith(':') &&
        (upgrade || !HOP_BY_HOP.includes(name)),
    ),
  ),
  host: target.url.host,
  ...(target.authorization ? { authorization: target.authorization } : {}),
});

const statusBody = (message: string) =>
  JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'ServiceUnavailable',
    code: 502,
  });

/** The upstream's headers a response may carry on any protocol (HTTP/2 refuses hop-by-hop ones). */
const responseHeaders = (headers: IncomingHttpHeaders): OutgoingHttpHeaders =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.includes(name)));

/** Proxies one HTTP request, streaming both ways (watch streams included). */
export const proxyHTTP = (req: ShellRequest, res: ShellResponse, target: ProxyTarget): void => {
  const upstream = http.request(
    {
      hostname: target.url.hostname,
      port: target.url.port,
      path: target.path,
      method: req.method,
      headers: forwardHeaders(req, target, false),
    },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders(upstreamRes.headers));
      upstreamRes.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) {
      res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(statusBody(`The simulated cluster is unreachable: ${error.message}`));
    } else {
      res.destroy();
    }
  });
  // A browser that goes away (closed watch) ends the upstream request too.
  res.on('close', () => {
    upstream.destroy();
  });
  req.pipe(upstream);
};

const writeRawResponse = (socket: Duplex, res: IncomingMessage): void => {
  const lines = [`HTTP/1.1 ${String(res.statusCode ?? 502)} ${res.statusMessage ?? ''}`];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
  }
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
};

/**
 * Proxies a WebSocket upgrade: replays the handshake upstream with the auth header, relays the
 * 101 response, then pipes bytes both ways. A refused upgrade (401, 403, 404) is relayed as is.
 */
export const proxyUpgrade = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  target: ProxyTarget,
): void => {
  const upstream = http.request({
    hostname: target.url.hostname,
    port: target.url.port,
    path: target.path,
    method: req.method,
    headers: forwardHeaders(req, target, true),
  });
  upstream.on('upgrade', (upstreamRes, upstreamSocket, upstreamHead) => {
    writeRawResponse(socket, upstreamRes);
    if (upstreamHead.length > 0) {
      socket.write(upstreamHead);
    }
    if (head.length > 0) {
      upstreamSocket.write(head);
    }
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
    const destroyBoth = () => {
      upstreamSocket.destroy();
      socket.destroy();
    };
    upstreamSocket.on('error', destroyBoth);
    upstreamSocket.on('close', destroyBoth);
    socket.on('error', destroyBoth);
    socket.on('close', destroyBoth);
  });
  upstream.on('response', (upstreamRes) => {
    writeRawResponse(socket, upstreamRes);
    upstreamRes.pipe(socket);
  });
  upstream.on('error', (error) => {
    const body = statusBody(`The simulated cluster is unreachable: ${error.message}`);
    socket.end(
      `HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\nContent-Length: ${String(
        Buffer.byteLength(body),
      )}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  socket.on('error', () => {
    upstream.destroy();
  });
  upstream.end();
};
