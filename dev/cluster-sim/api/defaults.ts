/** What the API server (and the scheduler, for pods) fills in on objects before they are created. */
import type { NodeObject, PodObject, SimObject } from '../core/kube-types';
import { NAMESPACES, PODS } from '../core/resources';
import type { ResourceDef } from '../core/resources';
import { defaultPod } from '../node/pods';

export const applyCreateDefaults = (
  resource: ResourceDef,
  object: SimObject,
  nodes: () => NodeObject[],
  now: string,
): void => {
  // A status subresource means the status is the controllers' to write, not the creator's.
  if (resource.custom && resource.statusSubresource) Reflect.deleteProperty(object, 'status');
  if (resource === PODS) {
    if (object.spec === null || typeof object.spec !== 'object') object.spec = {};
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
