/**
 * Maps a request path to what it addresses, with the API server's URL layout: `/api/v1/...` for the
 * core group, `/apis/<group>/<version>/...` for the others, `namespaces/<ns>/` before namespaced
 * resources, and `/<name>/<subresource>` after the plural.
 */
import { RESOURCES, findResource } from '../core/resources';
import type { ResourceDef } from '../core/resources';

export type Route =
  | { kind: 'root' }
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'apiVersions' }
  | { kind: 'apiGroupList' }
  | { kind: 'apiGroup'; group: string }
  | { kind: 'apiResources'; group: string; version: string }
  | {
      kind: 'resource';
      resource: ResourceDef;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | { kind: 'notFound' };

const GROUP_VERSIONS = [...new Set(RESOURCES.map((r) => `${r.group}/${r.version}`))];

const resourceRoute = (group: string, version: string, rest: string[]): Route => {
  if (rest.length === 0) {
    return GROUP_VERSIONS.includes(`${group}/${version}`)
      ? { kind: 'apiResources', group, version }
      : { kind: 'notFound' };
  }
  // namespaces/<ns>/<plural>/... addresses a namespaced resource; namespaces/<name>[/<sub>] a Namespace.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const namespaced = findResource(group, version, rest[2]);
    if (namespaced?.namespaced === true && rest.length <= 5) {
      return {
        kind: 'resource',
        resource: namespaced,
        namespace: rest[1],
        name: rest[3],
        subresource: rest[4],
      };
    }
  }
  const resource = findResource(group, version, rest[0]);
  if (resource === undefined || rest.length > 3) return { kind: 'notFound' };
  // A namespaced resource at the cluster path can only be listed or watched across namespaces.
  if (resource.namespaced && rest.length > 1) return { kind: 'notFound' };
  return { kind: 'resource', resource, name: rest[1], subresource: rest[2] };
};

export const route = (pathname: string): Route => {
  let segments: string[];
  try {
    segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { kind: 'notFound' };
  }
  if (segments.length === 0) return { kind: 'root' };
  const [first, second, third] = segments;
  if (segments.length === 1 && first === 'version') return { kind: 'version' };
  if (segments.length === 1 && ['healthz', 'readyz', 'livez'].includes(first))
    return { kind: 'health' };
  if (first === 'api') {
    if (segments.length === 1) return { kind: 'apiVersions' };
    if (second !== 'v1') return { kind: 'notFound' };
    return resourceRoute('', 'v1', segments.slice(2));
  }
  if (first === 'apis') {
    if (segments.length === 1) return { kind: 'apiGroupList' };
    if (segments.length === 2) {
      return RESOURCES.some((r) => r.group === second)
        ? { kind: 'apiGroup', group: second }
        : { kind: 'notFound' };
    }
    return resourceRoute(second, third, segments.slice(3));
  }
  return { kind: 'notFound' };
};

/** Whether a resource has a subresource by this name. */
export const hasSubresource = (resource: ResourceDef, subresource: string): boolean =>
  (subresource === 'status' && resource.statusSubresource) ||
  (resource.subresources ?? []).includes(subresource);
