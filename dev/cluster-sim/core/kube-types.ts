/**
 * Object shapes the simulator stores and reads. The project's own types (src/k8s/types.ts) cover what the
 * plugin reads; these add what an API server and MCO write: generation, ownerReferences, Node, Pod, MCN.
 */
import type {
  K8sObject,
  LabelSelector,
  MachineConfig,
  MachineConfigPool,
  ObjectMeta,
} from '../../../src/k8s/types';

export type { LabelSelector };

interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

interface SimObjectMeta extends ObjectMeta {
  generateName?: string;
  generation?: number;
  ownerReferences?: OwnerReference[];
  deletionTimestamp?: string;
  finalizers?: string[];
}

/** Any object in the store. Fields other than metadata are passed through untouched. */
export interface SimObject extends K8sObject {
  metadata: SimObjectMeta & { name: string };
  [field: string]: unknown;
}

interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface NodeObject extends SimObject {
  spec: { unschedulable?: boolean; taints?: Taint[]; providerID?: string };
  status: {
    conditions: NodeCondition[];
    nodeInfo: {
      bootID: string;
      kernelVersion: string;
      osImage: string;
      [field: string]: string;
    };
    [field: string]: unknown;
  };
}

/** metav1.Condition, as the MachineConfigNode CRD requires it (every field set). */
export interface MetaCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

export interface MachineConfigNodeObject extends SimObject {
  spec: { configVersion: { desired: string }; node: { name: string }; pool: { name: string } };
  status?: {
    conditions?: MetaCondition[];
    configVersion?: { current?: string; desired: string };
    observedGeneration?: number;
  };
}

interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
}

export interface PodObject extends SimObject {
  spec: { nodeName?: string; containers?: ContainerSpec[]; [field: string]: unknown };
  status?: { phase?: string; [field: string]: unknown };
}

/** Pool status as MCO writes it, including the fields src/k8s/types leaves out. */
export type PoolStatus = NonNullable<MachineConfigPool['status']> & {
  poolSynchronizersStatus?: Record<string, unknown>[];
};

/** A MachineConfigPool as the simulator handles it: uid and generation in metadata, full status. */
export type PoolObject = MachineConfigPool &
  SimObject & { metadata: SimObjectMeta & { name: string }; status?: PoolStatus };

export type MachineConfigObject = MachineConfig &
  SimObject & {
    metadata: SimObjectMeta & { name: string; labels: Record<string, string> };
    spec: MachineConfig['spec'] & Record<string, unknown>;
  };
