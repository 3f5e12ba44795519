/**
 * The shell's HTTP server, standing in for the console bridge: the shell app (SPA fallback),
 * the plugin's dist at the path ConsolePlugin proxies to, and the simulated cluster's API
 * (HTTP and WebSocket) with the user's bearer token added.
 */
import * as http from 'node:http';
import * as http2 from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';
import rootPackage from '../../package.json';
import { proxyHTTP, proxyUpgrade } from './http/proxy';
import { selfSignedCertificate } from './http/self-signed';
import { sendText, serveFile } from './http/static-files';
import type { ShellRequest, ShellResponse } from './http/types';
import { bearerTokenFor } from './http/user-cookie';

export interface ConsoleShellOptions {
  /** Port to listen on (127.0.0.1 only); 0 picks a free one. */
  port: number;
  /** The simulated cluster, e.g. http://127.0.0.1:9100 */
  simulatorURL: string;
  /** The built plugin (`dist/` of the repository). */
  pluginDist: string;
  /** The built shell (`dev/console-shell/dist`). */
  shellDist: string;
  /** Log each proxied request (off by default). */
  verbose?: boolean;
  /**
   * Serve HTTPS with HTTP/2 (and HTTP/1.1 for WebSockets and old clients), on a throw-away
   * self-signed certificate, as a console behind an ingress with HTTP/2 enabled is served. Over
   * HTTP/1.1 a browser opens at most six connections to a host, which caps the plugin's parallel
   * node proxy reads below its default concurrency.
   */
  http2?: boolean;
}

export interface ConsoleShell {
  /** `http://localhost:<port>`, or `https://` with `http2` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

export const PLUGIN_PATH = `/api/plugins/${rootPackage.consolePlugin.name}/`;
const K8S_PREFIX = '/api/kubernetes';
const SIM_PREFIX = '/sim/';

/** Where a request goes: the simulator (with which path and token) or a static file. */
type Route =
  | { kind: 'k8s' | 'sim'; upstreamPath: string }
  | { kind: 'plugin'; filePath: string }
  | { kind: 'shell'; filePath: string };

const routeFor = (url: string): Route => {
  const { pathname, search } = new URL(url, 'http://localhost');
  if (pathname === K8S_PREFIX || pathname.startsWith(`${K8S_PREFIX}/`)) {
    return { kind: 'k8s', upstreamPath: `${pathname.slice(K8S_PREFIX.length) || '/'}${search}` };
  }
  if (pathname.startsWith(SIM_PREFIX)) {
    return { kind: 'sim', upstreamPath: `${pathname}${search}` };
  }
  if (pathname.startsWith(PLUGIN_PATH)) {
    return { kind: 'plugin', filePath: pathname.slice(PLUGIN_PATH.length) };
  }
  return { kind: 'shell', filePath: pathname };
};

export const startConsoleShell = async (options: ConsoleShellOptions): Promise<ConsoleShell> => {
  const simulator = new URL(options.simulatorURL);
  const pluginDist = path.resolve(options.pluginDist);
  const shellDist = path.resolve(options.shellDist);
  const log = (message: string) => {
    if (options.verbose) {
      console.log(`[console-shell] ${message}`);
    }
  };

  const handle = (req: ShellRequest, res: ShellResponse) => {
    const route = routeFor(req.url ?? '/');
    log(`${req.method ?? 'GET'} ${req.url ?? ''} -> ${route.kind}`);
    switch (route.kind) {
      case 'k8s': {
        const token = bearerTokenFor(req);
        proxyHTTP(req, res, {
          url: simulator,
          path: route.upstreamPath,
          authorization: token ? `Bearer ${token}` : undefined,
        });
        return;
      }
      case 'sim':
        proxyHTTP(req, res, { url: simulator, path: route.upstreamPath });
        return;
      case 'plugin':
        void serveFile(req, res, pluginDist, route.filePath, { noCache: true });
        return;
      default:
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          sendText(res, 405, 'Method not allowed');
          return;
        }
        void serveFile(req, res, shellDist, route.filePath, { fallback: 'index.html' });
    }
  };
  const server = options.http2
    ? http2.createSecureServer({ ...(await selfSignedCertificate()), allowHTTP1: true }, handle)
    : http.createServer(handle);
  // Every connection, for close(): open watches and keep-alive sockets would otherwise hold it.
  const sockets = new Set<Socket>();
  server.on(options.http2 ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  // Upgraded (WebSocket) sockets leave the server's bookkeeping: track them for close().
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const route = routeFor(req.url ?? '/');
    log(`UPGRADE ${req.url ?? ''} -> ${route.kind}`);
    if (route.kind === 'k8s') {
      const token = bearerTokenFor(req);
      proxyUpgrade(req, socket, head, {
        url: simulator,
        path: route.upstreamPath,
        authorization: token ? `Bearer ${token}` : undefined,
      });
    } else if (route.kind === 'sim') {
      proxyUpgrade(req, socket, head, { url: simulator, path: route.upstreamPath });
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });

  // Watches stay open for as long as the page does (an HTTP/2 server has no request timeout).
  if (server instanceof http.Server) {
    server.requestTimeout = 0;
    server.headersTimeout = 60000;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `${options.http2 ? 'https' : 'http'}://localhost:${String(port)}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        [...sockets, ...upgraded].forEach((socket) => {
          socket.destroy();
        });
      }),
  };
};
