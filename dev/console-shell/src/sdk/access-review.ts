import { useEffect, useState } from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { SelfSubjectAccessReviewKind } from '@openshift-console/dynamic-plugin-sdk';
import { k8sCreate } from './k8s-resource';
import { ProjectModel, SelfSubjectAccessReviewModel } from './models';

type Attributes = Required<SDK.AccessReviewResourceAttributes>;

/** One request per distinct question for the page's lifetime (the user switcher reloads). */
const cache = new Map<string, Promise<SelfSubjectAccessReviewKind>>();

const normalise = (attrs: SDK.AccessReviewResourceAttributes | undefined): Attributes => ({
  group: attrs?.group ?? '',
  resource: attrs?.resource ?? '',
  subresource: attrs?.subresource ?? '',
  verb: attrs?.verb ?? ('' as Attributes['verb']),
  name: attrs?.name ?? '',
  namespace: attrs?.namespace ?? '',
});

const review = (attrs: Attributes): Promise<SelfSubjectAccessReviewKind> => {
  const key = Object.values(attrs).join('~');
  let pending = cache.get(key);
  if (!pending) {
    // A project's review names the project as its namespace, as in console.
    const namespace =
      attrs.group === ProjectModel.apiGroup && attrs.resource === ProjectModel.plural
        ? attrs.name
        : attrs.namespace;
    pending = k8sCreate<SelfSubjectAccessReviewKind>({
      model: SelfSubjectAccessReviewModel,
      data: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { ...attrs, namespace } },
      },
    });
    // Unlike console, forget failures so that a later check can succeed.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
};

/** Test helper: forget every cached review. */
export const clearAccessReviewCache = (): void => {
  cache.clear();
};

/** console's checkAccess: posts a SelfSubjectAccessReview (memoised per question). */
export const checkAccess: typeof SDK.checkAccess = (resourceAttributes) =>
  review(normalise(resourceAttributes));

/**
 * console's useAccessReview: `[isAllowed, loading]`. A failed review counts as allowed (the
 * server still enforces access), as in console.
 */
export const useAccessReview: typeof SDK.useAccessReview = (
  resourceAttributes,
  _impersonate,
  noCheckForEmptyGroupAndResource,
) => {
  const { group, resource, subresource, verb, name, namespace } = normalise(resourceAttributes);
  const skip = !!noCheckForEmptyGroupAndResource && !group && !resource;
  const [result, setResult] = useState<{ key: string; allowed: boolean } | undefined>();
  const key = [group, resource, subresource, verb, name, namespace, String(skip)].join('~');

  useEffect(() => {
    if (skip) {
      return undefined;
    }
    let current = true;
    review({ group, resource, subresource, verb, name, namespace }).then(
      (r) => {
        if (current) {
          setResult({ key, allowed: !!r.status?.allowed });
        }
      },
      (e: unknown) => {
        console.warn('SelfSubjectAccessReview failed', e);
        if (current) {
          setResult({ key, allowed: true });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [key, skip, group, resource, subresource, verb, name, namespace]);

  if (skip) {
    return [false, false];
  }
  return result?.key === key ? [result.allowed, false] : [false, true];
};
