/**
 * A small in-memory Kubernetes API for unit tests: list (with label/field selectors and
 * pagination), get, create, update, JSON-patch, delete, SelfSubjectAccessReviews, and
 * WebSocket watches, plus knobs to fail requests and drop watches. It accepts paths with or
 * without the console's `/api/kubernetes` prefix. Not the cluster simulator: just enough to
 * exercise the shell's SDK against real HTTP and WebSockets.
 */
import * as http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type WebSocket from 'ws';

export interface FakeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
  headers: http.IncomingHttpHeaders;
}

interface Parsed {
  /** `/api/v1/nodes` or `/apis/<group>/<version>/<plural>` */
  collection: string;
  ns?: string;
  name?: string;
  query: URLSearchParams;
}

interface Watcher {
  socket: WebSocket;
  collection: string;
  ns?: string;
  name?: string;
  labels: [string, string][];
}

interface Failure {
  method: string;
  path: RegExp;
  code: number;
  message: string;
  remaining: number;
  contentType: string;
}

const READ_VERBS = ['get', 'list', 'watch'];

const parsePath = (rawURL: string): Parsed | undefined => {
  const url = new URL(rawURL, 'http://fake');
  const pathname = url.pathname.replace(/^\/api\/kubernetes/, '');
  const parts = pathname.split('/').filter(Boolean);
  let baseLength: number;
  if (parts[0] === 'api' && parts.length >= 2) {
    baseLength = 2;
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    baseLength = 3;
  } else {
    return undefined;
  }
  const base = `/${parts.slice(0, baseLength).join('/')}`;
  const rest = parts.slice(baseLength).map(decodeURIComponent);
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    return {
      collection: `${base}/${rest[2]}`,
      ns: rest[1],
      name: rest[3],
      query: url.searchParams,
    };
  }
  if (rest.length === 0) {
    return undefined;
  }
  return { collection: `${base}/${rest[0]}`, name: rest[1], query: url.searchParams };
};

const parseLabelSelector = (selector: string | null): [string, string][] =>
  (selector ?? '')
    .split(',')
    .filter(Boolean)
    .map((term) => term.split('=') as [string, string]);

const fieldName = (selector: string | null): string | undefined =>
  /metadata\.name=([^,]+)/.exec(selector ?? '')?.[1];

const labelsMatch = (obj: FakeObject, labels: [string, string][]) =>
  labels.every(([k, v]) => obj.metadata.labels?.[k] === v);

const withoutTypeMeta = (obj: FakeObject): FakeObject => {
  const copy = { ...obj };
  delete copy.kind;
  delete copy.apiVersion;
  return copy;
};

const status = (code: number, message: string, reason = 'Failure') => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  code,
});

export class FakeAPIServer {
  readonly requests: RecordedRequest[] = [];
  /** The user for requests without an Authorization header. */
  defaultUser = 'admin';
  private readonly collections = new Map<string, Map<string, FakeObject>>();
  private readonly watchers = new Set<Watcher>();
  private readonly failures: Failure[] = [];
  private resourceVersion = 100;
  private uid = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<Duplex>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeAPIServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeAPIServer(server, `http://127.0.0.1:${String(port)}`);
    server.on('request', (req, res) => {
      void fake.handle(req, res);
    });
    server.on('upgrade', (req, socket, head) => {
      fake.handleUpgrade(req, socket, head);
    });
    server.on('connection', (socket) => {
      fake.sockets.add(socket);
      socket.on('close', () => fake.sockets.delete(socket));
    });
    return fake;
  }

  /** Adds an object (ADDED to watchers); returns it with uid, resourceVersion and timestamp. */
  add(collection: string, obj: FakeObject): FakeObject {
    this.uid += 1;
    const stored = this.stamp({
      ...obj,
      metadata: {
        creationTimestamp: '2026-11-24T03:00:00Z',
        ...obj.metadata,
        uid: obj.metadata.uid ?? `uid-${String(this.uid)}`,
      },
    });
    this.collection(collection).set(this.key(stored), stored);
    this.emit(collection, 'ADDED', stored);
    return stored;
  }

  /** Replaces an object (MODIFIED). */
  modify(collection: string, obj: FakeObject): FakeObject {
    const current = this.collection(collection).get(this.key(obj));
    const stored = this.stamp({ ...obj, metadata: { ...current?.metadata, ...obj.metadata } });
    this.collection(collection).set(this.key(stored), stored);
    this.emit(collection, 'MODIFIED', stored);
    return stored;
  }

  /** Deletes an object (DELETED). */
  remove(collection: string, name: string, ns?: string): void {
    const key = `${ns ?? ''}/${name}`;
    const current = this.collection(collection).get(key);
    if (current) {
      this.collection(collection).delete(key);
      this.emit(collection, 'DELETED', this.stamp(current));
    }
  }

  /** Changes an object without telling watchers (as if it changed while they were away). */
  modifySilently(collection: string, obj: FakeObject): void {
    const current = this.collection(collection).get(this.key(obj));
    this.collection(collection).set(
      this.key(obj),
      this.stamp({ ...obj, metadata: { ...current?.metadata, ...obj.metadata } }),
    );
  }

  /** Sends a raw watch event (e.g. ERROR 410) to the watchers of a collection. */
  sendRaw(collection: string, event: unknown): void {
    this.watchers.forEach((w) => {
      if (w.collection === collection) {
        w.socket.send(JSON.stringify(event));
      }
    });
  }

  /** Makes the next `times` matching requests fail with `code` (JSON Status unless `text`). */
  fail(
    method: string,
    path: RegExp,
    code: number,
    message: string,
    times = Infinity,
    text = false,
  ) {
    this.failures.push({
      method,
      path,
      code,
      message,
      remaining: times,
      contentType: text ? 'text/plain' : 'application/json',
    });
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  /** Kills every watch connection abruptly (close code 1006 on the client). */
  dropWatches(): void {
    this.watchers.forEach((w) => {
      w.socket.terminate();
    });
    this.watchers.clear();
  }

  get openWatches(): number {
    return [...this.watchers].filter((w) => w.socket.readyState === w.socket.OPEN).length;
  }

  requestsTo(method: string, pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  async close(): Promise<void> {
    this.dropWatches();
    this.sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => {
      this.wss.close(() => {
        this.server.close(() => {
          resolve();
        });
      });
    });
  }

  private collection(name: string): Map<string, FakeObject> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Map();
      this.collections.set(name, c);
    }
    return c;
  }

  private key(obj: FakeObject): string {
    return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
  }

  private stamp(obj: FakeObject): FakeObject {
    this.resourceVersion += 1;
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.resourceVersion) } };
  }

  private emit(collection: string, type: string, obj: FakeObject): void {
    this.watchers.forEach((w) => {
      if (
        w.collection === collection &&
        (!w.ns || w.ns === obj.metadata.namespace) &&
        (!w.name || w.name === obj.metadata.name) &&
        labelsMatch(obj, w.labels)
      ) {
        w.socket.send(JSON.stringify({ type, object: obj }));
      }
    });
  }

  private userOf(req: IncomingMessage): string {
    return /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? this.defaultUser;
  }

  private takeFailure(method: string, path: string): Failure | undefined {
    const failure = this.failures.find(
      (f) => f.method === method && f.path.test(path) && f.remaining > 0,
    );
    if (failure) {
      failure.remaining -= 1;
    }
    return failure;
  }

  private send(res: ServerResponse, code: number, body: unknown): void {
    res.writeHead(code, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const body = method === 'GET' ? undefined : await this.readBody(req);
    this.requests.push({
      method,
      path,
      authorization: req.headers.authorization,
      body,
      headers: req.headers,
    });

    const failure = this.takeFailure(method, path);
    if (failure) {
      if (failure.contentType === 'text/plain') {
        res.writeHead(failure.code, { 'Content-Type': 'text/plain' });
        res.end(failure.message);
      } else {
        this.send(res, failure.code, status(failure.code, failure.message));
      }
      return;
    }
    const parsed = parsePath(path);
    if (!parsed) {
      this.send(
        res,
        404,
        status(404, `the server could not find the requested resource`, 'NotFound'),
      );
      return;
    }
    const user = this.userOf(req);
    if (
      parsed.collection === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' &&
      method === 'POST'
    ) {
      const review = body as { spec: { resourceAttributes: { verb?: string } } };
      const verb = review.spec.resourceAttributes.verb ?? '';
      const allowed = user !== 'read-only' || READ_VERBS.includes(verb);
      this.send(res, 201, { ...review, status: { allowed } });
      return;
    }
    if (method !== 'GET' && user === 'read-only') {
      this.send(
        res,
        403,
        status(
          403,
          `forbidden: User "read-only" cannot ${method.toLowerCase()} ${parsed.collection}`,
          'Forbidden',
        ),
      );
      return;
    }
    this.handleResource(method, parsed, body, res);
  }

  private handleResource(method: string, parsed: Parsed, body: unknown, res: ServerResponse): void {
    const { collection, ns, name, query } = parsed;
    const objects = this.collection(collection);
    const kind = collection.split('/').pop() ?? '';
    const key = `${ns ?? ''}/${name ?? ''}`;
    const notFound = () => {
      this.send(res, 404, status(404, `${kind} "${name ?? ''}" not found`, 'NotFound'));
    };
    switch (method) {
      case 'GET': {
        if (name) {
          const obj = objects.get(key);
          if (obj) {
            this.send(res, 200, obj);
          } else {
            notFound();
          }
          return;
        }
        const labels = parseLabelSelector(query.get('labelSelector'));
        const onlyName = fieldName(query.get('fieldSelector'));
        const all = [...objects.values()].filter(
          (o) =>
            (!ns || o.metadata.namespace === ns) &&
            (!onlyName || o.metadata.name === onlyName) &&
            labelsMatch(o, labels),
        );
        const limit = Number(query.get('limit') ?? '0') || all.length;
        const offset = Number(query.get('continue') ?? '0');
        const page = all.slice(offset, offset + limit);
        const more = offset + limit < all.length;
        this.send(res, 200, {
          kind: 'List',
          apiVersion: collection.startsWith('/api/')
            ? 'v1'
            : collection.split('/').slice(2, 4).join('/'),
          metadata: {
            resourceVersion: String(this.resourceVersion),
            ...(more ? { continue: String(offset + limit) } : {}),
          },
          // List items carry no kind/apiVersion, as from a real API server.
          items: page.map(withoutTypeMeta),
        });
        return;
      }
      case 'POST': {
        const obj = body as FakeObject;
        const postKey = `${ns ?? obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
        if (objects.has(postKey)) {
          this.send(
            res,
            409,
            status(409, `${kind} "${obj.metadata.name}" already exists`, 'AlreadyExists'),
          );
          return;
        }
        this.send(res, 201, this.add(collection, obj));
        return;
      }
      case 'PUT': {
        const obj = body as FakeObject;
        const current = objects.get(key);
        if (!current) {
          notFound();
          return;
        }
        if (
          obj.metadata.resourceVersion &&
          obj.metadata.resourceVersion !== current.metadata.resourceVersion
        ) {
          this.send(
            res,
            409,
            status(
              409,
              `Operation cannot be fulfilled on ${kind} "${name ?? ''}": the object has been modified`,
              'Conflict',
            ),
          );
          return;
        }
        this.send(res, 200, this.modify(collection, obj));
        return;
      }
      case 'PATCH': {
        const current = objects.get(key);
        if (!current) {
          notFound();
          return;
        }
        const patched = structuredClone(current);
        for (const op of body as { op: string; path: string; value?: unknown }[]) {
          const segments = op.path.split('/').slice(1);
          const last = segments.pop() ?? '';
          let target = patched as Record<string, unknown>;
          for (const s of segments) {
            target[s] ??= {};
            target = target[s] as Record<string, unknown>;
          }
          if (op.op === 'remove') {
            Reflect.deleteProperty(target, last);
          } else {
            target[last] = op.value;
          }
        }
        this.send(res, 200, this.modify(collection, patched));
        return;
      }
      case 'DELETE': {
        if (!objects.has(key)) {
          notFound();
          return;
        }
        this.remove(collection, name ?? '', ns);
        this.send(res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success', metadata: {} });
        return;
      }
      default:
        this.send(res, 405, status(405, 'method not allowed'));
    }
  }

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = req.url ?? '/';
    this.requests.push({
      method: 'WATCH',
      path,
      authorization: req.headers.authorization,
      headers: req.headers,
    });
    const failure = this.takeFailure('WATCH', path);
    const parsed = parsePath(path);
    if (failure || !parsed) {
      const code = failure?.code ?? 404;
      socket.end(
        `HTTP/1.1 ${String(code)} Failed\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const watcher: Watcher = {
        socket: ws,
        collection: parsed.collection,
        ns: parsed.ns,
        name: fieldName(parsed.query.get('fieldSelector')),
        labels: parseLabelSelector(parsed.query.get('labelSelector')),
      };
      this.watchers.add(watcher);
      ws.on('close', () => this.watchers.delete(watcher));
      // Without a resourceVersion a watch starts with the current objects, as in Kubernetes.
      if (!parsed.query.get('resourceVersion')) {
        this.collection(parsed.collection).forEach((obj) => {
          if (
            (!watcher.ns || watcher.ns === obj.metadata.namespace) &&
            (!watcher.name || watcher.name === obj.metadata.name) &&
            labelsMatch(obj, watcher.labels)
          ) {
            ws.send(JSON.stringify({ type: 'ADDED', object: obj }));
          }
        });
      }
    });
  }
}

/** Resolves when `check` passes (polling), or rejects with its last error after `timeoutMs`. */
export const eventually = async (check: () => void, timeoutMs = 3000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};
