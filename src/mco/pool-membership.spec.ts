/**
 * @jest-environment node
 *
 * Pool membership against the simulated cluster's demo scenario (whose MCO simulation places nodes by
 * MCO's rule), and on the cases MCO documents (pkg/helpers GetPoolsForNode, docs/custom-pools.md).
 */
import { startClusterSim } from '../../dev/cluster-sim';
import type { ClusterSim } from '../../dev/cluster-sim';
import type { MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfigPool } from '../producer';
import {
  customPoolEligibility,
  nodesReachedByPoolConfigs,
  poolOfNode,
  poolsTakingConfigsFor,
} from '.';

let sim: ClusterSim;

const list = async <T>(path: string): Promise<T[]> => {
  const response = await fetch(`${sim.url}${path}`, {
    headers: { Authorization: 'Bearer admin' },
  });
  if (!response.ok) throw new Error(`${path}: ${String(response.status)}`);
  return ((await response.json()) as { items: T[] }).items;
};

beforeAll(async () => {
  sim = await startClusterSim({
    port: 0,
    scenario: 'demo',
    timeScale: 0.001,
    log: () => undefined,
  });
});

afterAll(async () => {
  await sim.close();
});

const node = (name: string, roles: string[], labels: Record<string, string> = {}): Node => ({
  metadata: {
    name,
    labels: {
      ...Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
      ...labels,
    },
  },
});

const WINDOWS = { 'kubernetes.io/os': 'windows' };

const builtInPool = (name: string): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': name } },
    nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
  },
});

describe('pool membership on the demo cluster', () => {
  it("agrees with the pools' machine counts and the MCO simulation", async () => {
    const pools = await list<MachineConfigPool>(
      '/apis/machineconfiguration.openshift.io/v1/machineconfigpools',
    );
    const nodes = await list<Node>('/api/v1/nodes');
    for (const pool of pools) {
      const members = nodes.filter((n) => {
        const membership = poolOfNode(n, pools);
        return 'pool' in membership && membership.pool === pool.metadata.name;
      });
      expect(members).toHaveLength(pool.status?.machineCount ?? -1);
    }
    const sfcNode = nodes.find((n) => n.metadata.name === 'worker-4');
    expect(sfcNode && poolOfNode(sfcNode, pools)).toEqual({ pool: 'sfc' });
  });

  it('a worker config reaches the sfc pool too, a sfc config only the sfc nodes', async () => {
    const pools = await list<MachineConfigPool>(
      '/apis/machineconfiguration.openshift.io/v1/machineconfigpools',
    );
    const nodes = await list<Node>('/api/v1/nodes');
    const names = (pool: string) =>
      nodesReachedByPoolConfigs(pool, pools, nodes)
        .map((n) => n.metadata.name)
        .sort();
    expect(names('worker')).toEqual([
      'worker-0',
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-4',
      'worker-5',
    ]);
    expect(names('sfc')).toEqual(['worker-4', 'worker-5']);
    expect(names('master')).toEqual(['master-0', 'master-1', 'master-2']);
    expect(names('no-such-pool')).toEqual([]);
  });
});

describe('pool membership rules', () => {
  const pools = [
    builtInPool('master'),
    builtInPool('arbiter'),
    builtInPool('worker'),
    produceMachineConfigPool('sfc'),
    produceMachineConfigPool('gpu'),
  ];

  it('puts a node in worker, or in the one custom pool that selects it', () => {
    expect(poolOfNode(node('worker-0', ['worker']), pools)).toEqual({ pool: 'worker' });
    expect(poolOfNode(node('worker-4', ['worker', 'sfc']), pools)).toEqual({ pool: 'sfc' });
    // A custom pool needs no worker label: it is the node's only pool then.
    expect(poolOfNode(node('gpu-0', ['gpu']), pools)).toEqual({ pool: 'gpu' });
    expect(poolOfNode(node('bare', []), pools)).toEqual({ none: true });
  });

  it('puts arbiter nodes in arbiter, whatever custom pool also selects them', () => {
    expect(poolOfNode(node('arbiter-0', ['arbiter', 'sfc']), pools)).toEqual({ pool: 'arbiter' });
    expect(poolOfNode(node('master-1', ['master', 'sfc']), pools)).toEqual({ pool: 'master' });
  });

  it('never manages a Windows node, whatever pool selects it', () => {
    for (const roles of [['worker'], ['worker', 'sfc'], ['master'], ['worker', 'sfc', 'gpu']]) {
      expect(poolOfNode(node('win', roles, WINDOWS), pools)).toEqual({ windows: true });
    }
    expect(
      nodesReachedByPoolConfigs('worker', pools, [
        node('win', ['worker'], WINDOWS),
        node('linux', ['worker'], { 'kubernetes.io/os': 'linux' }),
      ]).map((n) => n.metadata.name),
    ).toEqual(['linux']);
    expect(customPoolEligibility(poolOfNode(node('win', ['worker'], WINDOWS), pools))).toEqual({
      eligible: false,
      reason: 'windows',
    });
  });

  it('lets a pool with an empty or missing nodeSelector select no node, not every node', () => {
    const empty: MachineConfigPool = {
      ...produceMachineConfigPool('empty'),
      spec: { nodeSelector: {} },
    };
    const missing: MachineConfigPool = { ...produceMachineConfigPool('missing'), spec: {} };
    const blank: MachineConfigPool = {
      ...produceMachineConfigPool('blank'),
      spec: { nodeSelector: { matchLabels: {}, matchExpressions: [] } },
    };
    const withThem = [...pools, empty, missing, blank];
    expect(poolOfNode(node('worker-0', ['worker']), withThem)).toEqual({ pool: 'worker' });
    expect(poolOfNode(node('bare', []), withThem)).toEqual({ none: true });
  });

  it('sends the configs for worker to custom pools that inherit them, not the reverse', () => {
    expect(poolsTakingConfigsFor('worker', pools)).toEqual(['worker', 'sfc', 'gpu']);
    expect(poolsTakingConfigsFor('sfc', pools)).toEqual(['sfc']);
    expect(poolsTakingConfigsFor('master', pools)).toEqual(['master']);
  });

  it('puts control plane nodes with a worker label in master, not worker', () => {
    const compact = node('master-0', ['master', 'worker']);
    expect(poolOfNode(compact, pools)).toEqual({ pool: 'master' });
    expect(nodesReachedByPoolConfigs('worker', pools, [compact])).toEqual([]);
  });

  it('reports a node in two custom pools as a conflict and no pool reaches it', () => {
    const twice = node('worker-9', ['worker', 'sfc', 'gpu']);
    expect(poolOfNode(twice, pools)).toEqual({ conflict: ['gpu', 'sfc'] });
    expect(nodesReachedByPoolConfigs('worker', pools, [twice])).toEqual([]);
  });

  it('lets only worker nodes and nodes in no pool join a new custom pool', () => {
    const eligibility = (n: Node) => customPoolEligibility(poolOfNode(n, pools));
    expect(eligibility(node('worker-0', ['worker']))).toEqual({ eligible: true });
    expect(eligibility(node('bare', []))).toEqual({ eligible: true });
    expect(eligibility(node('worker-4', ['worker', 'sfc']))).toEqual({
      eligible: false,
      reason: 'custom-pool',
      pools: ['sfc'],
    });
    expect(eligibility(node('master-0', ['master']))).toEqual({
      eligible: false,
      reason: 'control-plane',
      pools: ['master'],
    });
    expect(eligibility(node('worker-9', ['worker', 'sfc', 'gpu']))).toEqual({
      eligible: false,
      reason: 'conflict',
      pools: ['gpu', 'sfc'],
    });
  });
});
