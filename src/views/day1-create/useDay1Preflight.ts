import { useMemo, useState } from 'react';
import { useAccessReview, useActiveNamespace } from '@openshift-console/dynamic-plugin-sdk';
import type { MachineConfigPool } from '../../k8s/types';
import { ImageStreamImportModel } from '../../k8s/models';
import { DEFAULT_WORKER_IMAGE } from '../../producer';
import type { Day1Options } from '../../producer';
import { derivePreflight, preflightScope } from '../../preflight';
import type { ConfigChange } from '../../preflight';
import { defaultCheckNamespace } from './create-form';
import type { FormProblems } from './create-form';
import type { CreateClusterState } from './useCreateClusterState';
import { useImageChecks } from './useImageChecks';

interface Day1PreflightInput {
  cluster: CreateClusterState;
  poolName: string;
  /** The pool as it is, or as the flow creates it; undefined while unknown or invalid. */
  plannedPool?: MachineConfigPool;
  /** When the flow creates the pool: the nodes it labels into it. */
  newPoolNodes?: string[];
  options: Day1Options;
  problems: FormProblems;
  /** For an edit: what the edit changes. */
  change?: ConfigChange;
}

/**
 * The preflight of the create and the edit page: the nodes the config reaches, by kernel; the
 * registry's answer for each image (in a namespace the user can change); and the one preflight the
 * panel, the reboot summary and the confirmation show.
 */
export const useDay1Preflight = ({
  cluster,
  poolName,
  plannedPool,
  newPoolNodes,
  options,
  problems,
  change,
}: Day1PreflightInput) => {
  const [chosenNamespace, setChosenNamespace] = useState<string>();
  const [activeNamespace] = useActiveNamespace();
  const namespace =
    chosenNamespace ??
    (cluster.namespacesSettled ? defaultCheckNamespace(cluster.namespaces, activeNamespace) : '');
  const [checkAllowed, checkLoading] = useAccessReview({
    group: ImageStreamImportModel.apiGroup ?? '',
    resource: ImageStreamImportModel.plural,
    verb: 'create',
    namespace: namespace || undefined,
  });
  const checkImages = { allowed: checkAllowed && !checkLoading, loading: checkLoading };

  const pools = cluster.pools.items;
  const nodes = cluster.nodes.items;
  const scope = useMemo(
    () =>
      preflightScope({
        poolName,
        pool: plannedPool,
        pools,
        nodes,
        newPoolNodes,
        kernelModuleImage: options.kernelModuleImage,
      }),
    [poolName, plannedPool, pools, nodes, newPoolNodes, options.kernelModuleImage],
  );
  const groups = scope.groups;
  const imageReady = options.kernelModuleImage !== '' && !problems.errors.kernelModuleImage;
  const workerReference = problems.errors.workerImage
    ? undefined
    : (options.workerImage ?? DEFAULT_WORKER_IMAGE);
  const references = useMemo(
    () => [
      ...new Set([
        ...(imageReady ? groups.flatMap((group) => group.imageReference ?? []) : []),
        ...(workerReference ? [workerReference] : []),
      ]),
    ],
    [imageReady, groups, workerReference],
  );
  const checks = useImageChecks(references, namespace, checkImages.allowed && poolName !== '');
  const preflight = useMemo(
    () =>
      derivePreflight(
        scope,
        plannedPool,
        checks.status === 'done' ? checks.checks : undefined,
        change,
      ),
    [scope, plannedPool, checks, change],
  );
  return {
    namespace,
    setChosenNamespace,
    checkImages,
    imageReady,
    workerReference,
    checks,
    preflight,
  };
};
