import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sGroupVersionKind, K8sModel } from '@openshift-console/dynamic-plugin-sdk';

/** `group~version~kind`, with `core` for the legacy group (console's reference string). */
export const getReference = ({ group, version, kind }: K8sGroupVersionKind): string =>
  [group ?? 'core', version, kind].join('~');

export const referenceForModel = (model: K8sModel): string =>
  getReference({ group: model.apiGroup, version: model.apiVersion, kind: model.kind });

export const getGroupVersionKindForModel: typeof SDK.getGroupVersionKindForModel = ({
  apiGroup,
  apiVersion: version,
  kind,
}) => ({ ...(apiGroup ? { group: apiGroup } : {}), version, kind });

export const getAPIVersionForModel: typeof SDK.getAPIVersionForModel = (model) =>
  model.apiGroup ? `${model.apiGroup}/${model.apiVersion}` : model.apiVersion;

export const getGroupVersionKindForResource: typeof SDK.getGroupVersionKindForResource = (
  resource,
) => {
  const { apiVersion, kind } = resource;
  if (!apiVersion || !kind) {
    // Console returns undefined here although its type says otherwise.
    return undefined as unknown as K8sGroupVersionKind;
  }
  const parts = apiVersion.split('/');
  if (parts.length > 2) {
    throw new Error('Provided resource has invalid apiVersion.');
  }
  return parts.length === 2
    ? { group: parts[0], version: parts[1], kind }
    : { version: apiVersion, kind };
};

/** Parses a `group~version~kind` reference (`core` means the legacy group). */
export const parseReference = (reference: string): K8sGroupVersionKind | undefined => {
  const parts = reference.split('~');
  if (parts.length !== 3) {
    return undefined;
  }
  const [group, version, kind] = parts;
  return { ...(group === 'core' ? {} : { group }), version, kind };
};
