import type { K8sModel, Selector } from '@openshift-console/dynamic-plugin-sdk';
import { k8sBaseURL } from './config';

export interface ResourcePathOptions {
  ns?: string;
  name?: string;
  path?: string;
  queryParams?: Record<string, string | undefined>;
}

const apiPath = ({ apiGroup, apiVersion }: K8sModel): string =>
  !apiGroup || apiGroup === 'core' ? `/api/${apiVersion}` : `/apis/${apiGroup}/${apiVersion}`;

/**
 * The Kubernetes REST path of a model, as console's getK8sResourcePath builds it: the namespace
 * only for namespaced models, the name URI-encoded, query parameters appended as given.
 */
export const k8sResourcePath = (model: K8sModel, options: ResourcePathOptions = {}): string => {
  let url = apiPath(model);
  if (model.namespaced && options.ns) {
    url += `/namespaces/${options.ns}`;
  }
  url += `/${model.plural}`;
  if (options.name) {
    url += `/${encodeURIComponent(options.name)}`;
  }
  if (options.path) {
    url += `/${options.path}`;
  }
  const query = Object.entries(options.queryParams ?? {}).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  if (query.length > 0) {
    url += `?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
  }
  return url;
};

export const resourceURL = (model: K8sModel, options: ResourcePathOptions = {}): string =>
  `${k8sBaseURL()}${k8sResourcePath(model, options)}`;

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

const requirementToString = ({ key, operator, values = [] }: Requirement): string => {
  switch (operator) {
    case 'Equals':
      return `${key}=${values[0] ?? ''}`;
    case 'NotEquals':
    case 'NotEqual':
      return `${key}!=${values[0] ?? ''}`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case 'In':
      return `${key} in (${values.join(',')})`;
    case 'NotIn':
      return `${key} notin (${values.join(',')})`;
    case 'GreaterThan':
      return `${key} > ${values[0] ?? ''}`;
    case 'LessThan':
      return `${key} < ${values[0] ?? ''}`;
    default:
      return '';
  }
};

/**
 * Like console, a selector without `matchLabels` or `matchExpressions` is read as a plain map
 * of labels.
 */
const normaliseSelector = (selector: Selector | Record<string, string>): Selector =>
  'matchLabels' in selector || 'matchExpressions' in selector
    ? selector
    : { matchLabels: selector as Record<string, string> };

/** A label selector as a query string value (`a=b,c in (d,e)`). */
export const selectorToString = (selector: Selector | Record<string, string> = {}): string => {
  const { matchLabels = {}, matchExpressions = [] } = normaliseSelector(selector);
  const requirements: Requirement[] = [
    ...Object.keys(matchLabels)
      .sort()
      .map((key) => ({ key, operator: 'Equals', values: [matchLabels[key]] })),
    ...matchExpressions,
  ];
  return requirements.map(requirementToString).join(',');
};
