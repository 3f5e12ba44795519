/**
 * The HTTP server: Kubernetes paths with authentication, injected faults (latency, failing requests),
 * discovery, the resource verbs, and watches over HTTP chunked streaming and WebSocket upgrade; plus the
 * /sim control API. Listens on 127.0.0.1 only.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Clock } from '../core/clock';
import type { PodObject } from '../core/kube-types';
import { ControlApi } from '../control/control-api';
import type { Simulation } from '../simulation';
import { BEARER_PROTOCOL_PREFIX, authenticate, authorize } from './auth';
import { NODES } from '../core/resources';
import type { NodeObject } from '../core/kube-types';
import { NodeJournal } from '../node/node-journal';
import { kubeletGet, unreachableStatus } from './node-proxy';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  rootPaths,
  versionInfo,
} from './discovery';
import { ResourceApi } from './handlers';
import type { ApiResponse } from './handlers';
import { parseJson, readBody, rejectUpgrade, sendError, sendJson, sendText } from './http-io';
import { isPatchContentType } from './patch';
import { route } from './router';
import type { Route } from './router';
import { ApiError, badRequest, notFound, serverFault } from './status';
import type { CrdSchemas } from './validation';
import { WatchHub } from './watch';
import type { WatchSink } from './watch';

/** A request as it reached the API server (for tests, like an audit log at the Request level). */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. WebSocket watches are GETs with `watch=true`. */
  path: string;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body of a write, if any. */
  body?: unknown;
}

export interface ApiServerDeps {
  simulation: Simulation;
  schemas: CrdSchemas | null;
  clock: Clock;
  log: (message: string) => void;
  bookmarkIntervalMs?: number;
  onRequest?: (request: ReceivedRequest) => void;
}

const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** `/api/v1/nodes/<node>/proxy[/<path>]`: the node and the path after `/proxy` (raw, '' for none). */
const nodeProxyTarget = (pathname: string): { node: string; path: string } | undefined => {
  const match = /^\/api\/v1\/nodes\/([^/]+)\/proxy(\/.*)?$/.exec(pathname);
  if (match === null) return undefined;
  const rest = match[2] as string | undefined;
  return { node: match[1], path: rest ?? '' };
};

/** The verb RBAC checks for a connect request with this method (RequestInfo). */
const CONNECT_VERBS: Record<string, 'get' | 'create' | 'update' | 'patch' | 'delete'> = {
  GET: 'get',
  HEAD: 'get',
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

const notFoundPath = () =>
  new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

const httpSink = (response: ServerResponse): WatchSink => ({
  send: (json) => {
    if (!response.destroyed && !response.writableEnded) response.write(`${json}\n`);
  },
  close: () => {
    response.end();
  },
  drop: () => {
    response.destroy();
  },
  onClose: (callback) => {
    // The client may have gone while the watch was being set up (injected latency).
    if (response.destroyed) callback();
    else response.on('close', callback);
  },
});

/**
 * Watch frames as the API server sends them: JSON text by default, base64 text with the
 * `base64.binary.k8s.io` subprotocol and binary frames with `binary.k8s.io`.
 */
const webSocketSink = (socket: WebSocket): WatchSink => ({
  send: (json) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.protocol === 'base64.binary.k8s.io')
      socket.send(Buffer.from(json).toString('base64'));
    else if (socket.protocol === 'binary.k8s.io') socket.send(Buffer.from(json), { binary: true });
    else socket.send(json);
  },
  close: () => {
    socket.close(1000);
  },
  drop: () => {
    socket.terminate();
  },
  onClose: (callback) => {
    if (socket.readyState === socket.CLOSED) callback();
    else socket.on('close', callback);
  },
});

export class ApiServer {
  readonly http: Server;
  readonly hub: WatchHub;
  private readonly webSockets: WebSocketServer;
  private readonly resources: ResourceApi;
  private readonly control: ControlApi;
  private address = '127.0.0.1:0';
  /** Real-time timers of the slowProxy fault, cleared on close. */
  private readonly slowTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: ApiServerDeps) {
    const { simulation } = deps;
    this.hub = new WatchHub(simulation.store, deps.clock, {
      bookmarkIntervalMs: deps.bookmarkIntervalMs,
    });
    this.resources = new ResourceApi({
      store: simulation.store,
      clock: deps.clock,
      schemas: deps.schemas,
      registry: () => simulation.registry,
      podLog: (pod: PodObject) => simulation.podLog(pod),
      takeConcurrentEdit: (machineConfig) => simulation.faults.takeConcurrentEdit(machineConfig),
    });
    this.control = new ControlApi(simulation, this.hub);
    this.webSockets = new WebSocketServer({
      noServer: true,
      // Browsers fail a connection whose offered subprotocols the server ignores: pick one, preferring
      // one that is not the bearer-token carrier.
      handleProtocols: (protocols) => {
        const offered = [...protocols];
        if (offered.length === 0) return false;
        return offered.find((p) => !p.startsWith(BEARER_PROTOCOL_PREFIX)) ?? offered[0];
      },
    });
    this.http = createServer((request, response) => {
      void this.onRequest(request, response);
    });
    this.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => {
        socket.destroy();
      });
      void this.onUpgrade(request, socket, head);
    });
  }

  /** Starts listening on 127.0.0.1; returns the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, '127.0.0.1', () => {
        const { port: actual } = this.http.address() as AddressInfo;
        this.address = `127.0.0.1:${String(actual)}`;
        resolve(actual);
      });
    });
  }

  /** Ends watches, closes every connection and stops listening. */
  close(): Promise<void> {
    this.hub.close();
    for (const timer of this.slowTimers) clearTimeout(timer);
    this.slowTimers.clear();
    for (const client of this.webSockets.clients) client.terminate();
    this.webSockets.close();
    return new Promise((resolve) => {
      this.http.close(() => {
        resolve();
      });
      this.http.closeAllConnections();
    });
  }

  private delay(): Promise<void> {
    const ms = this.deps.simulation.faults.latencyMs;
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.deps.clock.setTimeout(resolve, ms));
  }

  /** Latency, authentication and injected failures, in the order a request meets them. */
  private async admit(
    request: IncomingMessage,
    method: string,
  ): Promise<ReturnType<typeof authenticate>> {
    await this.delay();
    const user = authenticate(request.headers);
    const failure = this.deps.simulation.faults.takeApiError(method, request.url ?? '/');
    if (failure !== undefined) throw serverFault(failure.status, failure.message);
    return user;
  }

  private record(request: IncomingMessage, method: string, body?: unknown): void {
    this.deps.onRequest?.({
      method,
      path: request.url ?? '/',
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    });
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/sim' || url.pathname.startsWith('/sim/')) {
        this.record(request, request.method ?? 'GET');
        await this.control.handle(request, response, url);
        return;
      }
      const proxy = nodeProxyTarget(url.pathname);
      if (proxy !== undefined) {
        await this.onNodeProxy(request, response, url, proxy);
        return;
      }
      const target = route(url.pathname);
      // Like the real API server, version and health are public.
      if (target.kind === 'version') {
        sendJson(response, 200, versionInfo());
        return;
      }
      if (target.kind === 'health') {
        sendText(response, 200, 'ok');
        return;
      }
      const method = request.method ?? 'GET';
      if (target.kind !== 'resource') {
        this.record(request, method);
        await this.admit(request, method);
        sendJson(response, 200, this.discovery(target));
        return;
      }
      const hasBody =
        method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
      const contentType = request.headers['content-type'] ?? 'application/json';
      const text = hasBody ? await readBody(request) : '';
      this.record(request, method, text === '' ? undefined : jsonOrText(text));
      const user = await this.admit(request, method);
      // An unsupported patch type is refused (415) before its body is read as JSON.
      const body = method === 'PATCH' && !isPatchContentType(contentType) ? text : parseJson(text);
      const result = this.resources.handle({
        method,
        resource: target.resource,
        namespace: target.namespace,
        name: target.name,
        subresource: target.subresource,
        query: url.searchParams,
        user,
        contentType,
        body,
      });
      this.respond(response, result);
    } catch (error) {
      if (!(error instanceof ApiError))
        this.deps.log(
          `request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      sendError(response, error);
    }
  }

  /**
   * The node proxy (api/node-proxy.ts): admission and `nodes/proxy` authorization, the node, the proxy
   * delays and faults, then the dial (a node that is down answers 500) and the kubelet's answer.
   */
  private async onNodeProxy(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    target: { node: string; path: string },
  ): Promise<void> {
    const method = request.method ?? 'GET';
    this.record(request, method);
    const user = await this.admit(request, method);
    let name: string;
    let path: string;
    try {
      name = decodeURIComponent(target.node);
      path = target.path.split('/').map(decodeURIComponent).join('/');
    } catch {
      throw badRequest(`invalid URL path: ${url.pathname}`);
    }
    authorize(user, CONNECT_VERBS[method] ?? 'get', NODES, { name, subresource: 'proxy' });
    const node = this.deps.simulation.store.get(NODES, undefined, name) as NodeObject | undefined;
    if (node === undefined) throw notFound(NODES, name);
    // An empty path is redirected to `/`, before anything reaches the node (proxyRedirectsforRootPath).
    if (path === '' && (method === 'GET' || method === 'HEAD')) {
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      response.end();
      return;
    }
    const { faults } = this.deps.simulation;
    if (faults.proxyLatencyMs > 0) {
      await new Promise<void>((resolve) => {
        this.deps.clock.setTimeout(resolve, faults.proxyLatencyMs);
      });
    }
    if (faults.slowProxyMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.slowTimers.delete(timer);
          resolve();
        }, faults.slowProxyMs);
        this.slowTimers.add(timer);
      });
    }
    if (response.destroyed) return;
    // The kubelet accepts the connection and never answers: the client gives up first.
    if (faults.hangProxy.has(name)) return;
    const kubelet = this.deps.simulation.kubelet(name) ?? {
      files: new Map<string, string>(),
      journal: new NodeJournal(name),
      reachability: 'up' as const,
    };
    if (kubelet.reachability !== 'up') {
      sendJson(response, 500, unreachableStatus(node, kubelet.reachability));
      return;
    }
    // The kubelet's /logs/ routes are GET only.
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(response, 405, '405: Method Not Allowed');
      return;
    }
    const answer = kubeletGet(
      kubelet,
      { corrupt: faults.corruptStatus.has(name), stale: faults.staleStatus.has(name) },
      path,
      url.searchParams,
    );
    response.writeHead(answer.status, {
      ...answer.headers,
      'Content-Length': Buffer.byteLength(answer.body),
    });
    response.end(method === 'HEAD' ? undefined : answer.body);
  }

  private respond(response: ServerResponse, result: ApiResponse): void {
    switch (result.kind) {
      case 'json':
        sendJson(response, result.status, result.body);
        return;
      case 'text':
        sendText(response, result.status, result.text);
        return;
      case 'watch':
        response.writeHead(200, {
          'Cache-Control': 'no-cache, private',
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        });
        response.flushHeaders();
        this.hub.open(result.request, httpSink(response));
    }
  }

  private discovery(target: Exclude<Route, { kind: 'resource' }>): unknown {
    switch (target.kind) {
      case 'root':
        return rootPaths();
      case 'apiVersions':
        return apiVersions(this.address);
      case 'apiGroupList':
        return apiGroupList();
      case 'apiGroup':
        return apiGroup(target.group);
      case 'apiResources':
        return apiResourceList(target.group, target.version);
      default:
        throw notFoundPath();
    }
  }

  private async onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const target = route(url.pathname);
      if (target.kind !== 'resource') throw notFoundPath();
      const watch = url.searchParams.get('watch');
      if (watch !== 'true' && watch !== '1')
        throw badRequest('only watch requests can be upgraded to a WebSocket');
      this.record(request, 'GET');
      const user = await this.admit(request, 'GET');
      const result = this.resources.handle({
        method: 'GET',
        resource: target.resource,
        namespace: target.namespace,
        name: target.name,
        subresource: target.subresource,
        query: url.searchParams,
        user,
        contentType: 'application/json',
        body: undefined,
      });
      if (result.kind !== 'watch')
        throw badRequest('only watch requests can be upgraded to a WebSocket');
      this.webSockets.handleUpgrade(request, socket, head, (client) => {
        client.on('error', () => {
          client.terminate();
        });
        this.hub.open(result.request, webSocketSink(client));
      });
    } catch (error) {
      rejectUpgrade(socket, error);
    }
  }
}
