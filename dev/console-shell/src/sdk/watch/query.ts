import type {
  K8sModel,
  K8sResourceCommon,
  Selector,
  WatchK8sResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { k8sWebSocketBaseURL } from '../config';
import { referenceForModel } from '../k8s-ref';
import { k8sResourcePath, selectorToString } from '../k8s-url';
import { stableStringify } from '../utils/deep-equal';

/** What a watch asks the API server for (console's makeQuery: only the keys that are set). */
export interface WatchQuery {
  ns?: string;
  name?: string;
  labelSelector?: Selector;
  fieldSelector?: string;
  limit?: number;
}

export interface WatchRequest {
  model: K8sModel;
  isList: boolean;
  query: WatchQuery;
  partialMetadata?: boolean;
}

export const makeQuery = (resource: WatchK8sResource): WatchQuery => ({
  ...(resource.namespace ? { ns: resource.namespace } : {}),
  ...(resource.name ? { name: resource.name } : {}),
  ...(resource.selector && Object.keys(resource.selector).length > 0
    ? { labelSelector: resource.selector }
    : {}),
  ...(resource.fieldSelector ? { fieldSelector: resource.fieldSelector } : {}),
  ...(resource.limit ? { limit: resource.limit } : {}),
});

/**
 * The identity of a watch: every hook asking for the same model, query and shape shares one.
 * Like console's redux id (`group~version~kind---{query}`), plus the list/object shape.
 */
export const watchKey = ({ model, isList, query, partialMetadata }: WatchRequest): string =>
  `${referenceForModel(model)}---${stableStringify(query)}---${isList ? 'list' : 'object'}${
    partialMetadata ? '---partial' : ''
  }`;

/** `namespace/name`, the key of an object within a list. */
export const qualifiedName = (obj: K8sResourceCommon): string =>
  `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;

const fieldValue = (obj: K8sResourceCommon, field: string): string | undefined =>
  field === 'metadata.name'
    ? obj.metadata?.name
    : field === 'metadata.namespace'
      ? obj.metadata?.namespace
      : undefined;

const matchesFieldSelector = (obj: K8sResourceCommon, fieldSelector: string): boolean =>
  fieldSelector.split(',').every((term) => {
    const match = /^([^!=]+)(!=|==|=)(.*)$/.exec(term.trim());
    if (!match) {
      return true;
    }
    const [, field, op, value] = match;
    const actual = fieldValue(obj, field);
    if (actual === undefined) {
      return true; // a field we cannot evaluate: trust the server
    }
    return op === '!=' ? actual !== value : actual === value;
  });

/**
 * Whether an object belongs to a watch by namespace, name and field selector: a second check on what
 * the API server already filtered. Label selectors are left to the API server, as console does: the
 * simulator's selectors (dev/cluster-sim/core/selectors.ts) are the one implementation on this side.
 */
export const matchesQuery = (obj: K8sResourceCommon, query: WatchQuery): boolean =>
  (!query.ns || obj.metadata?.namespace === query.ns) &&
  (!query.name || obj.metadata?.name === query.name) &&
  (!query.fieldSelector || matchesFieldSelector(obj, query.fieldSelector));

/** List query parameters (label selector as a string). */
export const listQueryParams = (query: WatchQuery): Record<string, string> => ({
  ...(query.labelSelector ? { labelSelector: selectorToString(query.labelSelector) } : {}),
  ...(query.fieldSelector ? { fieldSelector: query.fieldSelector } : {}),
});

/**
 * The WebSocket URL of a watch, as console's k8sWatch builds it. A list is watched from its
 * list's resourceVersion. A single object is watched through its list with
 * `fieldSelector=metadata.name=<name>` and, as in console, no resourceVersion: the server starts
 * with the current object (an ADDED event), so an old object revision is never "too old".
 */
export const watchURL = (request: WatchRequest, resourceVersion: string | undefined): string => {
  const { model, isList, query } = request;
  const fieldSelector =
    !isList && query.name ? `metadata.name=${query.name}` : (query.fieldSelector ?? undefined);
  const labelSelector = query.labelSelector ? selectorToString(query.labelSelector) : '';
  const path = k8sResourcePath(model, {
    ns: query.ns,
    queryParams: {
      watch: 'true',
      ...(labelSelector ? { labelSelector: encodeURIComponent(labelSelector) } : {}),
      ...(fieldSelector ? { fieldSelector: encodeURIComponent(fieldSelector) } : {}),
      ...(isList && resourceVersion
        ? { resourceVersion: encodeURIComponent(resourceVersion) }
        : {}),
    },
  });
  return `${k8sWebSocketBaseURL()}${path}`;
};
