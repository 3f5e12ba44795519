/**
 * MCO objects for the rollout tests, shaped as the API server returns them: pools, nodes with MCO's
 * annotations and conditions, and MachineConfigNodes with the conditions of each update step.
 */
import type { Condition, MachineConfigNode, MachineConfigPool, Node } from '../../src/k8s/types';

export const NOW = Date.parse('2026-11-24T03:30:00Z');
/** `minutes` before NOW, as the API server writes timestamps. */
export const ago = (minutes: number): string =>
  new Date(NOW - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const R1 = 'rendered-worker-11111111111111111111111111111111';
export const R2 = 'rendered-worker-22222222222222222222222222222222';
export const R3 = 'rendered-worker-33333333333333333333333333333333';

const PREFIX = 'machineconfiguration.openshift.io/';

export interface PoolOptions {
  name?: string;
  target?: string;
  /** status.configuration: the config every node had last reached. */
  current?: string;
  paused?: boolean;
  maxUnavailable?: number | string;
  sources?: string[];
  conditions?: Condition[];
  nodeRole?: string;
}

export const pool = ({
  name = 'worker',
  target = R2,
  current = R1,
  paused,
  maxUnavailable,
  sources = ['00-worker'],
  conditions = [],
  nodeRole = name,
}: PoolOptions = {}): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: {
    machineConfigSelector: {
      matchExpressions: [{ key: `${PREFIX}role`, operator: 'In', values: ['worker', name] }],
    },
    nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${nodeRole}`]: '' } },
    configuration: {
      name: target,
      source: sources.map((s) => ({ kind: 'MachineConfig', name: s })),
    },
    ...(paused === undefined ? {} : { paused }),
    ...(maxUnavailable === undefined ? {} : { maxUnavailable }),
  },
  status: { configuration: { name: current, source: [] }, conditions },
});

export const condition = (
  type: string,
  status: Condition['status'],
  message = '',
  lastTransitionTime = ago(10),
  reason = '',
): Condition => ({ type, status, reason, message, lastTransitionTime });

export interface NodeOptions {
  current?: string;
  desired?: string;
  /** machineconfiguration.openshift.io/state */
  state?: string;
  reason?: string;
  desiredDrain?: string;
  lastAppliedDrain?: string;
  postConfigAction?: string;
  roles?: string[];
  labels?: Record<string, string>;
  ready?: boolean;
  readySince?: string;
  unschedulable?: boolean;
  cordonedAt?: string;
  bootID?: string;
  kernelVersion?: string;
}

/** A worker node; by default Done on R1 (annotations as MCO leaves them after an update). */
export const node = (name: string, options: NodeOptions = {}): Node => {
  const {
    current = R1,
    desired = current,
    state = 'Done',
    reason = '',
    desiredDrain = `uncordon-${current}`,
    lastAppliedDrain = `uncordon-${current}`,
    postConfigAction,
    roles = ['worker'],
    labels = {},
    ready = true,
    readySince = ago(60),
    unschedulable,
    cordonedAt,
    bootID = `boot-${name}`,
    kernelVersion = '5.14.0-427.13.1.el9_4.x86_64',
  } = options;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        ...Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
        ...labels,
      },
      annotations: {
        [`${PREFIX}currentConfig`]: current,
        [`${PREFIX}desiredConfig`]: desired,
        [`${PREFIX}state`]: state,
        [`${PREFIX}reason`]: reason,
        [`${PREFIX}desiredDrain`]: desiredDrain,
        [`${PREFIX}lastAppliedDrain`]: lastAppliedDrain,
        ...(postConfigAction === undefined
          ? {}
          : { [`${PREFIX}post-config-action`]: postConfigAction }),
      },
    },
    spec: {
      ...(unschedulable || cordonedAt !== undefined ? { unschedulable: true } : {}),
      ...(cordonedAt === undefined
        ? {}
        : {
            taints: [
              {
                key: 'node.kubernetes.io/unschedulable',
                effect: 'NoSchedule',
                timeAdded: cordonedAt,
              },
            ],
          }),
    },
    status: {
      nodeInfo: { kernelVersion, bootID },
      conditions: [
        condition('MemoryPressure', 'False'),
        condition('DiskPressure', 'False'),
        condition('PIDPressure', 'False'),
        condition('Ready', ready ? 'True' : 'False', '', readySince),
      ],
    },
  };
};

/** The MachineConfigNode condition types MCO creates, all "not yet occurred". */
const MCN_TYPES = [
  'UpdatePrepared',
  'UpdateExecuted',
  'UpdatePostActionComplete',
  'UpdateComplete',
  'Resumed',
  'Drained',
  'AppliedFilesAndOS',
  'Cordoned',
  'RebootedNode',
  'Updated',
  'Uncordoned',
  'NodeDegraded',
];

/**
 * A MachineConfigNode for `name` whose conditions are all False except those given, which replace the
 * defaults. `desired` is spec.configVersion.desired.
 */
export const machineConfigNode = (
  name: string,
  { current = R1, desired = current }: { current?: string; desired?: string },
  conditions: Condition[] = [condition('Updated', 'True', `Node ${name} Updated`)],
): MachineConfigNode => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigNode',
  metadata: { name },
  spec: { node: { name }, pool: { name: 'worker' }, configVersion: { desired } },
  status: {
    configVersion: { current, desired },
    conditions: MCN_TYPES.map(
      (type) =>
        conditions.find((c) => c.type === type) ??
        condition(
          type,
          'False',
          `This node has not yet entered the ${type} phase`,
          ago(60),
          'NotYetOccurred',
        ),
    ),
  },
});
