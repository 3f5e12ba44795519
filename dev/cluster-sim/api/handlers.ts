/**
 * The REST verbs on resources, with the API server's semantics: create (generateName, namespace checks,
 * AlreadyExists), update with resourceVersion preconditions (Conflict), patch, delete (with owner
 * garbage collection), get, list (selectors, limit/continue), status subresources, dryRun=All, and the
 * two virtual resources (SelfSubjectAccessReview, ImageStreamImport).
 */
import { randomInt } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { NodeObject, PodObject, SimObject } from '../core/kube-types';
import {
  MACHINE_CONFIGS,
  NAMESPACES,
  NODES,
  SELF_SUBJECT_ACCESS_REVIEWS,
  apiVersionOf,
} from '../core/resources';
import type { ResourceDef, Verb } from '../core/resources';
import {
  SelectorError,
  matchesFields,
  matchesRequirements,
  parseFieldSelector,
  parseLabelSelector,
} from '../core/selectors';
import { collectGarbage } from '../core/garbage-collector';
import type { ObjectStore } from '../core/store';
import { timestamp } from '../core/store';
import type { Registry } from '../registry';
import { authorize } from './auth';
import type { User } from './auth';
import { applyCreateDefaults, applyStructDefaults } from './defaults';
import { applyPatchBody, mergePatch } from './patch';
import { hasSubresource } from './router';
import {
  ApiError,
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  methodNotAllowed,
  notFound,
} from './status';
import { checkPoolAdmission, nameCauses } from './validation';
import type { CrdSchemas } from './validation';
import { answerVirtualCreate, isVirtual } from './virtual-resources';
import type { WatchRequest } from './watch';

export interface ResourceRequest {
  method: string;
  resource: ResourceDef;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  user: User;
  contentType: string;
  body: unknown;
}

export type ApiResponse =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'text'; status: number; text: string }
  | { kind: 'watch'; request: WatchRequest };

export interface ResourceApiDeps {
  store: ObjectStore;
  clock: Clock;
  schemas: CrdSchemas | null;
  registry: () => Registry;
  podLog: (pod: PodObject) => string;
  /** The concurrent-edit fault: a merge patch another client applies before this MachineConfig's next write. */
  takeConcurrentEdit?: (machineConfig: string) => Record<string, unknown> | undefined;
}

const FIELD_SELECTORS: Record<string, string[]> = {
  pods: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase'],
  nodes: ['metadata.name', 'spec.unschedulable'],
  namespaces: ['metadata.name', 'status.phase'],
};

/** Characters apimachinery uses for generateName suffixes (no vowels, no look-alikes). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const shown = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export class ResourceApi {
  constructor(private readonly deps: ResourceApiDeps) {}

  handle(request: ResourceRequest): ApiResponse {
    const verb = this.verbOf(request);
    const { resource, namespace, name, subresource, user } = request;
    if (subresource !== undefined && !hasSubresource(resource, subresource)) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
    }
    if (!resource.verbs.includes(verb)) throw methodNotAllowed();
    authorize(user, verb, resource, { name, namespace, subresource });
    switch (verb) {
      case 'get':
        return this.get(request);
      case 'list':
        return { kind: 'json', status: 200, body: this.list(request) };
      case 'watch':
        return { kind: 'watch', request: this.watchRequest(request) };
      case 'create':
        return this.create(request);
      case 'update':
        return this.update(request, request.body);
      case 'patch':
        return this.patch(request);
      case 'delete':
        return this.delete(request);
    }
  }

  private verbOf({ method, name, query, subresource }: ResourceRequest): Verb {
    const watch = query.get('watch');
    switch (method) {
      case 'GET':
        if (subresource === undefined && (watch === 'true' || watch === '1')) return 'watch';
        return name === undefined ? 'list' : 'get';
      case 'POST':
        if (name !== undefined || subresource !== undefined) throw methodNotAllowed();
        return 'create';
      case 'PUT':
        if (name === undefined) throw methodNotAllowed();
        return 'update';
      case 'PATCH':
        if (name === undefined) throw methodNotAllowed();
        return 'patch';
      case 'DELETE':
        if (name === undefined) throw methodNotAllowed();
        return 'delete';
      default:
        throw methodNotAllowed();
    }
  }

  private dryRun(query: URLSearchParams): boolean {
    const values = query.getAll('dryRun');
    const unsupported = values.find((value) => value !== 'All');
    if (unsupported !== undefined) {
      throw badRequest(`dryRun: Unsupported value: "${unsupported}": supported values: "All"`);
    }
    return values.length > 0;
  }

  private current({ resource, namespace, name }: ResourceRequest): SimObject {
    const object = this.deps.store.get(resource, namespace, name ?? '');
    if (object === undefined) throw notFound(resource, name ?? '');
    return object;
  }

  private get(request: ResourceRequest): ApiResponse {
    const object = this.current(request);
    if (request.subresource === 'log') {
      const pod = object as PodObject;
      const phase = pod.status?.phase ?? 'Pending';
      if (phase === 'Pending') {
        const container = pod.spec.containers?.[0]?.name ?? '';
        throw badRequest(
          `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating`,
        );
      }
      return { kind: 'text', status: 200, text: this.deps.podLog(pod) };
    }
    return { kind: 'json', status: 200, body: object };
  }

  private selectors(request: ResourceRequest) {
    try {
      return {
        labels: parseLabelSelector(request.query.get('labelSelector') ?? ''),
        fields: parseFieldSelector(
          request.query.get('fieldSelector') ?? '',
          FIELD_SELECTORS[request.resource.plural] ?? ['metadata.name', 'metadata.namespace'],
        ),
      };
    } catch (error) {
      if (error instanceof SelectorError) throw badRequest(error.message);
      throw error;
    }
  }

  private list(request: ResourceRequest): Record<string, unknown> {
    const { resource, namespace, query } = request;
    const { labels, fields } = this.selectors(request);
    const all = this.deps.store
      .list(resource, namespace)
      .filter((o) => matchesRequirements(o.metadata.labels, labels) && matchesFields(o, fields));
    // Built-in lists carry kind and apiVersion once, on the list; custom resource lists on every item.
    const items = resource.custom
      ? all
      : all.map((o) =>
          Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'kind' && k !== 'apiVersion')),
        );
    const limit = Number(query.get('limit') ?? '0');
    const start = Number(Buffer.from(query.get('continue') ?? '', 'base64url').toString() || '0');
    const page = limit > 0 ? items.slice(start, start + limit) : items.slice(start);
    const remaining = items.length - start - page.length;
    return {
      kind: resource.listKind,
      apiVersion: apiVersionOf(resource),
      metadata: {
        resourceVersion: String(this.deps.store.resourceVersion),
        ...(remaining > 0
          ? {
              continue: Buffer.from(String(start + page.length)).toString('base64url'),
              remainingItemCount: remaining,
            }
          : {}),
      },
      items: page,
    };
  }

  private watchRequest(request: ResourceRequest): WatchRequest {
    const { query } = request;
    const { labels, fields } = this.selectors(request);
    // GET <resource>/<name>?watch=true watches that one object.
    if (request.name !== undefined)
      fields.push({ field: 'metadata.name', operator: '=', value: request.name });
    const rv = query.get('resourceVersion') ?? '';
    const resourceVersion = rv === '' ? undefined : Number(rv);
    if (resourceVersion !== undefined && !Number.isSafeInteger(resourceVersion)) {
      throw badRequest(`invalid resource version: ${rv}`);
    }
    const timeout = query.get('timeoutSeconds');
    return {
      resource: request.resource,
      namespace: request.namespace,
      labels,
      fields,
      resourceVersion,
      sendInitialEvents: query.get('sendInitialEvents') === 'true',
      allowBookmarks: query.get('allowWatchBookmarks') === 'true',
      timeoutSeconds: timeout === null ? undefined : Number(timeout),
    };
  }

  /** Checks the body of a create or update and gives it its name and namespace. */
  private incoming(request: ResourceRequest, body: unknown): SimObject {
    const { resource, namespace } = request;
    if (!isObject(body)) throw badRequest('the body of the request must be a JSON object');
    const expected = apiVersionOf(resource);
    if (body.apiVersion !== undefined && body.apiVersion !== expected) {
      throw badRequest(
        `the API version in the data (${shown(body.apiVersion)}) does not match the expected API version (${expected})`,
      );
    }
    if (body.kind !== undefined && body.kind !== resource.kind) {
      throw badRequest(
        `the kind in the data (${shown(body.kind)}) does not match the expected kind (${resource.kind})`,
      );
    }
    const object = structuredClone(body) as SimObject;
    const metadata = isObject(object.metadata) ? object.metadata : { name: '' };
    object.metadata = metadata;
    if (resource.namespaced) {
      if (
        metadata.namespace !== undefined &&
        metadata.namespace !== '' &&
        metadata.namespace !== namespace
      ) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      object.metadata.namespace = namespace;
    } else {
      Reflect.deleteProperty(object.metadata, 'namespace');
    }
    return object;
  }

  /** Name, schema and admission checks shared by create and update; throws 422. */
  private validate(resource: ResourceDef, object: SimObject): void {
    const causes = [
      ...nameCauses(resource, object.metadata.name),
      ...(this.deps.schemas?.validate(resource, object) ?? []),
    ];
    if (causes.length > 0) throw invalid(resource, object.metadata.name, causes);
    checkPoolAdmission(resource, object);
  }

  private create(request: ResourceRequest): ApiResponse {
    const { resource, namespace, query } = request;
    const dryRun = this.dryRun(query);
    const object = this.incoming(request, request.body);
    const now = timestamp(this.deps.clock.now());
    const { registry, store } = this.deps;
    // An access review names nothing and lives nowhere: it is answered at once.
    if (resource === SELF_SUBJECT_ACCESS_REVIEWS) {
      return {
        kind: 'json',
        status: 201,
        body: answerVirtualCreate(resource, object, request.user, registry(), now),
      };
    }
    const { generateName } = object.metadata;
    if (!object.metadata.name && generateName) {
      const suffix = Array.from(
        { length: 5 },
        () => NAME_ALPHABET[randomInt(NAME_ALPHABET.length)],
      );
      object.metadata.name = `${generateName}${suffix.join('')}`;
    }
    if (!object.metadata.name) {
      throw invalid(resource, '', [
        {
          reason: 'FieldValueRequired',
          field: 'metadata.name',
          message: 'Required value: name or generateName is required',
        },
      ]);
    }
    if (resource.namespaced && store.get(NAMESPACES, undefined, namespace ?? '') === undefined) {
      throw notFound(NAMESPACES, namespace ?? '');
    }
    if (isVirtual(resource)) {
      this.validate(resource, object);
      return {
        kind: 'json',
        status: 201,
        body: answerVirtualCreate(resource, object, request.user, registry(), now),
      };
    }
    applyCreateDefaults(resource, object, () => store.list(NODES) as NodeObject[], now);
    this.validate(resource, object);
    if (store.get(resource, namespace, object.metadata.name) !== undefined) {
      throw alreadyExists(resource, object.metadata.name);
    }
    const created = dryRun ? store.prepareCreate(resource, object) : store.create(resource, object);
    return { kind: 'json', status: 201, body: created };
  }

  /** PUT, or the result of a patch: preconditions, status subresource rules, validation, write. */
  private update(request: ResourceRequest, body: unknown): ApiResponse {
    const { resource, name, subresource, query } = request;
    const dryRun = this.dryRun(query);
    this.concurrentEdit(request);
    const current = this.current(request);
    const incoming = this.incoming(request, body);
    if (incoming.metadata.name !== name) {
      throw badRequest(
        `the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name ?? ''})`,
      );
    }
    const precondition = incoming.metadata.resourceVersion;
    if (
      precondition !== undefined &&
      precondition !== '' &&
      precondition !== current.metadata.resourceVersion
    ) {
      throw conflict(resource, current.metadata.name);
    }
    let next: SimObject;
    if (subresource === 'status') {
      // Writes to /status change the status only.
      next = { ...structuredClone(current), status: incoming.status };
    } else {
      next = incoming;
      if (resource.statusSubresource) next.status = structuredClone(current.status);
    }
    next.metadata.namespace = current.metadata.namespace;
    applyStructDefaults(resource, next);
    this.validate(resource, next);
    const stored = dryRun
      ? this.deps.store.prepareReplace(resource, current, next)
      : this.deps.store.replace(resource, next);
    return { kind: 'json', status: 200, body: stored };
  }

  /** The concurrent-edit fault: someone else's change lands first, with a new resourceVersion. */
  private concurrentEdit(request: ResourceRequest): void {
    if (request.resource !== MACHINE_CONFIGS || request.subresource !== undefined) return;
    const patch = this.deps.takeConcurrentEdit?.(request.name ?? '');
    if (patch === undefined) return;
    const current = this.current(request);
    const edited = mergePatch(structuredClone(current), patch) as SimObject;
    edited.metadata.name = current.metadata.name;
    this.validate(request.resource, edited);
    this.deps.store.replace(request.resource, edited);
  }

  private patch(request: ResourceRequest): ApiResponse {
    const current = this.current(request);
    const patched = applyPatchBody(current, request.contentType, request.body);
    if (isObject(patched) && isObject(patched.metadata)) {
      // The name cannot change through a patch.
      patched.metadata.name = current.metadata.name;
    }
    return this.update(request, patched);
  }

  private delete(request: ResourceRequest): ApiResponse {
    const { resource, namespace, name, query, body } = request;
    const dryRun = this.dryRun(query);
    const current = this.current(request);
    const preconditions = isObject(body) && isObject(body.preconditions) ? body.preconditions : {};
    if (
      (preconditions.resourceVersion !== undefined &&
        preconditions.resourceVersion !== current.metadata.resourceVersion) ||
      (preconditions.uid !== undefined && preconditions.uid !== current.metadata.uid)
    ) {
      throw conflict(resource, current.metadata.name);
    }
    if (!dryRun) {
      this.deps.store.remove(resource, namespace, name ?? '');
      collectGarbage(this.deps.store, current);
    }
    if (resource.custom) {
      return {
        kind: 'json',
        status: 200,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: {
            name: current.metadata.name,
            group: resource.group,
            kind: resource.plural,
            uid: current.metadata.uid,
          },
        },
      };
    }
    return { kind: 'json', status: 200, body: current };
  }
}
