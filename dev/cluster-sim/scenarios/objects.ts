/**
 * Objects of a freshly installed cluster, shaped after real `oc get -o yaml` dumps
 * (test/fixtures/cluster-states): nodes with their labels, annotations, conditions and nodeInfo,
 * MCO's base MachineConfigs per role, and the built-in and custom pools.
 */
import { createHash } from 'node:crypto';
import type { MachineConfigObject, NodeObject, PoolObject, SimObject } from '../core/kube-types';
import { timestamp } from '../core/store';
import {
  ANNOTATIONS,
  CONTROLLER_VERSION,
  MCO_API_VERSION,
  NODE_ROLE_PREFIX,
  ROLE_LABEL,
} from '../mco/constants';

/** Stable hex derived from a seed, so a scenario is the same at every start. */
const stableHex = (seed: string, length: number): string =>
  createHash('sha256').update(seed).digest('hex').slice(0, length);

/** A stable RFC 4122-shaped UUID derived from a seed. */
const stableUuid = (seed: string): string => {
  const hex = stableHex(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const KERNELS = {
  rhel94: {
    kernelVersion: '5.14.0-427.13.1.el9_4.x86_64',
    osImage: 'Red Hat Enterprise Linux CoreOS 416.94.202405291527-0',
  },
  rhel92: {
    kernelVersion: '5.14.0-284.59.1.el9_2.x86_64',
    osImage: 'Red Hat Enterprise Linux CoreOS 414.92.202403051622-0',
  },
} as const;

export type KernelChoice = (typeof KERNELS)[keyof typeof KERNELS];

const REGION = 'us-east-2';
export const ZONES = ['us-east-2a', 'us-east-2b', 'us-east-2c'];

export interface NodeSpecInput {
  name: string;
  /** Role labels, e.g. ['master', 'control-plane'] or ['worker', 'sfc']. */
  roles: string[];
  zone: string;
  kernel: KernelChoice;
  created: number;
  /** The node's address, for status.addresses. */
  ip: string;
}

/** A Node as the kubelet and MCO leave it on a healthy cluster (MCO annotations are added later). */
export const makeNode = ({ name, roles, zone, kernel, created, ip }: NodeSpecInput): NodeObject => {
  const isMaster = roles.includes('master');
  const instanceType = isMaster ? 'm6i.xlarge' : 'm6i.2xlarge';
  const createdAt = timestamp(created);
  const readyAt = timestamp(created + 60_000);
  const pressure = (type: string, reason: string, message: string) => ({
    type,
    status: 'False' as const,
    reason,
    message,
    lastHeartbeatTime: readyAt,
    lastTransitionTime: createdAt,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: stableUuid(`node/${name}`),
      creationTimestamp: createdAt,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': instanceType,
        'beta.kubernetes.io/os': 'linux',
        'failure-domain.beta.kubernetes.io/region': REGION,
        'failure-domain.beta.kubernetes.io/zone': zone,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...Object.fromEntries(roles.map((role) => [`${NODE_ROLE_PREFIX}${role}`, ''])),
        'node.kubernetes.io/instance-type': instanceType,
        'node.openshift.io/os_id': 'rhcos',
        'topology.ebs.csi.aws.com/zone': zone,
        'topology.kubernetes.io/region': REGION,
        'topology.kubernetes.io/zone': zone,
      },
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': ip,
        [ANNOTATIONS.controlPlaneTopology]: 'HighlyAvailable',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      providerID: `aws:///${zone}/i-0${stableHex(`instance/${name}`, 16)}`,
      ...(isMaster
        ? { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' as const }] }
        : {}),
    },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: name, type: 'InternalDNS' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: isMaster
        ? { cpu: '3500m', 'ephemeral-storage': '114345831029', memory: '14918808Ki', pods: '250' }
        : { cpu: '7500m', 'ephemeral-storage': '114345831029', memory: '30691484Ki', pods: '250' },
      capacity: isMaster
        ? { cpu: '4', 'ephemeral-storage': '125238252Ki', memory: '16069784Ki', pods: '250' }
        : { cpu: '8', 'ephemeral-storage': '125238252Ki', memory: '32251548Ki', pods: '250' },
      conditions: [
        pressure(
          'MemoryPressure',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        pressure('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        pressure('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: readyAt,
          lastTransitionTime: readyAt,
        },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: stableUuid(`boot/${name}`),
        containerRuntimeVersion: 'cri-o://1.32.7-3.rhaos4.19.git1c2d3e4.el9',
        kernelVersion: kernel.kernelVersion,
        kubeProxyVersion: '',
        kubeletVersion: 'v1.32.7',
        machineID: stableHex(`machine/${name}`, 32),
        operatingSystem: 'linux',
        osImage: kernel.osImage,
        systemUUID: stableUuid(`system/${name}`),
      },
    },
  };
};

/** Marks a node Done on a rendered config, as MCO leaves it after an update. */
export const settleNode = (node: NodeObject, rendered: string): void => {
  node.metadata.annotations = {
    ...node.metadata.annotations,
    [ANNOTATIONS.currentConfig]: rendered,
    [ANNOTATIONS.desiredConfig]: rendered,
    [ANNOTATIONS.desiredDrain]: `uncordon-${rendered}`,
    [ANNOTATIONS.lastAppliedDrain]: `uncordon-${rendered}`,
    [ANNOTATIONS.lastSyncedControllerConfig]: '24893',
    [ANNOTATIONS.reason]: '',
    [ANNOTATIONS.state]: 'Done',
  };
};

const dataUrl = (text: string): string =>
  `data:text/plain;charset=utf-8;base64,${Buffer.from(text).toString('base64')}`;

const file = (path: string, text: string, mode = 0o644) => ({
  contents: { source: dataUrl(text) },
  mode,
  overwrite: true,
  path,
});

/** MCO's generated MachineConfigs are owned by their generator and annotated with its version. */
const generated = (
  name: string,
  role: string,
  owner: { kind: string; name: string },
  created: string,
  config: Record<string, unknown>,
): MachineConfigObject => ({
  apiVersion: MCO_API_VERSION,
  kind: 'MachineConfig',
  metadata: {
    name,
    uid: stableUuid(`mc/${name}`),
    creationTimestamp: created,
    labels: { [ROLE_LABEL]: role },
    annotations: { [ANNOTATIONS.generatedByControllerVersion]: CONTROLLER_VERSION },
    ownerReferences: [
      {
        apiVersion: MCO_API_VERSION,
        kind: owner.kind,
        name: owner.name,
        uid: stableUuid(`${owner.kind}/${owner.name}`),
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  },
  spec: { config: { ignition: { version: '3.5.0' }, ...config } },
});

/** The base MachineConfigs MCO and the installer create for a role (names as on a real cluster). */
export const baseMachineConfigs = (
  role: 'master' | 'worker',
  created: string,
): MachineConfigObject[] => {
  const controller = { kind: 'ControllerConfig', name: 'machine-config-controller' };
  return [
    generated(`00-${role}`, role, controller, created, {
      storage: {
        files: [
          file(
            '/etc/tmpfiles.d/cleanup-cni.conf',
            'r /etc/kubernetes/cni/net.d/80-openshift-network.conf\n',
          ),
          file(
            '/etc/kubernetes/kubelet-ca.crt',
            '-----BEGIN CERTIFICATE-----\nsimulated\n-----END CERTIFICATE-----\n',
          ),
          file(
            '/etc/node-sizing-enabled.env',
            'NODE_SIZING_ENABLED=false\nSYSTEM_RESERVED_MEMORY=1Gi\n',
          ),
        ],
      },
      systemd: {
        units: [
          {
            name: 'kubelet.service',
            enabled: true,
            contents: `[Unit]\nDescription=Kubernetes Kubelet\nRequires=crio.service kubelet-dependencies.target\nAfter=kubelet-dependencies.target\n\n[Service]\nExecStart=/usr/bin/kubelet --config=/etc/kubernetes/kubelet.conf --node-labels=node-role.kubernetes.io/${role},node.openshift.io/os_id=rhcos\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n`,
          },
        ],
      },
    }),
    generated(`01-${role}-container-runtime`, role, controller, created, {
      storage: {
        files: [
          file('/etc/crio/crio.conf.d/00-default', '[crio.runtime]\nselinux = true\nconmon = ""\n'),
        ],
      },
    }),
    generated(`01-${role}-kubelet`, role, controller, created, {
      storage: {
        files: [
          file(
            '/etc/kubernetes/kubelet.conf',
            'kind: KubeletConfiguration\napiVersion: kubelet.config.k8s.io/v1beta1\ncgroupDriver: systemd\n',
          ),
        ],
      },
    }),
    generated(
      `97-${role}-generated-kubelet`,
      role,
      { kind: 'KubeletConfig', name: 'set-allocatable' },
      created,
      {
        storage: { files: [file('/etc/kubernetes/kubelet-workaround', 'maxPods: 250\n')] },
      },
    ),
    generated(
      `98-${role}-generated-kubelet`,
      role,
      { kind: 'KubeletConfig', name: 'set-allocatable' },
      created,
      {
        storage: { files: [file('/etc/kubernetes/kubelet-sizing', 'autoSizingReserved: true\n')] },
      },
    ),
    generated(`99-${role}-generated-registries`, role, controller, created, {
      storage: {
        files: [
          file(
            '/etc/containers/registries.conf',
            'unqualified-search-registries = ["registry.access.redhat.com", "docker.io"]\n',
          ),
        ],
      },
    }),
    {
      apiVersion: MCO_API_VERSION,
      kind: 'MachineConfig',
      metadata: {
        name: `99-${role}-ssh`,
        uid: stableUuid(`mc/99-${role}-ssh`),
        creationTimestamp: created,
        labels: { [ROLE_LABEL]: role },
      },
      // The installer's SSH key config (Ignition 3.2, no generated-by annotation).
      spec: {
        config: {
          ignition: { version: '3.2.0' },
          passwd: {
            users: [
              {
                name: 'core',
                sshAuthorizedKeys: [
                  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISimulatedClusterKeyOnly admin@example.com',
                ],
              },
            ],
          },
        },
      } as MachineConfigObject['spec'],
    },
  ];
};

export interface PoolInput {
  name: string;
  created: string;
  /** Custom pools inherit the worker configs (KMM's documented example). */
  custom?: { maxUnavailable?: number | string; paused?: boolean };
}

/** A built-in pool (labels as MCO sets them) or a custom pool like KMM's Day 1 example. */
export const makePool = ({ name, created, custom }: PoolInput): PoolObject => {
  const builtIn = custom === undefined;
  return {
    apiVersion: MCO_API_VERSION,
    kind: 'MachineConfigPool',
    metadata: {
      name,
      uid: stableUuid(`pool/${name}`),
      creationTimestamp: created,
      labels: builtIn
        ? {
            'machineconfiguration.openshift.io/mco-built-in': '',
            ...(name === 'master'
              ? { 'operator.machineconfiguration.openshift.io/required-for-upgrade': '' }
              : {}),
            [`pools.operator.machineconfiguration.openshift.io/${name}`]: '',
          }
        : {},
    },
    spec: {
      machineConfigSelector: builtIn
        ? { matchLabels: { [ROLE_LABEL]: name } }
        : { matchExpressions: [{ key: ROLE_LABEL, operator: 'In', values: ['worker', name] }] },
      nodeSelector: { matchLabels: { [`${NODE_ROLE_PREFIX}${name}`]: '' } },
      paused: custom?.paused ?? false,
      ...(custom?.maxUnavailable === undefined ? {} : { maxUnavailable: custom.maxUnavailable }),
    },
  };
};

export const makeNamespace = (name: string, created: string): SimObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    uid: stableUuid(`namespace/${name}`),
    creationTimestamp: created,
    labels: { 'kubernetes.io/metadata.name': name },
  },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});
