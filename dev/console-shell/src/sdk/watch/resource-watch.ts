import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { getSDKConfig } from '../config';
import { k8sGet, listResource } from '../k8s-resource';
import type { WatchRequest } from './query';
import { listQueryParams, matchesQuery, qualifiedName, watchURL } from './query';

/** What hooks read: console's `[data, loaded, loadError]` plus the shell's `reconnecting`. */
export interface WatchState {
  /** `[]` for lists and `{}` for single objects until loaded, as in console. */
  data: K8sResourceCommon[] | K8sResourceCommon;
  loaded: boolean;
  /** Console keeps `''` here while there is no error. */
  loadError: unknown;
  /** The WebSocket dropped; data is kept while the watch re-lists and reconnects. */
  reconnecting: boolean;
}

export interface WatchTimings {
  /** First retry delay after a failure or a dropped watch; doubles up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** How long a dropped watch may fail to re-list before the error is shown (console: ~75 s). */
  reconnectGraceMs: number;
  /** Page size of list requests (console's pagination limit). */
  pageSize: number;
  /**
   * Watch events are applied together, at most this long after the first one arrives (console's
   * k8sWatch: `bufferFlushInterval: 500`, `bufferMax: 1000`); 0 applies each event at once.
   */
  bufferFlushMs: number;
}

/** Console's bufferMax: a full buffer is applied at once. */
const BUFFER_MAX = 1000;

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: K8sResourceCommon;
}

const PARTIAL_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';
const PARTIAL_ACCEPT =
  'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io,application/json';

/** Same object, newer revision? (A different uid means the object was replaced: take it.) */
const isNewer = (next: K8sResourceCommon, current: K8sResourceCommon): boolean => {
  if (next.metadata?.uid !== current.metadata?.uid) {
    return true;
  }
  const nextRV = Number(next.metadata?.resourceVersion);
  const currentRV = Number(current.metadata?.resourceVersion);
  return Number.isNaN(nextRV) || Number.isNaN(currentRV) ? true : nextRV > currentRV;
};

/**
 * One list-then-watch loop for one resource descriptor: list (or get), open a WebSocket watch
 * from the returned resourceVersion, apply events, and on a drop re-list and re-watch with
 * exponential backoff while keeping the data, as console's k8s actions do.
 */
export class ResourceWatch {
  state: WatchState;
  private items = new Map<string, K8sResourceCommon>();
  private socket: WebSocket | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private buffer: WatchEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private backoffMs: number;
  /** When the current outage began (undefined while connected or before the first load). */
  private droppedAt: number | undefined;

  constructor(
    private readonly request: WatchRequest,
    private readonly timings: WatchTimings,
    private readonly notify: (previous: WatchState) => void,
  ) {
    this.state = {
      data: request.isList ? [] : {},
      loaded: false,
      loadError: '',
      reconnecting: false,
    };
    this.backoffMs = timings.initialBackoffMs;
  }

  start(): void {
    void this.load();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.flushTimer);
    this.buffer = [];
    this.closeSocket();
  }

  private update(patch: Partial<WatchState>): void {
    if (this.stopped) {
      return;
    }
    const previous = this.state;
    this.state = { ...previous, ...patch };
    this.notify(previous);
  }

  private async load(): Promise<void> {
    try {
      const resourceVersion = this.request.isList ? await this.loadList() : await this.loadObject();
      if (!this.stopped) {
        this.openSocket(resourceVersion);
      }
    } catch (error) {
      if (!this.stopped) {
        this.onLoadError(error);
      }
    }
  }

  private async loadList(): Promise<string | undefined> {
    const { model, query, partialMetadata } = this.request;
    const fresh = new Map<string, K8sResourceCommon>();
    // Console's first load says "loaded" with the first page and adds each next page as it comes; a
    // re-list keeps the data it had until the whole list is in.
    const incremental = !this.state.loaded;
    let continueToken: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const response = await listResource(
        model,
        {
          limit: query.limit ?? this.timings.pageSize,
          ns: query.ns,
          ...listQueryParams(query),
          ...(continueToken ? { continue: continueToken } : {}),
        },
        partialMetadata ? { headers: { Accept: PARTIAL_LIST_ACCEPT } } : {},
      );
      if (this.stopped) {
        return undefined;
      }
      response.items
        .filter((item) => matchesQuery(item, query))
        .forEach((item) => fresh.set(qualifiedName(item), item));
      // An explicit limit means "only the first page", as in console.
      continueToken = query.limit ? undefined : response.metadata?.continue;
      resourceVersion = response.metadata?.resourceVersion;
      if (incremental && continueToken) {
        this.items = new Map(fresh);
        this.update({ data: [...fresh.values()], loaded: true, loadError: '' });
      }
    } while (continueToken);
    this.items = fresh;
    this.update({ data: [...fresh.values()], loaded: true, loadError: '' });
    return resourceVersion;
  }

  private async loadObject(): Promise<string | undefined> {
    const obj = await this.getObject();
    if (!this.stopped) {
      this.update({ data: obj, loaded: true, loadError: '' });
    }
    return obj.metadata?.resourceVersion;
  }

  private getObject(): Promise<K8sResourceCommon> {
    const { model, query, partialMetadata } = this.request;
    return k8sGet({
      model,
      name: query.name,
      ns: query.ns,
      requestInit: partialMetadata ? { headers: { Accept: PARTIAL_ACCEPT } } : undefined,
    });
  }

  private onLoadError(error: unknown): void {
    // The first load shows its error at once. A dropped watch that cannot re-list keeps its data
    // and shows the error only after the grace period, as console does.
    const outageMs = this.droppedAt === undefined ? Infinity : Date.now() - this.droppedAt;
    if (!this.state.loaded || outageMs >= this.timings.reconnectGraceMs) {
      this.update({ loadError: error });
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.timings.maxBackoffMs);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.load();
    }, delay);
  }

  private openSocket(resourceVersion: string | undefined): void {
    const socket = getSDKConfig().createWebSocket(watchURL(this.request, resourceVersion));
    this.socket = socket;
    // Handlers ignore a socket that has been replaced or closed on purpose.
    socket.onopen = () => {
      if (this.socket === socket) {
        this.backoffMs = this.timings.initialBackoffMs;
        this.droppedAt = undefined;
        if (this.state.reconnecting) {
          this.update({ reconnecting: false });
        }
      }
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket === socket) {
        let watchEvent: WatchEvent;
        try {
          watchEvent = JSON.parse(String(event.data)) as WatchEvent;
        } catch {
          return; // not an event frame
        }
        this.receive(watchEvent);
      }
    };
    // An error is always followed by close, which does the work.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = undefined;
        // What arrived before the drop is still true.
        this.flush();
        this.onDrop();
      }
    };
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
  }

  private onDrop(): void {
    if (this.stopped) {
      return;
    }
    this.droppedAt ??= Date.now();
    if (!this.state.reconnecting) {
      this.update({ reconnecting: true });
    }
    this.scheduleRetry();
  }

  /** Buffers an event, as console's watch socket does; an ERROR applies what came before, then acts. */
  private receive(event: WatchEvent): void {
    if (event.type === 'ERROR') {
      this.flush();
      // Typically 410 Gone (resourceVersion too old): start over with a fresh list.
      this.closeSocket();
      this.onDrop();
      return;
    }
    this.buffer.push(event);
    if (this.timings.bufferFlushMs <= 0 || this.buffer.length >= BUFFER_MAX) {
      this.flush();
    } else {
      this.flushTimer ??= setTimeout(() => {
        this.flush();
      }, this.timings.bufferFlushMs);
    }
  }

  /** Applies the buffered events; a list changes (and its users hear of it) once for all of them. */
  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const events = this.buffer;
    this.buffer = [];
    if (this.stopped || events.length === 0) {
      return;
    }
    if (!this.request.isList) {
      events.forEach(({ type, object }) => {
        if (type === 'DELETED') this.remove(object);
        else if (type !== 'BOOKMARK') this.upsert(object);
      });
      return;
    }
    let changed = false;
    for (const { type, object } of events) {
      if (type === 'ADDED' || type === 'MODIFIED') changed = this.setItem(object) || changed;
      else if (type === 'DELETED') changed = this.items.delete(qualifiedName(object)) || changed;
    }
    if (changed) {
      this.update({ data: [...this.items.values()] });
    }
  }

  /** Stores a list item unless it is older than the one held; true if the list changed. */
  private setItem(obj: K8sResourceCommon): boolean {
    if (!matchesQuery(obj, this.request.query)) {
      return false;
    }
    const key = qualifiedName(obj);
    const current = this.items.get(key);
    if (current && !isNewer(obj, current)) {
      return false;
    }
    this.items.set(key, obj);
    return true;
  }

  private upsert(obj: K8sResourceCommon): void {
    const { isList, query } = this.request;
    if (!matchesQuery(obj, query)) {
      return;
    }
    if (!isList) {
      const current = this.state.data as K8sResourceCommon;
      if (!current.metadata || isNewer(obj, current) || this.state.loadError) {
        this.update({ data: obj, loaded: true, loadError: '' });
      }
      return;
    }
    if (this.setItem(obj)) {
      this.update({ data: [...this.items.values()] });
    }
  }

  private remove(obj: K8sResourceCommon): void {
    if (!this.request.isList) {
      // Console's object watch learns of a deletion from its next GET: report that 404 now.
      this.getObject().then(
        (current) => {
          this.upsert(current);
        },
        (error: unknown) => {
          if (!this.stopped) {
            this.update({ loadError: error });
          }
        },
      );
      return;
    }
    if (this.items.delete(qualifiedName(obj))) {
      this.update({ data: [...this.items.values()] });
    }
  }
}
