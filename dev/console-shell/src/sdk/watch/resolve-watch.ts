import type { WatchK8sResource } from '@openshift-console/dynamic-plugin-sdk';
import { findModel } from '../models';
import type { WatchRequest } from './query';
import { makeQuery, watchKey } from './query';

export type ResolvedWatch =
  | { kind: 'watch'; key: string; request: WatchRequest }
  | { kind: 'no-model' }
  | { kind: 'disabled' };

/** Turns a hook's resource descriptor into a watch request (or says why there is none). */
export const resolveWatch = (resource: WatchK8sResource | null | undefined): ResolvedWatch => {
  if (!resource) {
    return { kind: 'disabled' };
  }
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- console still honours `kind`
  const model = findModel(resource.groupVersionKind ?? resource.kind);
  if (!model) {
    return { kind: 'no-model' };
  }
  const request: WatchRequest = {
    model,
    isList: !!resource.isList,
    query: makeQuery(resource),
    ...(resource.partialMetadata ? { partialMetadata: true } : {}),
  };
  return { kind: 'watch', key: watchKey(request), request };
};
