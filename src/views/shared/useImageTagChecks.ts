import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  k8sCreate,
  useAccessReview,
  useActiveNamespace,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { ImageStreamImportModel } from '../../k8s/models';
import type { ImageStreamImport, K8sObject } from '../../k8s/types';
import { defaultCheckNamespace, imageStreamImportRequest, readImageChecks } from '../../preflight';
import type { TagCheck, TagCheckRequest } from '../../rollout';
import { tagCheckKey } from '../../rollout';
import { errorMessage } from './error-message';
import { ImageTagCheckScheduler } from './image-tag-check-scheduler';
import type { TagChecker } from './image-tag-check-scheduler';

const NamespaceGVK = { version: 'v1', kind: 'Namespace' };

/** One ImageStreamImport (`spec.import: false`, nothing stored) for one `<image>:<tag>`. */
const imageStreamTagChecker =
  (namespace: string): TagChecker =>
  async ({ image, tag }) => {
    const answer = await k8sCreate<ImageStreamImport>({
      model: ImageStreamImportModel,
      data: imageStreamImportRequest([`${image}:${tag}`], namespace),
    });
    const [check] = readImageChecks(answer);
    switch (check.result) {
      case 'Found':
        return { result: 'found' };
      case 'Missing':
        return { result: 'missing' };
      case 'Unauthorized':
        return { result: 'unknown', reason: 'unauthorized', detail: check.message };
      case 'Error':
        return { result: 'unknown', reason: 'error', detail: check.message };
    }
  };

/**
 * One scheduler (and cache) per namespace for the whole console session: the list page, the rollout
 * page and the update banner share the answers, and a page opened again does not ask again.
 */
const schedulers = new Map<string, ImageTagCheckScheduler>();
const schedulerFor = (namespace: string): ImageTagCheckScheduler => {
  let scheduler = schedulers.get(namespace);
  if (scheduler === undefined) {
    scheduler = new ImageTagCheckScheduler(async (request) => {
      try {
        return await imageStreamTagChecker(namespace)(request);
      } catch (error) {
        return { result: 'unknown', reason: 'error', detail: errorMessage(error) };
      }
    });
    schedulers.set(namespace, scheduler);
  }
  return scheduler;
};

export interface ImageTagChecks {
  /** The answer for a tag; `checking` until it arrives, `noAccess` without permission. */
  answer: (request: TagCheckRequest) => TagCheck | undefined;
  /** The namespace whose pull secrets the checks use. */
  namespace: string;
  /** Asks the registry again for these requests now, ignoring cached answers. */
  recheck: () => void;
}

/**
 * Checks that each `<image>:<tag>` exists, with ImageStreamImports as the create page's preflight does,
 * in the namespace made for checks (else the active one, else default). Answers are cached for a few
 * minutes and checked again when stale; at most 4 checks run at once; a new set of requests (a node
 * with a new kernel) asks only for what is not known. Without permission to create ImageStreamImports
 * nothing is asked and every answer says so.
 */
export const useImageTagChecks = (requests: readonly TagCheckRequest[]): ImageTagChecks => {
  const [namespaceList, namespacesLoaded, namespacesError] = useK8sWatchResource<K8sObject[]>({
    groupVersionKind: NamespaceGVK,
    isList: true,
  }) as [K8sObject[] | undefined, boolean, unknown];
  const [activeNamespace] = useActiveNamespace();
  const namespacesSettled = namespacesLoaded || !!namespacesError;
  const namespace = useMemo(() => {
    if (!namespacesSettled) return '';
    const names =
      namespacesLoaded && !namespacesError && Array.isArray(namespaceList)
        ? namespaceList.flatMap((ns) => (ns.metadata?.name ? [ns.metadata.name] : []))
        : undefined;
    return defaultCheckNamespace(names, activeNamespace);
  }, [namespacesSettled, namespacesLoaded, namespacesError, namespaceList, activeNamespace]);

  const [allowed, accessLoading] = useAccessReview({
    group: ImageStreamImportModel.apiGroup ?? '',
    resource: ImageStreamImportModel.plural,
    verb: 'create',
    namespace: namespace || undefined,
  });
  const canCheck = namespace !== '' && !accessLoading && allowed;

  // One string, so that a new array with the same requests does not ask again.
  const key = JSON.stringify(requests.map(tagCheckKey));
  const [answered, setAnswered] = useState(0);
  useEffect(() => {
    if (!canCheck) return undefined;
    const scheduler = schedulerFor(namespace);
    const wanted = JSON.parse(key) as string[];
    const current = [...requests];
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Ask again when the first answer goes stale.
    const schedule = () => {
      if (timer !== undefined) clearTimeout(timer);
      const expiry = scheduler.cache.nextExpiry(wanted);
      if (expiry === undefined) return;
      timer = setTimeout(
        () => {
          scheduler.request(current);
          schedule();
        },
        Math.max(1000, expiry - Date.now()),
      );
    };
    const unsubscribe = scheduler.subscribe(() => {
      setAnswered((count) => count + 1);
      schedule();
    });
    scheduler.request(current);
    schedule();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
    // `requests` is read through `key`, its stable form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, namespace, canCheck]);

  const answer = useMemo(() => {
    if (namespace === '' || accessLoading) return () => undefined;
    if (!allowed) {
      const noAccess: TagCheck = { result: 'unknown', reason: 'noAccess', namespace };
      return () => noAccess;
    }
    const scheduler = schedulerFor(namespace);
    return (request: TagCheckRequest) => scheduler.answer(request);
    // `answered` changes the function when an answer arrives, so memos that use it derive again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [namespace, accessLoading, allowed, answered]);
  const recheck = useCallback(() => {
    if (canCheck) schedulerFor(namespace).recheck(requests);
  }, [canCheck, namespace, requests]);
  return { answer, namespace, recheck };
};
