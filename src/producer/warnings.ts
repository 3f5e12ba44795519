/**
 * Day 1 options that are valid but will not work as the admin expects. The pull unit runs before the
 * node's kubelet, so before the node has the cluster's network or DNS for services: an image served by
 * the cluster's own registry cannot be pulled then, and the node boots without the module.
 */
import { parseImageReference } from './image-reference';
import type { Day1Options } from './options';

/** The internal registry's service names, as `<service>.<namespace>.svc[.cluster.local]`. */
const IN_CLUSTER_REGISTRY_SERVICE =
  /^image-registry\.openshift-image-registry\.svc(\.cluster\.local)?\.?$/i;
/** The internal registry's default route: reached through the cluster's routers and registry pods. */
const IN_CLUSTER_REGISTRY_ROUTE = /^default-route-openshift-image-registry\./i;

export type Day1Warning = {
  field: 'kernelModuleImage' | 'workerImage';
} & {
  code: 'imageFromInClusterRegistry';
  /** `route`: the registry's default route, rather than its service name. */
  params: { image: string; host: string; via: 'service' | 'route' };
};

const registryHost = (image: string): string | undefined => {
  const parsed = parseImageReference(image);
  return 'error' in parsed ? undefined : parsed.reference.domain.replace(/:\d+$/, '');
};

const inClusterRegistryWarning = (
  field: Day1Warning['field'],
  image: string | undefined,
): Day1Warning | undefined => {
  if (image === undefined || image === '') return undefined;
  const host = registryHost(image);
  if (host === undefined) return undefined;
  if (IN_CLUSTER_REGISTRY_SERVICE.test(host)) {
    return { field, code: 'imageFromInClusterRegistry', params: { image, host, via: 'service' } };
  }
  if (IN_CLUSTER_REGISTRY_ROUTE.test(host)) {
    return { field, code: 'imageFromInClusterRegistry', params: { image, host, via: 'route' } };
  }
  return undefined;
};

/** Warnings for options that validate; an empty array when there is nothing to say. */
export const day1Warnings = (options: Day1Options): Day1Warning[] =>
  [
    inClusterRegistryWarning('kernelModuleImage', options.kernelModuleImage),
    inClusterRegistryWarning('workerImage', options.workerImage),
  ].filter((warning) => warning !== undefined);
