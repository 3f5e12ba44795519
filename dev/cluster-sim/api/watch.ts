/**
 * Watches, as the API server runs them: initial ADDED events or a replay from a resourceVersion (410
 * Gone as an ERROR event when it is too old), label and field selectors that turn MODIFIED into ADDED or
 * DELETED when an object enters or leaves the selection, bookmarks, and timeouts. Transports (WebSocket
 * frames, HTTP chunked lines) plug in as sinks.
 */
import type { Clock, TimerId } from '../core/clock';
import type { SimObject } from '../core/kube-types';
import { apiVersionOf } from '../core/resources';
import type { ResourceDef } from '../core/resources';
import { matchesFields, matchesRequirements } from '../core/selectors';
import type { FieldRequirement, LabelRequirement } from '../core/selectors';
import type { ObjectStore, StoreEvent } from '../core/store';
import { statusBody } from './status';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** Where a watch's events go: one JSON event per call. */
export interface WatchSink {
  send(json: string): void;
  /** Ends the watch cleanly (the server's timeout). */
  close(): void;
  /** Cuts the connection, as a network failure would. */
  drop(): void;
  /** Calls back when the connection closes, at once if it already has. */
  onClose(callback: () => void): void;
}

export interface WatchRequest {
  resource: ResourceDef;
  namespace?: string;
  labels: LabelRequirement[];
  fields: FieldRequirement[];
  /** Undefined, '' or '0': start with ADDED events for the current state. */
  resourceVersion?: number;
  sendInitialEvents: boolean;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
}

interface Watcher {
  request: WatchRequest;
  sink: WatchSink;
  timeout?: TimerId;
}

export interface WatchHubOptions {
  /** How often watchers that allow bookmarks get one, in ms of the injected clock. */
  bookmarkIntervalMs?: number;
}

const eventJson = (type: WatchEventType, objectJson: string): string =>
  `{"type":"${type}","object":${objectJson}}`;

export class WatchHub {
  private readonly watchers = new Set<Watcher>();
  private readonly unsubscribe: () => void;
  private readonly bookmarkIntervalMs: number;
  private bookmarkTimer?: TimerId;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: Clock,
    options: WatchHubOptions = {},
  ) {
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 30_000;
    this.unsubscribe = store.onChange((event) => {
      this.broadcast(event);
    });
  }

  get count(): number {
    return this.watchers.size;
  }

  /** Open watches per resource (`<group>/<plural>`, core resources by plural alone). */
  countByResource(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { request } of this.watchers) {
      const { group, plural } = request.resource;
      const key = group === '' ? plural : `${group}/${plural}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  open(request: WatchRequest, sink: WatchSink): void {
    const watcher: Watcher = { request, sink };
    const { resourceVersion } = request;
    const fromState = resourceVersion === undefined || resourceVersion === 0;
    if (!fromState) {
      const changes = this.store.changesSince(resourceVersion);
      if (changes === 'expired') {
        const status = statusBody(
          410,
          'Expired',
          `too old resource version: ${String(resourceVersion)} (${String(this.store.oldestResourceVersion)})`,
        );
        sink.send(eventJson('ERROR', JSON.stringify(status)));
        sink.close();
        return;
      }
      // With sendInitialEvents the current state stands for everything up to now; otherwise replay.
      if (request.sendInitialEvents) this.sendState(watcher);
      else for (const change of changes) this.deliver(watcher, change);
    } else {
      this.sendState(watcher);
    }
    this.watchers.add(watcher);
    sink.onClose(() => {
      this.forget(watcher);
    });
    if (request.timeoutSeconds !== undefined && request.timeoutSeconds > 0) {
      watcher.timeout = this.clock.setTimeout(() => {
        this.forget(watcher);
        sink.close();
      }, request.timeoutSeconds * 1000);
    }
    if (request.allowBookmarks) this.armBookmarks();
  }

  /** Cuts every open watch now (fault injection): clients see a dropped connection and must resume. */
  dropAll(): number {
    const dropped = [...this.watchers];
    for (const watcher of dropped) {
      this.forget(watcher);
      watcher.sink.drop();
    }
    return dropped.length;
  }

  /**
   * Ends every open watch with an ERROR event carrying a 410 Expired Status, as the API server does when
   * etcd has compacted past what a watcher still needed: the client must list again.
   */
  expireAll(): number {
    const expired = [...this.watchers];
    for (const watcher of expired) {
      this.forget(watcher);
      const status = statusBody(
        410,
        'Expired',
        `too old resource version: ${String(watcher.request.resourceVersion ?? 0)} (${String(this.store.resourceVersion)})`,
      );
      watcher.sink.send(eventJson('ERROR', JSON.stringify(status)));
      watcher.sink.close();
    }
    return expired.length;
  }

  /** Ends every watch and stops listening to the store (server shutdown). */
  close(): void {
    for (const watcher of [...this.watchers]) {
      this.forget(watcher);
      watcher.sink.close();
    }
    this.unsubscribe();
    if (this.bookmarkTimer !== undefined) this.clock.clearTimeout(this.bookmarkTimer);
    this.bookmarkTimer = undefined;
  }

  private forget(watcher: Watcher): void {
    this.watchers.delete(watcher);
    if (watcher.timeout !== undefined) this.clock.clearTimeout(watcher.timeout);
    watcher.timeout = undefined;
  }

  private matches(request: WatchRequest, object: SimObject): boolean {
    return (
      (request.namespace === undefined || object.metadata.namespace === request.namespace) &&
      matchesRequirements(object.metadata.labels, request.labels) &&
      matchesFields(object, request.fields)
    );
  }

  private sendState(watcher: Watcher): void {
    const { request, sink } = watcher;
    for (const object of this.store.list(request.resource, request.namespace)) {
      if (this.matches(request, object)) sink.send(eventJson('ADDED', JSON.stringify(object)));
    }
    if (request.sendInitialEvents && request.allowBookmarks) {
      sink.send(
        eventJson(
          'BOOKMARK',
          JSON.stringify(
            this.bookmarkObject(request.resource, { 'k8s.io/initial-events-end': 'true' }),
          ),
        ),
      );
    }
  }

  /** The event a watcher sees for a change, given its selectors; undefined when it sees none. */
  private eventTypeFor(watcher: Watcher, event: StoreEvent): WatchEventType | undefined {
    const { request } = watcher;
    if (event.resource !== request.resource) return undefined;
    const now = this.matches(request, event.object);
    const before = event.previous !== undefined && this.matches(request, event.previous);
    switch (event.type) {
      case 'ADDED':
        return now ? 'ADDED' : undefined;
      case 'DELETED':
        return before ? 'DELETED' : undefined;
      case 'MODIFIED':
        if (now && before) return 'MODIFIED';
        if (now) return 'ADDED';
        return before ? 'DELETED' : undefined;
    }
  }

  private deliver(watcher: Watcher, event: StoreEvent, cache?: { json?: string }): void {
    const type = this.eventTypeFor(watcher, event);
    if (type === undefined) return;
    // Serialise each changed object once, however many watchers receive it.
    const json = cache?.json ?? JSON.stringify(event.object);
    if (cache) cache.json = json;
    watcher.sink.send(eventJson(type, json));
  }

  private broadcast(event: StoreEvent): void {
    const cache: { json?: string } = {};
    for (const watcher of this.watchers) this.deliver(watcher, event, cache);
  }

  private bookmarkObject(resource: ResourceDef, annotations?: Record<string, string>): object {
    return {
      kind: resource.kind,
      apiVersion: apiVersionOf(resource),
      metadata: {
        resourceVersion: String(this.store.resourceVersion),
        ...(annotations === undefined ? {} : { annotations }),
      },
    };
  }

  private armBookmarks(): void {
    if (this.bookmarkTimer !== undefined) return;
    this.bookmarkTimer = this.clock.setTimeout(() => {
      this.bookmarkTimer = undefined;
      const wanting = [...this.watchers].filter((w) => w.request.allowBookmarks);
      for (const watcher of wanting) {
        watcher.sink.send(
          eventJson('BOOKMARK', JSON.stringify(this.bookmarkObject(watcher.request.resource))),
        );
      }
      if (wanting.length > 0) this.armBookmarks();
    }, this.bookmarkIntervalMs);
  }
}
