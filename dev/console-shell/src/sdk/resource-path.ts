import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';
import { referenceForModel } from './k8s-ref';

/** The URL segment console uses for a model: the reference for CRDs, the plural otherwise. */
const modelPathSegment = (model: K8sModel): string =>
  model.crd ? referenceForModel(model) : model.plural;

/**
 * Console's resourcePathFromModel: `/k8s/cluster/<segment>[/<name>]` for cluster-scoped models,
 * `/k8s/ns/<ns>/...` (or `/k8s/all-namespaces/...`) for namespaced ones.
 */
export const resourcePathFromModel = (
  model: K8sModel,
  name?: string,
  namespace?: string,
): string => {
  let url = '/k8s/';
  if (!model.namespaced) {
    url += 'cluster/';
  } else {
    url += namespace ? `ns/${namespace}/` : 'all-namespaces/';
  }
  url += modelPathSegment(model);
  if (name) {
    url += `/${encodeURIComponent(name)}`;
  }
  return url;
};
