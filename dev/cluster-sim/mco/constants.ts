/** Names MCO uses on the wire (pkg/daemon/constants, pkg/controller/common, openshift/api). */

const MCO = 'machineconfiguration.openshift.io';

export const ANNOTATIONS = {
  currentConfig: `${MCO}/currentConfig`,
  desiredConfig: `${MCO}/desiredConfig`,
  state: `${MCO}/state`,
  reason: `${MCO}/reason`,
  desiredDrain: `${MCO}/desiredDrain`,
  lastAppliedDrain: `${MCO}/lastAppliedDrain`,
  postConfigAction: `${MCO}/post-config-action`,
  controlPlaneTopology: `${MCO}/controlPlaneTopology`,
  lastSyncedControllerConfig: `${MCO}/lastSyncedControllerConfigResourceVersion`,
  generatedByControllerVersion: `${MCO}/generated-by-controller-version`,
  releaseImageVersion: `${MCO}/release-image-version`,
} as const;

export type DaemonState = 'Done' | 'Working' | 'Degraded' | 'Unreconcilable';

export const ROLE_LABEL = `${MCO}/role`;
export const MCO_API_VERSION = `${MCO}/v1`;

/** The release the simulated cluster runs (MachineConfigNode is GA v1 from 4.19). */
export const RELEASE_VERSION = '4.19.9';
/** machine-config-controller's version hash, as `generated-by-controller-version` shows it. */
export const CONTROLLER_VERSION = 'c9f3e1e0a4d2b7f58a6b2d91e3c4f5a6b7c8d9e0';
/** The Ignition version MCO 4.19+ writes into rendered configs. */
export const RENDERED_IGNITION_VERSION = '3.5.0';
export const OS_IMAGE_URL =
  'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:1f8c5f3a6b9d4e2c7a0b8d6e5f4c3b2a1908f7e6d5c4b3a29180f7e6d5c4b3a2';
export const EXTENSIONS_IMAGE =
  'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:6a0e7c3d2b1f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807f6e5d4c3b2a1';

export const UPDATE_IN_PROGRESS_TAINT = 'UpdateInProgress';
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

export const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
