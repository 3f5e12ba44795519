/**
 * The resources the simulated API server serves, with what their REST handling depends on: scope,
 * status subresource, which verbs exist, and whether the API server tracks metadata.generation.
 */

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export interface ResourceDef {
  group: string;
  version: string;
  plural: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  /** `/status` exists: writes to the main resource keep the old status, and /status writes keep the rest. */
  statusSubresource: boolean;
  /** Custom resources (and most built-ins, but not Node, Namespace or Pod here) count spec changes. */
  tracksGeneration: boolean;
  /** Custom resources include kind and apiVersion in list items and answer DELETE with a Status. */
  custom: boolean;
  verbs: Verb[];
  shortNames?: string[];
  /** Subresources other than status, such as pods/log. */
  subresources?: string[];
}

const ALL_VERBS: Verb[] = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const MCO_GROUP = 'machineconfiguration.openshift.io';

export const NODES: ResourceDef = {
  group: '',
  version: 'v1',
  plural: 'nodes',
  kind: 'Node',
  listKind: 'NodeList',
  namespaced: false,
  statusSubresource: true,
  tracksGeneration: false,
  custom: false,
  verbs: ALL_VERBS,
  shortNames: ['no'],
  // The API server's proxy to the node's kubelet (api/node-proxy.ts).
  subresources: ['proxy'],
};

export const NAMESPACES: ResourceDef = {
  group: '',
  version: 'v1',
  plural: 'namespaces',
  kind: 'Namespace',
  listKind: 'NamespaceList',
  namespaced: false,
  statusSubresource: true,
  tracksGeneration: false,
  custom: false,
  verbs: ALL_VERBS,
  shortNames: ['ns'],
};

export const PODS: ResourceDef = {
  group: '',
  version: 'v1',
  plural: 'pods',
  kind: 'Pod',
  listKind: 'PodList',
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: false,
  custom: false,
  verbs: ALL_VERBS,
  shortNames: ['po'],
  subresources: ['log'],
};

export const MACHINE_CONFIGS: ResourceDef = {
  group: MCO_GROUP,
  version: 'v1',
  plural: 'machineconfigs',
  kind: 'MachineConfig',
  listKind: 'MachineConfigList',
  namespaced: false,
  statusSubresource: false,
  tracksGeneration: true,
  custom: true,
  verbs: ALL_VERBS,
  shortNames: ['mc'],
};

export const MACHINE_CONFIG_POOLS: ResourceDef = {
  group: MCO_GROUP,
  version: 'v1',
  plural: 'machineconfigpools',
  kind: 'MachineConfigPool',
  listKind: 'MachineConfigPoolList',
  namespaced: false,
  statusSubresource: true,
  tracksGeneration: true,
  custom: true,
  verbs: ALL_VERBS,
  shortNames: ['mcp'],
};

export const MACHINE_CONFIG_NODES: ResourceDef = {
  group: MCO_GROUP,
  version: 'v1',
  plural: 'machineconfignodes',
  kind: 'MachineConfigNode',
  listKind: 'MachineConfigNodeList',
  namespaced: false,
  statusSubresource: true,
  tracksGeneration: true,
  custom: true,
  verbs: ALL_VERBS,
};

export const IMAGE_STREAM_IMPORTS: ResourceDef = {
  group: 'image.openshift.io',
  version: 'v1',
  plural: 'imagestreamimports',
  kind: 'ImageStreamImport',
  listKind: 'ImageStreamImportList',
  namespaced: true,
  statusSubresource: false,
  tracksGeneration: false,
  custom: false,
  verbs: ['create'],
};

/** The cluster's version and its updates: the singleton `version` the cluster version operator keeps. */
export const CLUSTER_VERSIONS: ResourceDef = {
  group: 'config.openshift.io',
  version: 'v1',
  plural: 'clusterversions',
  kind: 'ClusterVersion',
  listKind: 'ClusterVersionList',
  namespaced: false,
  statusSubresource: true,
  tracksGeneration: true,
  custom: true,
  verbs: ALL_VERBS,
};

/**
 * Image streams, served read-only here: only the release's own `openshift/driver-toolkit`, which the
 * cluster version operator writes (in openshift-apiserver, not a CRD).
 */
export const IMAGE_STREAMS: ResourceDef = {
  group: 'image.openshift.io',
  version: 'v1',
  plural: 'imagestreams',
  kind: 'ImageStream',
  listKind: 'ImageStreamList',
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  custom: false,
  verbs: ['get', 'list', 'watch'],
  shortNames: ['is'],
};

/** `<stream>:<tag>` with the tag's image and its metadata (labels in `image.dockerImageMetadata.Config`). */
export const IMAGE_STREAM_TAGS: ResourceDef = {
  group: 'image.openshift.io',
  version: 'v1',
  plural: 'imagestreamtags',
  kind: 'ImageStreamTag',
  listKind: 'ImageStreamTagList',
  namespaced: true,
  statusSubresource: false,
  tracksGeneration: false,
  custom: false,
  verbs: ['get', 'list'],
  shortNames: ['istag'],
};

export const SELF_SUBJECT_ACCESS_REVIEWS: ResourceDef = {
  group: 'authorization.k8s.io',
  version: 'v1',
  plural: 'selfsubjectaccessreviews',
  kind: 'SelfSubjectAccessReview',
  listKind: 'SelfSubjectAccessReviewList',
  namespaced: false,
  statusSubresource: false,
  tracksGeneration: false,
  custom: false,
  verbs: ['create'],
};

/**
 * KMM's BootModuleConfig (KMM 2.5+, CRD `bootmoduleconfigs.kmm.sigs.x-k8s.io`, vendored in
 * schemas/crds): namespaced, with a status subresource. Stored and served only; KMM's controller,
 * which writes the MachineConfig a BMC names, is not simulated.
 */
export const BOOT_MODULE_CONFIGS: ResourceDef = {
  group: 'kmm.sigs.x-k8s.io',
  version: 'v1beta1',
  plural: 'bootmoduleconfigs',
  kind: 'BootModuleConfig',
  listKind: 'BootModuleConfigList',
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  custom: true,
  verbs: ALL_VERBS,
  shortNames: ['bmc'],
};

export const RESOURCES: ResourceDef[] = [
  NODES,
  NAMESPACES,
  PODS,
  MACHINE_CONFIGS,
  MACHINE_CONFIG_POOLS,
  MACHINE_CONFIG_NODES,
  IMAGE_STREAM_IMPORTS,
  CLUSTER_VERSIONS,
  IMAGE_STREAMS,
  IMAGE_STREAM_TAGS,
  SELF_SUBJECT_ACCESS_REVIEWS,
  BOOT_MODULE_CONFIGS,
];

export const apiVersionOf = (resource: ResourceDef): string =>
  resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;

/** `machineconfigs.machineconfiguration.openshift.io`, or `pods` for the core group, as in API errors. */
export const groupResource = (resource: ResourceDef): string =>
  resource.group === '' ? resource.plural : `${resource.plural}.${resource.group}`;

/** Finds a served resource by group, version and plural. */
export const findResource = (
  group: string,
  version: string,
  plural: string,
): ResourceDef | undefined =>
  RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);

/** Store key of a resource: objects of the same group and plural share one collection. */
export const resourceKey = (resource: ResourceDef): string =>
  `${resource.group}/${resource.plural}`;
