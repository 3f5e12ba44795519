import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sModel, K8sResourceCommon, Selector } from '@openshift-console/dynamic-plugin-sdk';
import { consoleFetchJSON } from './console-fetch';
import { resourceURL, selectorToString } from './k8s-url';

/** The `opts` console forwards to the URL builder: only the keys that are set. */
const urlOptions = ({
  name,
  ns,
  path,
  queryParams,
}: {
  name?: string;
  ns?: string;
  path?: string;
  queryParams?: Record<string, string | undefined>;
}) => ({
  ...(name ? { name } : {}),
  ...(ns ? { ns } : {}),
  ...(path ? { path } : {}),
  ...(queryParams ? { queryParams } : {}),
});

export const k8sGet: typeof SDK.k8sGet = async ({ model, requestInit, ...options }) =>
  (await consoleFetchJSON(resourceURL(model, urlOptions(options)), 'GET', requestInit)) as never;

export const k8sCreate: typeof SDK.k8sCreate = async ({ model, data, ...options }) =>
  (await consoleFetchJSON.post(
    resourceURL(model, { ns: data.metadata?.namespace, ...urlOptions(options) }),
    data,
  )) as never;

export const k8sUpdate: typeof SDK.k8sUpdate = async ({ model, data, ns, name, ...options }) =>
  (await consoleFetchJSON.put(
    resourceURL(model, {
      ...urlOptions(options),
      ns: ns ?? data.metadata?.namespace,
      name: name ?? data.metadata?.name,
    }),
    data,
  )) as never;

export const k8sPatch: typeof SDK.k8sPatch = async ({ model, resource, data, ...options }) => {
  // Console drops falsy patches and skips the request when nothing is left.
  const patches = data.filter(Boolean);
  if (patches.length === 0) {
    return resource;
  }
  return (await consoleFetchJSON.patch(
    resourceURL(model, {
      ns: resource.metadata?.namespace,
      name: resource.metadata?.name,
      ...urlOptions(options),
    }),
    patches,
  )) as never;
};

export const k8sDelete: typeof SDK.k8sDelete = async ({
  model,
  resource,
  requestInit,
  json,
  ...options
}) => {
  const { propagationPolicy } = model;
  const body =
    json ??
    (propagationPolicy ? { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy } : null);
  return (await consoleFetchJSON.delete(
    resourceURL(model, {
      ns: resource.metadata?.namespace,
      name: resource.metadata?.name,
      ...urlOptions(options),
    }),
    body,
    requestInit,
  )) as never;
};

interface ListResponse {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: K8sResourceCommon[];
}

/** Lists a model; items get `kind` and `apiVersion`, which list responses leave out. */
export const listResource = async (
  model: K8sModel,
  queryParams: Record<string, unknown> = {},
  requestInit: RequestInit = {},
): Promise<ListResponse & { items: K8sResourceCommon[] }> => {
  const query = Object.entries(queryParams)
    .filter(([k, v]) => k !== 'ns' && v !== undefined)
    .map(([k, v]) => {
      const value =
        k === 'labelSelector' && typeof v === 'object'
          ? selectorToString(v as Selector)
          : String(v);
      return `${encodeURIComponent(k)}=${encodeURIComponent(value)}`;
    })
    .join('&');
  const url = resourceURL(model, { ns: queryParams.ns as string | undefined });
  const result = (await consoleFetchJSON(`${url}?${query}`, 'GET', requestInit)) as ListResponse;
  const items = (result.items ?? []).map((item) => ({
    kind: model.kind,
    apiVersion: result.apiVersion,
    ...item,
  }));
  return { ...result, items };
};

/** Console's k8sList resolves to the item array (the whole list object is for internal use). */
export const k8sList: typeof SDK.k8sList = async ({ model, queryParams, requestInit }) =>
  (await listResource(model, queryParams, requestInit)).items as never;

export const k8sListItems: typeof SDK.k8sListItems = async (options) => {
  const response = (await k8sList(options)) as unknown;
  return (Array.isArray(response) ? response : ((response as ListResponse).items ?? [])) as never;
};
