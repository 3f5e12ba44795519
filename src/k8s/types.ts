/**
 * Kubernetes and Machine Config Operator object shapes used across the plugin.
 * Only the fields we read or write are typed; everything else passes through untouched.
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Ignition 3.2 systemd unit, as MCO accepts it. */
export interface IgnitionUnit {
  name: string;
  enabled?: boolean;
  mask?: boolean;
  contents?: string;
  /** Files under `/etc/systemd/system/<name>.d/` that change the unit. */
  dropins?: { name: string; contents?: string }[];
}

/** Ignition 3.2 storage file, as MCO accepts it. */
export interface IgnitionFile {
  path: string;
  mode?: number;
  overwrite?: boolean;
  user?: { name?: string; id?: number };
  contents?: { source?: string; compression?: string };
}

export interface IgnitionConfig {
  ignition: { version: string };
  systemd?: { units?: IgnitionUnit[] };
  storage?: { files?: IgnitionFile[] };
}

export interface MachineConfig extends K8sObject {
  apiVersion: 'machineconfiguration.openshift.io/v1';
  kind: 'MachineConfig';
  metadata: ObjectMeta & { name: string; labels: Record<string, string> };
  spec: {
    config: IgnitionConfig;
    kernelArguments?: string[];
    osImageURL?: string;
  };
}

export interface MachineConfigPool extends K8sObject {
  apiVersion: 'machineconfiguration.openshift.io/v1';
  kind: 'MachineConfigPool';
  metadata: ObjectMeta & { name: string };
  spec: {
    machineConfigSelector?: LabelSelector;
    nodeSelector?: LabelSelector;
    paused?: boolean;
    maxUnavailable?: number | string;
    configuration?: { name?: string; source?: { kind?: string; name: string }[] };
  };
  status?: {
    machineCount?: number;
    updatedMachineCount?: number;
    readyMachineCount?: number;
    unavailableMachineCount?: number;
    degradedMachineCount?: number;
    observedGeneration?: number;
    configuration?: { name?: string; source?: { kind?: string; name: string }[] };
    conditions?: Condition[];
  };
}

/** core/v1 Node, with the nodeInfo fields the SDK's NodeKind leaves out. */
export interface Node extends K8sObject {
  metadata: ObjectMeta & { name: string };
  spec?: { unschedulable?: boolean };
  status?: {
    nodeInfo?: {
      kernelVersion?: string;
      osImage?: string;
      bootID?: string;
      machineID?: string;
      architecture?: string;
    };
    conditions?: Condition[];
  };
}

/** image.openshift.io/v1 ImageStreamImport: create-only; `spec.import: false` checks without importing. */
export interface ImageStreamImport extends K8sObject {
  apiVersion: 'image.openshift.io/v1';
  kind: 'ImageStreamImport';
  metadata: ObjectMeta & { name: string; namespace: string };
  spec: {
    import: boolean;
    images: {
      from: { kind: 'DockerImage'; name: string };
      importPolicy?: { insecure?: boolean; importMode?: string };
    }[];
  };
  status?: {
    images?: {
      status: { status?: string; reason?: string; message?: string; code?: number };
      image?: { dockerImageReference?: string; dockerImageMetadata?: Record<string, unknown> };
      tag?: string;
    }[];
  };
}

/**
 * machineconfiguration.openshift.io/v1 MachineConfigNode (OpenShift 4.19+, v1alpha1 before): one per node,
 * named after it, written by the node's machine-config-daemon. Conditions follow the update's steps.
 */
export interface MachineConfigNode extends K8sObject {
  metadata: ObjectMeta & { name: string };
  spec?: {
    node?: { name?: string };
    pool?: { name?: string };
    configVersion?: { desired?: string };
  };
  status?: {
    observedGeneration?: number;
    /** `desired` is "not-yet-set" until the daemon has found the update compatible. */
    configVersion?: { current?: string; desired?: string };
    conditions?: Condition[];
  };
}

/** config.openshift.io/v1 ClusterVersion: the fields `oc adm upgrade status` reads. */
export interface ClusterVersion extends K8sObject {
  metadata: ObjectMeta & { name: string };
  status?: {
    desired?: { version?: string; image?: string };
    /** Newest first: history[0].version is the release the cluster is updating (or updated) to. */
    history?: {
      version?: string;
      state?: 'Completed' | 'Partial';
      startedTime?: string;
      completionTime?: string | null;
    }[];
    /** Recommended updates; null or empty when there are none. */
    availableUpdates?: { version?: string; image?: string }[] | null;
    conditions?: Condition[];
  };
}

/** image.openshift.io/v1 ImageStream: the tags and, per tag, the image it points to now. */
export interface ImageStream extends K8sObject {
  metadata: ObjectMeta & { name: string; namespace?: string };
  status?: { tags?: { tag: string; items?: { image?: string; created?: string }[] | null }[] };
}

/**
 * image.openshift.io/v1 ImageStreamTag: `<stream>:<tag>` with its image, whose metadata carries the
 * image's labels (the Driver Toolkit's `kernel-version`, `kernel-rt-version`).
 */
export interface ImageStreamTag extends K8sObject {
  metadata: ObjectMeta & { name: string; namespace?: string };
  image?: {
    dockerImageReference?: string;
    dockerImageMetadata?: { Config?: { Labels?: Record<string, string> | null } };
  };
}

/** core/v1 Pod: what the Verify action reads of its debug pod while it waits for it. */
export interface Pod extends K8sObject {
  metadata: ObjectMeta & { name: string; namespace: string };
  spec?: { nodeName?: string };
  status?: {
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
    reason?: string;
    message?: string;
    containerStatuses?: {
      name: string;
      state?: {
        waiting?: { reason?: string; message?: string };
        terminated?: { exitCode?: number; reason?: string; message?: string };
      };
    }[];
  };
}
