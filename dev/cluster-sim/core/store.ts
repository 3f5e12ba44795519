/**
 * The object store behind the API: one etcd-like keyspace with a single monotonic resourceVersion, a
 * bounded history of changes for watches that resume from a resourceVersion, and synchronous change
 * listeners for the watch hub and the simulated controllers.
 *
 * Objects handed out are the store's own: treat them as read-only. Change them with replace() or
 * mutate(), which copy before writing.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from './clock';
import type { SimObject } from './kube-types';
import { apiVersionOf, resourceKey } from './resources';
import type { ResourceDef } from './resources';

type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: ChangeType;
  resource: ResourceDef;
  /** The object after the change (for DELETED, as it was when deleted). */
  object: SimObject;
  /** The object before the change, for MODIFIED and DELETED. */
  previous?: SimObject;
  resourceVersion: number;
}

export type StoreListener = (event: StoreEvent) => void;

export interface StoreOptions {
  /** How many changes are kept for watches that resume from an older resourceVersion. */
  historyLimit?: number;
}

/** Kubernetes timestamps have second precision. */
export const timestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

const objectKey = (namespace: string | undefined, name: string): string =>
  `${namespace ?? ''}/${name}`;

/** Everything but metadata and status: what metadata.generation counts changes of. */
const specPart = (object: SimObject): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(object).filter(([key]) => key !== 'metadata' && key !== 'status'),
  );

export class ObjectStore {
  private readonly collections = new Map<string, Map<string, SimObject>>();
  /** Each collection's keys in etcd order, kept until a key is added or removed. */
  private readonly sortedKeys = new Map<string, string[]>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<StoreListener>();
  private readonly historyLimit: number;
  private revision = 0;
  /** Every change after this resourceVersion is still in `history`. */
  private historyStart = 0;

  constructor(
    private readonly clock: Clock,
    options: StoreOptions = {},
  ) {
    this.historyLimit = options.historyLimit ?? 20_000;
  }

  /** The newest resourceVersion, as a list reports it. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch can still resume from. */
  get oldestResourceVersion(): number {
    return this.historyStart;
  }

  onChange(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(resource: ResourceDef, namespace: string | undefined, name: string): SimObject | undefined {
    return this.collection(resource).get(objectKey(namespace, name));
  }

  /** Objects of a resource, optionally in one namespace, sorted by namespace then name (etcd key order). */
  list(resource: ResourceDef, namespace?: string): SimObject[] {
    const collection = this.collection(resource);
    const key = resourceKey(resource);
    let keys = this.sortedKeys.get(key);
    if (keys === undefined) {
      keys = [...collection.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sortedKeys.set(key, keys);
    }
    const items: SimObject[] = [];
    for (const k of keys) {
      const object = collection.get(k);
      if (
        object !== undefined &&
        (namespace === undefined || object.metadata.namespace === namespace)
      ) {
        items.push(object);
      }
    }
    return items;
  }

  count(resource: ResourceDef): number {
    return this.collection(resource).size;
  }

  /**
   * What create() would store, without storing it: uid, creationTimestamp, generation and kind filled
   * in. Used for dry runs and by create().
   */
  prepareCreate(resource: ResourceDef, object: SimObject): SimObject {
    const created = structuredClone(object);
    created.apiVersion = apiVersionOf(resource);
    created.kind = resource.kind;
    created.metadata.uid = randomUUID();
    created.metadata.creationTimestamp = timestamp(this.clock.now());
    if (resource.tracksGeneration) created.metadata.generation = 1;
    else Reflect.deleteProperty(created.metadata, 'generation');
    Reflect.deleteProperty(created.metadata, 'resourceVersion');
    return created;
  }

  /** Stores a new object. The caller has checked that the name is free. */
  create<T extends SimObject>(resource: ResourceDef, object: T): T {
    const created = this.prepareCreate(resource, object) as T;
    this.write(resource, 'ADDED', created, undefined);
    return created;
  }

  /**
   * What replace() would store: metadata the client may not change (uid, creationTimestamp) kept,
   * generation bumped when anything but metadata and status changed.
   */
  prepareReplace(resource: ResourceDef, current: SimObject, next: SimObject): SimObject {
    return this.adopt(resource, current, structuredClone(next));
  }

  /** prepareReplace on an object the store may keep as it is (a copy nobody else holds). */
  private adopt(resource: ResourceDef, current: SimObject, replaced: SimObject): SimObject {
    replaced.apiVersion = apiVersionOf(resource);
    replaced.kind = resource.kind;
    replaced.metadata.uid = current.metadata.uid;
    replaced.metadata.creationTimestamp = current.metadata.creationTimestamp;
    replaced.metadata.resourceVersion = current.metadata.resourceVersion;
    if (resource.tracksGeneration) {
      const generation = current.metadata.generation ?? 1;
      replaced.metadata.generation = isDeepStrictEqual(specPart(current), specPart(replaced))
        ? generation
        : generation + 1;
    } else {
      Reflect.deleteProperty(replaced.metadata, 'generation');
    }
    return replaced;
  }

  /** Replaces a stored object; a no-op (same content) keeps the old resourceVersion and sends no event. */
  replace<T extends SimObject>(resource: ResourceDef, next: T): T {
    return this.replaceWith(resource, structuredClone(next));
  }

  private replaceWith<T extends SimObject>(resource: ResourceDef, owned: T): T {
    const current = this.get(resource, owned.metadata.namespace, owned.metadata.name);
    if (current === undefined) {
      throw new Error(`${resource.plural} ${owned.metadata.name} does not exist`);
    }
    const replaced = this.adopt(resource, current, owned) as T;
    if (isDeepStrictEqual(current, replaced)) return current as T;
    this.write(resource, 'MODIFIED', replaced, current);
    return replaced;
  }

  /**
   * Changes a stored object through a copy: `change` edits the copy in place. Returns the stored object,
   * or undefined when there is no such object. Writes nothing when the copy ends up unchanged.
   */
  mutate<T extends SimObject>(
    resource: ResourceDef,
    namespace: string | undefined,
    name: string,
    change: (draft: T) => void,
  ): T | undefined {
    const current = this.get(resource, namespace, name) as T | undefined;
    if (current === undefined) return undefined;
    const draft = structuredClone(current);
    change(draft);
    // The draft is this call's own copy: store it without copying again.
    return this.replaceWith(resource, draft);
  }

  /** Removes an object and returns it as it was. */
  remove(
    resource: ResourceDef,
    namespace: string | undefined,
    name: string,
  ): SimObject | undefined {
    const current = this.get(resource, namespace, name);
    if (current === undefined) return undefined;
    this.collection(resource).delete(objectKey(namespace, name));
    this.sortedKeys.delete(resourceKey(resource));
    this.revision++;
    const deleted = structuredClone(current);
    deleted.metadata.resourceVersion = String(this.revision);
    this.record({
      type: 'DELETED',
      resource,
      object: deleted,
      previous: current,
      resourceVersion: this.revision,
    });
    return deleted;
  }

  /**
   * Loads objects as a fresh cluster would have them, without history or events: used to build a
   * scenario quickly. Keeps a uid, creationTimestamp and generation the objects already have.
   */
  load(resource: ResourceDef, objects: SimObject[]): void {
    const collection = this.collection(resource);
    for (const object of objects) {
      const stored = this.prepareCreate(resource, object);
      const { uid, creationTimestamp, generation } = object.metadata;
      if (uid !== undefined) stored.metadata.uid = uid;
      if (creationTimestamp !== undefined) stored.metadata.creationTimestamp = creationTimestamp;
      if (generation !== undefined && resource.tracksGeneration)
        stored.metadata.generation = generation;
      stored.metadata.resourceVersion = String(++this.revision);
      collection.set(objectKey(stored.metadata.namespace, stored.metadata.name), stored);
    }
    this.sortedKeys.delete(resourceKey(resource));
    this.truncateHistory();
  }

  /** Starts the history afresh at the current resourceVersion: older watch positions become too old. */
  truncateHistory(): void {
    this.history.length = 0;
    this.historyStart = this.revision;
  }

  /** Drops every object and the history, keeping the resourceVersion counter monotonic. */
  clear(): void {
    this.collections.clear();
    this.sortedKeys.clear();
    this.truncateHistory();
  }

  /**
   * Changes after `resourceVersion`, oldest first, or 'expired' when some of them are no longer kept
   * (the watch must then relist, as with a real API server's 410 Gone).
   */
  changesSince(resourceVersion: number): StoreEvent[] | 'expired' {
    if (resourceVersion < this.historyStart) return 'expired';
    // History is sorted by resourceVersion; find the first newer change by binary search.
    let low = 0;
    let high = this.history.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.history[middle].resourceVersion <= resourceVersion) low = middle + 1;
      else high = middle;
    }
    return this.history.slice(low);
  }

  private write(
    resource: ResourceDef,
    type: 'ADDED' | 'MODIFIED',
    object: SimObject,
    previous: SimObject | undefined,
  ): void {
    this.revision++;
    object.metadata.resourceVersion = String(this.revision);
    if (type === 'ADDED') this.sortedKeys.delete(resourceKey(resource));
    this.collection(resource).set(
      objectKey(object.metadata.namespace, object.metadata.name),
      object,
    );
    this.record({ type, resource, object, previous, resourceVersion: this.revision });
  }

  private record(event: StoreEvent): void {
    this.history.push(event);
    // Trim in batches, so that a full history does not cost a shift of every entry on each write.
    if (this.history.length > this.historyLimit * 1.25) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.historyStart = dropped[dropped.length - 1].resourceVersion;
    }
    for (const listener of this.listeners) listener(event);
  }

  private collection(resource: ResourceDef): Map<string, SimObject> {
    const key = resourceKey(resource);
    let collection = this.collections.get(key);
    if (collection === undefined) {
      collection = new Map();
      this.collections.set(key, collection);
    }
    return collection;
  }
}
