/**
 * The cluster version operator's objects: ClusterVersion `version` (config.openshift.io/v1, shaped after
 * the CRD in schemas/crds and real `oc get clusterversion -o yaml` dumps) and the release's Driver
 * Toolkit image stream `openshift/driver-toolkit` with one ImageStreamTag per tag, whose image metadata
 * carries the image's labels (`image.dockerImageMetadata.Config.Labels`).
 */
import { createHash } from 'node:crypto';
import type { SimObject } from '../core/kube-types';
import type { Release } from './releases';

const CLUSTER_ID = 'b7c3d1e2-5f4a-4c6b-9d8e-0a1b2c3d4e5f';
const DTK_NAMESPACE = 'openshift';
const DTK_STREAM = 'driver-toolkit';
const INTERNAL_REGISTRY = 'image-registry.openshift-image-registry.svc:5000';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface ClusterVersionCondition {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

interface HistoryEntry {
  state: 'Completed' | 'Partial';
  version: string;
  image: string;
  startedTime: string;
  completionTime: string | null;
  verified: boolean;
}

export interface ReleaseRef {
  version: string;
  image: string;
  channels?: string[];
  url?: string;
}

export interface ClusterVersionObject extends SimObject {
  spec: {
    clusterID: string;
    channel?: string;
    desiredUpdate?: { version?: string; image?: string };
  };
  status: {
    availableUpdates: ReleaseRef[] | null;
    conditions: ClusterVersionCondition[];
    desired: ReleaseRef;
    history: HistoryEntry[];
    observedGeneration: number;
    versionHash: string;
  };
}

const errataUrl = (version: string): string =>
  `https://access.redhat.com/errata/RHBA-2025:${createHash('sha256').update(version).digest('hex').slice(0, 5)}`;

export const releaseRef = (release: Release): ReleaseRef => ({
  channels: release.channels,
  image: release.image,
  url: errataUrl(release.version),
  version: release.version,
});

const versionHash = (release: Release): string =>
  createHash('sha256').update(release.image).digest('base64').slice(0, 11);

/** A settled cluster on `installed`, offering `available`. */
export const clusterVersion = (
  installed: Release,
  available: Release[],
  installedAt: string,
  settledAt: string,
): ClusterVersionObject => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'ClusterVersion',
  metadata: { name: 'version', creationTimestamp: installedAt, generation: 2 },
  spec: { channel: installed.channels[3] ?? 'stable', clusterID: CLUSTER_ID },
  status: {
    availableUpdates: available.length === 0 ? null : available.map(releaseRef),
    conditions: [
      {
        type: 'RetrievedUpdates',
        status: 'True',
        lastTransitionTime: installedAt,
      },
      {
        type: 'Available',
        status: 'True',
        message: `Done applying ${installed.version}`,
        lastTransitionTime: settledAt,
      },
      { type: 'Failing', status: 'False', lastTransitionTime: settledAt },
      {
        type: 'Progressing',
        status: 'False',
        message: `Cluster version is ${installed.version}`,
        lastTransitionTime: settledAt,
      },
    ],
    desired: releaseRef(installed),
    history: [
      {
        state: 'Completed',
        version: installed.version,
        image: installed.image,
        startedTime: installedAt,
        completionTime: settledAt,
        verified: false,
      },
    ],
    observedGeneration: 2,
    versionHash: versionHash(installed),
  },
});

/** Sets a condition, moving its lastTransitionTime only when its status changes. */
export const setCondition = (
  conditions: ClusterVersionCondition[],
  type: string,
  status: ConditionStatus,
  message: string,
  now: string,
  reason?: string,
): void => {
  const existing = conditions.find((c) => c.type === type);
  const next: ClusterVersionCondition = {
    type,
    status,
    ...(reason === undefined ? {} : { reason }),
    ...(message === '' ? {} : { message }),
    lastTransitionTime: existing?.status === status ? existing.lastTransitionTime : now,
  };
  if (existing === undefined) conditions.push(next);
  else conditions.splice(conditions.indexOf(existing), 1, next);
};

export { versionHash };

const imageDigest = (reference: string): string => reference.slice(reference.indexOf('@') + 1);

/** The labels the Driver Toolkit image declares (openshift/driver-toolkit's Dockerfile). */
const driverToolkitLabels = (release: Release): Record<string, string> => ({
  'io.k8s.description':
    'driver-toolkit is a container with the kernel packages necessary for building driver containers for deploying kernel modules/drivers on OpenShift',
  'io.openshift.os.streamclass': 'rhel-9',
  'io.openshift.release.operator': 'true',
  'kernel-rt-version': release.rtKernelVersion,
  'kernel-version': release.kernelVersion,
  name: 'driver-toolkit',
  version: '0.1',
});

/** The stream's tags: one per RHCOS build the cluster has run, and `latest` for the newest. */
const tagsOf = (releases: Release[]): { name: string; release: Release }[] => {
  const newest = releases[releases.length - 1];
  return [
    ...releases.map((release) => ({ name: release.rhcosVersion, release })),
    { name: 'latest', release: newest },
  ];
};

/** `openshift/driver-toolkit` after the cluster ran these releases (oldest first). */
export const driverToolkitStream = (releases: Release[], created: string): SimObject => {
  const tags = tagsOf(releases);
  return {
    apiVersion: 'image.openshift.io/v1',
    kind: 'ImageStream',
    metadata: {
      name: DTK_STREAM,
      namespace: DTK_NAMESPACE,
      creationTimestamp: created,
      annotations: {
        'include.release.openshift.io/self-managed-high-availability': 'true',
        'include.release.openshift.io/single-node-developer': 'true',
      },
    },
    spec: {
      lookupPolicy: { local: false },
      tags: tags.map(({ name, release }) => ({
        annotations: null,
        from: { kind: 'DockerImage', name: release.driverToolkitImage },
        generation: 2,
        importPolicy: { importMode: 'Legacy', scheduled: true },
        name,
        referencePolicy: { type: 'Source' },
      })),
    },
    status: {
      dockerImageRepository: `${INTERNAL_REGISTRY}/${DTK_NAMESPACE}/${DTK_STREAM}`,
      tags: tags.map(({ name, release }) => ({
        tag: name,
        items: [
          {
            created,
            dockerImageReference: release.driverToolkitImage,
            generation: 2,
            image: imageDigest(release.driverToolkitImage),
          },
        ],
      })),
    },
  };
};

/** The ImageStreamTags of that stream, each with its image's metadata and labels. */
export const driverToolkitTags = (releases: Release[], created: string): SimObject[] =>
  tagsOf(releases).map(({ name, release }) => ({
    apiVersion: 'image.openshift.io/v1',
    kind: 'ImageStreamTag',
    metadata: {
      name: `${DTK_STREAM}:${name}`,
      namespace: DTK_NAMESPACE,
      creationTimestamp: created,
    },
    tag: {
      name,
      from: { kind: 'DockerImage', name: release.driverToolkitImage },
      generation: 2,
      importPolicy: { importMode: 'Legacy', scheduled: true },
      referencePolicy: { type: 'Source' },
    },
    generation: 2,
    lookupPolicy: { local: false },
    image: {
      metadata: { name: imageDigest(release.driverToolkitImage), creationTimestamp: created },
      dockerImageReference: release.driverToolkitImage,
      dockerImageMetadata: {
        kind: 'DockerImage',
        apiVersion: '1.0',
        Id: imageDigest(release.driverToolkitImage),
        Created: created,
        Architecture: 'amd64',
        Config: { Labels: driverToolkitLabels(release) },
      },
      dockerImageMetadataVersion: '1.0',
      dockerImageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    },
  }));

export const DRIVER_TOOLKIT = { namespace: DTK_NAMESPACE, name: DTK_STREAM };
