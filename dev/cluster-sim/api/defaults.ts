/** What the API server (and the scheduler, for pods) fills in on objects before they are created. */
import type { NodeObject, PodObject, SimObject } from '../core/kube-types';
import { NAMESPACES, NODES, PODS } from '../core/resources';
import type { ResourceDef } from '../core/resources';
import { defaultPod } from '../node/pods';

/**
 * Node and pod specs and statuses are Go structs, not pointers: the API server stores `{}` when a
 * client leaves one out, on create and on every update, so the controllers can always read them.
 */
export const applyStructDefaults = (resource: ResourceDef, object: SimObject): void => {
  if (resource !== NODES && resource !== PODS) return;
  if (!isPlainObject(object.spec)) object.spec = {};
  if (!isPlainObject(object.status)) object.status = {};
};

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const applyCreateDefaults = (
  resource: ResourceDef,
  object: SimObject,
  nodes: () => NodeObject[],
  now: string,
): void => {
  // A status subresource means the status is the controllers' to write, not the creator's.
  if (resource.custom && resource.statusSubresource) Reflect.deleteProperty(object, 'status');
  applyStructDefaults(resource, object);
  if (resource === PODS) {
    defaultPod(object as PodObject, nodes(), now);
  }
  if (resource === NAMESPACES) {
    object.spec = { finalizers: ['kubernetes'] };
    object.status = { phase: 'Active' };
    object.metadata.labels = {
      ...object.metadata.labels,
      'kubernetes.io/metadata.name': object.metadata.name,
    };
  }
};
