/**
 * Kubernetes' garbage collector, done at once: deleting an object deletes what it owns (ownerReferences),
 * and deleting a Namespace deletes what is in it, recursively.
 */
import type { SimObject } from './kube-types';
import { RESOURCES } from './resources';
import type { ObjectStore } from './store';

export const collectGarbage = (store: ObjectStore, deleted: SimObject): void => {
  const uid = deleted.metadata.uid;
  for (const resource of RESOURCES) {
    for (const object of store.list(resource)) {
      const owned = (object.metadata.ownerReferences ?? []).some((o) => o.uid === uid);
      const inNamespace =
        deleted.kind === 'Namespace' && object.metadata.namespace === deleted.metadata.name;
      if (owned || inNamespace) {
        store.remove(resource, object.metadata.namespace, object.metadata.name);
        collectGarbage(store, object);
      }
    }
  }
};
