import { useEffect, useMemo, useState } from 'react';
import {
  k8sGet,
  useAccessReview,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  ClusterVersionGVK,
  ImageStreamGVK,
  MachineConfigGVK,
  MachineConfigPoolGVK,
  NodeGVK,
} from '../../k8s/gvk';
import { ClusterVersionModel, ImageStreamModel, ImageStreamTagModel } from '../../k8s/models';
import type {
  ClusterVersion,
  ImageStream,
  ImageStreamTag,
  MachineConfig,
  MachineConfigPool,
  Node,
} from '../../k8s/types';
import { RELEASE_IMAGE_VERSION_ANNOTATION } from '../../mco';
import type { Day1ConfigSummary } from '../../producer';
import { declaredTagChecks, driverToolkitKernels, updateReadiness } from '../../rollout';
import type { UpdateReadiness } from '../../rollout';
import type { DriverToolkitKernels } from '../../rollout';
import { useImageTagChecks } from '../shared/useImageTagChecks';
import { useKernelCoverage } from '../shared/useKernelCoverage';

const DTK = { namespace: 'openshift', name: 'driver-toolkit', latest: 'driver-toolkit:latest' };

export type UpdateReadinessState =
  /** Nothing to show yet, or nothing to show at all (no ClusterVersion: say nothing). */
  | { kind: 'none' }
  /** The user may not read the ClusterVersion: the page says so. */
  | { kind: 'noAccess' }
  | { kind: 'ready'; readiness: UpdateReadiness; recheck: () => void };

/**
 * The update readiness of these configs, live: the ClusterVersion (read only if the user may), the
 * Driver Toolkit image stream's `latest` image labels (when the cluster has the stream and the user may
 * read it), the pools and the release of their rendered configs, the nodes' kernels and the registry's
 * answers (the shared tag checks).
 */
export const useUpdateReadiness = (configs: readonly Day1ConfigSummary[]): UpdateReadinessState => {
  const [canReadVersion, versionReviewLoading] = useAccessReview({
    group: ClusterVersionModel.apiGroup,
    resource: ClusterVersionModel.plural,
    verb: 'get',
    name: 'version',
  });
  const [clusterVersion, versionLoaded, versionError] = useK8sWatchResource<ClusterVersion>(
    canReadVersion ? { groupVersionKind: ClusterVersionGVK, name: 'version' } : null,
  ) as [ClusterVersion | undefined, boolean, unknown];

  const [canReadStream] = useAccessReview({
    group: ImageStreamModel.apiGroup,
    resource: ImageStreamModel.plural,
    verb: 'get',
    namespace: DTK.namespace,
    name: DTK.name,
  });
  const [canReadTag] = useAccessReview({
    group: ImageStreamTagModel.apiGroup,
    resource: ImageStreamTagModel.plural,
    verb: 'get',
    namespace: DTK.namespace,
    name: DTK.latest,
  });
  const [stream, streamLoaded, streamError] = useK8sWatchResource<ImageStream>(
    canReadStream
      ? { groupVersionKind: ImageStreamGVK, name: DTK.name, namespace: DTK.namespace }
      : null,
  ) as [ImageStream | undefined, boolean, unknown];
  // The image `latest` points to: read its labels again only when it moves (a new release).
  const latestImage =
    streamLoaded && !streamError
      ? stream?.status?.tags?.find((t) => t.tag === 'latest')?.items?.[0]?.image
      : undefined;
  const [driverToolkit, setDriverToolkit] = useState<{
    image: string;
    kernels: DriverToolkitKernels;
  }>();
  useEffect(() => {
    if (latestImage === undefined || !canReadTag) return undefined;
    let cancelled = false;
    k8sGet<ImageStreamTag>({ model: ImageStreamTagModel, name: DTK.latest, ns: DTK.namespace })
      .then((tag) => {
        if (!cancelled)
          setDriverToolkit({ image: latestImage, kernels: driverToolkitKernels(tag) });
      })
      .catch(() => {
        // Without the tag's labels the check waits for the first node that runs the new kernel.
        if (!cancelled) setDriverToolkit(undefined);
      });
    return () => {
      cancelled = true;
    };
  }, [latestImage, canReadTag]);
  const dtkKernels =
    driverToolkit !== undefined && driverToolkit.image === latestImage
      ? driverToolkit.kernels
      : undefined;

  const [pools, poolsLoaded] = useK8sWatchResource<MachineConfigPool[]>({
    groupVersionKind: MachineConfigPoolGVK,
    isList: true,
  }) as [MachineConfigPool[] | undefined, boolean, unknown];
  const [nodes, nodesLoaded] = useK8sWatchResource<Node[]>({
    groupVersionKind: NodeGVK,
    isList: true,
  }) as [Node[] | undefined, boolean, unknown];
  const { coverage, recheck: recheckCoverage } = useKernelCoverage(configs);

  // The list page watches the MachineConfigs already: the same watch, read for the rendered configs'
  // release. Without them, the pools' progress after the ClusterVersion is done shows in the kernels.
  const [machineConfigs, machineConfigsLoaded, machineConfigsError] = useK8sWatchResource<
    MachineConfig[]
  >({ groupVersionKind: MachineConfigGVK, isList: true }) as [
    MachineConfig[] | undefined,
    boolean,
    unknown,
  ];
  const machineConfigsSettled = machineConfigsLoaded || Boolean(machineConfigsError);
  const renderedReleases = useMemo(() => {
    const releases = new Map<string, string>();
    if (!machineConfigsLoaded || !Array.isArray(machineConfigs)) return releases;
    for (const mc of machineConfigs) {
      const release = mc.metadata.annotations?.[RELEASE_IMAGE_VERSION_ANNOTATION];
      if (typeof release === 'string' && release !== '') releases.set(mc.metadata.name, release);
    }
    return releases;
  }, [machineConfigs, machineConfigsLoaded]);

  // Before an update the Driver Toolkit declares the running kernel (the coverage checks it anyway);
  // during one, and after the control plane while pools still update, the new one.
  const declaredRequests = useMemo(
    () =>
      Array.isArray(nodes)
        ? declaredTagChecks(
            [...new Set(configs.map((c) => c.kernelModuleImage))],
            dtkKernels,
            nodes,
          )
        : [],
    [configs, dtkKernels, nodes],
  );
  const declared = useImageTagChecks(declaredRequests);

  const readiness = useMemo(() => {
    if (!versionLoaded || versionError || coverage === undefined || !machineConfigsSettled)
      return undefined;
    if (!poolsLoaded || !nodesLoaded || !Array.isArray(pools) || !Array.isArray(nodes))
      return undefined;
    return updateReadiness({
      clusterVersion,
      pools,
      nodes,
      renderedReleases,
      coverage: [...coverage.values()],
      driverToolkit: dtkKernels,
      answer: declared.answer,
    });
  }, [
    versionLoaded,
    versionError,
    coverage,
    machineConfigsSettled,
    poolsLoaded,
    nodesLoaded,
    pools,
    nodes,
    renderedReleases,
    clusterVersion,
    dtkKernels,
    declared.answer,
  ]);

  const recheckDeclared = declared.recheck;
  const recheck = useMemo(
    () => () => {
      recheckCoverage();
      recheckDeclared();
    },
    [recheckCoverage, recheckDeclared],
  );

  if (!versionReviewLoading && !canReadVersion) return { kind: 'noAccess' };
  if (readiness === undefined) return { kind: 'none' };
  return { kind: 'ready', readiness, recheck };
};
