/**
 * K8sModel objects for the SDK's k8s* helpers (their GroupVersionKinds are in ./gvk).
 * Console knows these models too, but a plugin cannot import console's internal model registry.
 * Types only from the SDK here: the console shell reuses these models without the SDK's code.
 */
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk';

const MCO_GROUP = 'machineconfiguration.openshift.io';

export const MachineConfigModel: K8sModel = {
  kind: 'MachineConfig',
  label: 'MachineConfig',
  labelPlural: 'MachineConfigs',
  plural: 'machineconfigs',
  apiGroup: MCO_GROUP,
  apiVersion: 'v1',
  abbr: 'MC',
  namespaced: false,
  crd: true,
};

export const MachineConfigPoolModel: K8sModel = {
  kind: 'MachineConfigPool',
  label: 'MachineConfigPool',
  labelPlural: 'MachineConfigPools',
  plural: 'machineconfigpools',
  apiGroup: MCO_GROUP,
  apiVersion: 'v1',
  abbr: 'MCP',
  namespaced: false,
  crd: true,
};

/** Per-node MCO progress; GA (v1) since OpenShift 4.19. */
export const MachineConfigNodeModel: K8sModel = {
  kind: 'MachineConfigNode',
  label: 'MachineConfigNode',
  labelPlural: 'MachineConfigNodes',
  plural: 'machineconfignodes',
  apiGroup: MCO_GROUP,
  apiVersion: 'v1',
  abbr: 'MCN',
  namespaced: false,
  crd: true,
};

export const NodeModel: K8sModel = {
  kind: 'Node',
  label: 'Node',
  labelPlural: 'Nodes',
  plural: 'nodes',
  apiVersion: 'v1',
  abbr: 'N',
  namespaced: false,
};

/** Create-only API: with `spec.import: false` it just resolves images (used to check that a tag exists). */
export const ImageStreamImportModel: K8sModel = {
  kind: 'ImageStreamImport',
  label: 'ImageStreamImport',
  labelPlural: 'ImageStreamImports',
  plural: 'imagestreamimports',
  apiGroup: 'image.openshift.io',
  apiVersion: 'v1',
  abbr: 'ISI',
  namespaced: true,
};

/** The Verify action's short-lived debug pod (its log is read with consoleFetchText). */
export const PodModel: K8sModel = {
  kind: 'Pod',
  label: 'Pod',
  labelPlural: 'Pods',
  plural: 'pods',
  apiVersion: 'v1',
  abbr: 'P',
  namespaced: true,
};

export const SelfSubjectAccessReviewModel: K8sModel = {
  kind: 'SelfSubjectAccessReview',
  label: 'SelfSubjectAccessReview',
  labelPlural: 'SelfSubjectAccessReviews',
  plural: 'selfsubjectaccessreviews',
  apiGroup: 'authorization.k8s.io',
  apiVersion: 'v1',
  abbr: 'SSAR',
  namespaced: false,
};

/** The cluster's version and its updates: the singleton `version`. */
export const ClusterVersionModel: K8sModel = {
  kind: 'ClusterVersion',
  label: 'ClusterVersion',
  labelPlural: 'ClusterVersions',
  plural: 'clusterversions',
  apiGroup: 'config.openshift.io',
  apiVersion: 'v1',
  abbr: 'CV',
  namespaced: false,
  crd: true,
};

/** Read for `openshift/driver-toolkit`, whose `latest` tag is the newest release's Driver Toolkit. */
export const ImageStreamModel: K8sModel = {
  kind: 'ImageStream',
  label: 'ImageStream',
  labelPlural: 'ImageStreams',
  plural: 'imagestreams',
  apiGroup: 'image.openshift.io',
  apiVersion: 'v1',
  abbr: 'IS',
  namespaced: true,
};

/** `<stream>:<tag>` with its image's metadata, where the image's labels are. */
export const ImageStreamTagModel: K8sModel = {
  kind: 'ImageStreamTag',
  label: 'ImageStreamTag',
  labelPlural: 'ImageStreamTags',
  plural: 'imagestreamtags',
  apiGroup: 'image.openshift.io',
  apiVersion: 'v1',
  abbr: 'IST',
  namespaced: true,
};

/**
 * KMM's BootModuleConfig (KMM 2.5 and later, CRD `bootmoduleconfigs.kmm.sigs.x-k8s.io`): KMM writes
 * the Day 1 MachineConfig it names, and would revert an edit made here. Present only where KMM is.
 */
export const BootModuleConfigModel: K8sModel = {
  kind: 'BootModuleConfig',
  label: 'BootModuleConfig',
  labelPlural: 'BootModuleConfigs',
  plural: 'bootmoduleconfigs',
  apiGroup: 'kmm.sigs.x-k8s.io',
  apiVersion: 'v1beta1',
  abbr: 'BMC',
  namespaced: true,
  crd: true,
};
