/**
 * @jest-environment node
 *
 * Preflight against the simulated cluster's demo scenario, over its real REST API, and on edge cases.
 */
import { startClusterSim } from '../../dev/cluster-sim';
import type { ClusterSim } from '../../dev/cluster-sim';
import type { ImageStreamImport, MachineConfigPool, Node } from '../k8s/types';
import { nodesReachedByPoolConfigs } from '../mco';
import { produceMachineConfigPool } from '../producer';
import {
  derivePreflight,
  groupNodesByKernel,
  imageStreamImportRequest,
  preflightScope,
  readImageChecks,
  rebootPlan,
} from '.';

let sim: ClusterSim;
const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const response = await fetch(`${sim.url}${path}`, {
    ...init,
    headers: { Authorization: 'Bearer admin', 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
  return (await response.json()) as T;
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

describe('preflight on the demo cluster', () => {
  it("groups the sfc pool's nodes by kernel and checks each image with an ImageStreamImport", async () => {
    const { items: pools } = await api<{ items: MachineConfigPool[] }>(
      '/apis/machineconfiguration.openshift.io/v1/machineconfigpools',
    );
    const pool = pools.find((p) => p.metadata.name === 'sfc');
    if (pool === undefined) throw new Error('the demo cluster has no sfc pool');
    const { items: nodes } = await api<{ items: Node[] }>('/api/v1/nodes');
    const poolNodes = nodesReachedByPoolConfigs('sfc', pools, nodes);
    expect(poolNodes).toHaveLength(2);

    const groups = groupNodesByKernel(poolNodes, 'quay.io/acme/sfc-kmod');
    expect(groups.flatMap((g) => g.nodeNames).sort()).toEqual(
      poolNodes.map((n) => n.metadata.name).sort(),
    );
    for (const group of groups) {
      expect(group.imageReference).toBe(`quay.io/acme/sfc-kmod:${String(group.kernelVersion)}`);
    }

    const references = [
      ...groups.map((g) => String(g.imageReference)),
      'quay.io/acme/sfc-kmod:no-such-kernel',
    ];
    const answer = await api<ImageStreamImport>(
      '/apis/image.openshift.io/v1/namespaces/kmm-day1-checks/imagestreamimports',
      {
        method: 'POST',
        body: JSON.stringify(imageStreamImportRequest(references, 'kmm-day1-checks')),
      },
    );
    const checks = readImageChecks(answer);
    expect(checks.map((c) => [c.reference, c.result])).toEqual([
      ...groups.map((g) => [g.imageReference, 'Found']),
      ['quay.io/acme/sfc-kmod:no-such-kernel', 'Missing'],
    ]);
    expect(checks.at(-1)?.message).toBeTruthy();

    const plan = rebootPlan(pool, groups, checks);
    expect(plan).toMatchObject({
      nodeCount: 2,
      maxUnavailable: 1,
      batches: 2,
      rebootOnceKeepInTree: [],
      unchecked: [],
      paused: false,
    });
    expect(plan.rebootTwice.sort()).toEqual(poolNodes.map((n) => n.metadata.name).sort());
    expect(plan.estimatedMinutes).toEqual({ low: 12, high: 24 });
  });

  it('reports a private repository as Unauthorized', async () => {
    const answer = await api<ImageStreamImport>(
      '/apis/image.openshift.io/v1/namespaces/kmm-day1-checks/imagestreamimports',
      {
        method: 'POST',
        body: JSON.stringify(
          imageStreamImportRequest(
            ['registry.example.com/acme-private/ice-kmod:5.14.0'],
            'kmm-day1-checks',
          ),
        ),
      },
    );
    expect(readImageChecks(answer)).toEqual([
      expect.objectContaining({
        reference: 'registry.example.com/acme-private/ice-kmod:5.14.0',
        result: 'Unauthorized',
      }),
    ]);
  });
});

describe('preflight edge cases', () => {
  const node = (name: string, kernelVersion?: string): Node => ({
    metadata: { name, labels: { 'node-role.kubernetes.io/sfc': '' } },
    status: { nodeInfo: { kernelVersion } },
  });

  it('puts nodes with no reported kernel in a last group with no image reference', () => {
    expect(
      groupNodesByKernel(
        [node('c', ''), node('b', '5.14.0-b'), node('a', '5.14.0-a'), node('d', '5.14.0-a')],
        'quay.io/x/y',
      ),
    ).toEqual([
      { kernelVersion: '5.14.0-a', imageReference: 'quay.io/x/y:5.14.0-a', nodeNames: ['a', 'd'] },
      { kernelVersion: '5.14.0-b', imageReference: 'quay.io/x/y:5.14.0-b', nodeNames: ['b'] },
      { kernelVersion: undefined, imageReference: undefined, nodeNames: ['c'] },
    ]);
  });

  it('checks the tag a 64k or debug kernel pulls, with "+" mapped as the node scripts map it', () => {
    expect(groupNodesByKernel([node('a', '5.14.0-427.el9.aarch64+64k')], 'quay.io/x/y')[0]).toEqual(
      {
        kernelVersion: '5.14.0-427.el9.aarch64+64k',
        imageReference: 'quay.io/x/y:5.14.0-427.el9.aarch64_64k',
        nodeNames: ['a'],
      },
    );
  });

  it('counts a kernel version that is not a string (a malformed Node) as unreported', () => {
    const malformed = {
      ...node('m'),
      status: { nodeInfo: { kernelVersion: 42 } },
    } as unknown as Node;
    expect(groupNodesByKernel([malformed, node('a', '5.14.0-a')], 'quay.io/x/y')).toEqual([
      { kernelVersion: '5.14.0-a', imageReference: 'quay.io/x/y:5.14.0-a', nodeNames: ['a'] },
      { kernelVersion: undefined, imageReference: undefined, nodeNames: ['m'] },
    ]);
  });

  it('plans reboots by image result, with maxUnavailable as a percentage and a paused pool', () => {
    const pool = produceMachineConfigPool('sfc', { maxUnavailable: '50%', paused: true });
    const groups = groupNodesByKernel(
      [node('a', 'k1'), node('b', 'k1'), node('c', 'k2'), node('d', 'k3'), node('e')],
      'quay.io/x/y',
    );
    const plan = rebootPlan(pool, groups, [
      { reference: 'quay.io/x/y:k1', result: 'Found' },
      { reference: 'quay.io/x/y:k2', result: 'Missing', message: 'manifest unknown' },
      { reference: 'quay.io/x/y:k3', result: 'Error', message: 'timeout' },
    ]);
    expect(plan).toEqual({
      nodeCount: 5,
      maxUnavailable: 2,
      batches: 3,
      rebootTwice: ['a', 'b'],
      // Only an edit that keeps the images reboots nodes just once.
      rebootOnce: [],
      rebootOnceKeepInTree: ['c'],
      unchecked: ['d', 'e'],
      estimatedMinutes: { low: 14, high: 36 },
      paused: true,
    });
  });

  it('answers Error when the registry gave no status for an image', () => {
    const request = imageStreamImportRequest(['quay.io/x/y:k1'], 'ns');
    expect(readImageChecks({ ...request, status: { images: [] } })).toEqual([
      { reference: 'quay.io/x/y:k1', result: 'Error', noAnswer: true },
    ]);
  });
});

describe('the preflight derivation', () => {
  const labelled = (name: string, roles: string[], kernelVersion: string, extra = {}): Node => ({
    metadata: {
      name,
      labels: {
        ...Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
        ...extra,
      },
    },
    status: { nodeInfo: { kernelVersion } },
  });
  const builtIn = (name: string): MachineConfigPool => ({
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: { name },
    spec: {
      machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': name } },
      nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
    },
  });
  const pools = [builtIn('master'), builtIn('worker'), produceMachineConfigPool('sfc')];
  const nodes = [
    labelled('master-0', ['master', 'worker'], '5.14.0-284.el9'),
    labelled('worker-0', ['worker'], '5.14.0-1000.el9'),
    labelled('worker-1', ['worker'], '5.14.0-284.el9'),
    labelled('worker-2', ['worker'], '5.14.0-284.el9'),
    labelled('sfc-0', ['worker', 'sfc'], '5.14.0-284.el9'),
    labelled('win-0', ['worker'], '10.0.20348', { 'kubernetes.io/os': 'windows' }),
    labelled('bare-0', [], '5.14.0-284.el9'),
  ];
  const image = 'quay.io/acme/sfc-kmod';

  it('sorts the kernel groups as versions, 5.14.0-1000 after 5.14.0-284', () => {
    const scope = preflightScope({ poolName: 'worker', pools, nodes, kernelModuleImage: image });
    expect(scope.groups.map((group) => group.kernelVersion)).toEqual([
      '5.14.0-284.el9',
      '5.14.0-1000.el9',
    ]);
  });

  it('reaches the pool and the custom pools inheriting its configs, never Windows nodes', () => {
    const scope = preflightScope({ poolName: 'worker', pools, nodes, kernelModuleImage: image });
    expect(scope.nodes.map((n) => n.metadata.name)).toEqual([
      'worker-0',
      'worker-1',
      'worker-2',
      'sfc-0',
    ]);
    expect(scope.poolNotes).toEqual([{ code: 'inheriting-pools', pool: 'worker', pools: ['sfc'] }]);
    const sfc = preflightScope({ poolName: 'sfc', pools, nodes, kernelModuleImage: image });
    expect(sfc.nodes.map((n) => n.metadata.name)).toEqual(['sfc-0']);
    expect(sfc.poolNotes).toEqual([]);
  });

  it('says the nodes of a new custom pool leave worker and keep its configs', () => {
    const sfc2 = produceMachineConfigPool('sfc2');
    const scope = preflightScope({
      poolName: 'sfc2',
      pool: sfc2,
      pools,
      nodes,
      newPoolNodes: ['worker-2', 'worker-0', 'bare-0'],
      kernelModuleImage: image,
    });
    expect(scope.nodes.map((n) => n.metadata.name)).toEqual(['worker-0', 'worker-2', 'bare-0']);
    expect(scope.poolNotes).toEqual([
      { code: 'nodes-leave-pool', pool: 'sfc2', from: 'worker', nodes: ['worker-0', 'worker-2'] },
      { code: 'keeps-inherited-configs', pool: 'sfc2', from: 'worker' },
      { code: 'unmanaged-nodes-join', pool: 'sfc2', nodes: ['bare-0'] },
    ]);
  });

  it('says the moved nodes lose worker configs when the new pool does not take them', () => {
    const own: MachineConfigPool = {
      ...produceMachineConfigPool('own'),
      spec: {
        machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': 'own' } },
        nodeSelector: { matchLabels: { 'node-role.kubernetes.io/own': '' } },
      },
    };
    const scope = preflightScope({
      poolName: 'own',
      pool: own,
      pools,
      nodes,
      newPoolNodes: ['worker-1'],
      kernelModuleImage: image,
    });
    expect(scope.poolNotes).toEqual([
      { code: 'nodes-leave-pool', pool: 'own', from: 'worker', nodes: ['worker-1'] },
      { code: 'loses-configs', pool: 'own', from: 'worker' },
    ]);
  });

  it('leaves out of a new pool the nodes MCO would not put in it', () => {
    const scope = preflightScope({
      poolName: 'sfc2',
      pool: produceMachineConfigPool('sfc2'),
      pools,
      nodes,
      // A control plane node stays in master, a node already in sfc would be in two custom pools.
      newPoolNodes: ['master-0', 'sfc-0', 'win-0', 'worker-1'],
      kernelModuleImage: image,
    });
    expect(scope.nodes.map((n) => n.metadata.name)).toEqual(['worker-1']);
  });

  it('with a missing tag, says which nodes keep the in-tree driver and which reboot twice', () => {
    const scope = preflightScope({ poolName: 'worker', pools, nodes, kernelModuleImage: image });
    const pool = pools[1];
    const preflight = derivePreflight(scope, pool, [
      { reference: `${image}:5.14.0-284.el9`, result: 'Found' },
      { reference: `${image}:5.14.0-1000.el9`, result: 'Missing', message: 'manifest unknown' },
    ]);
    expect(preflight.warning).toBe(true);
    expect(preflight.rebootNotes).toEqual([
      { code: 'reboots', pool: 'worker', nodeCount: 4 },
      { code: 'rounds', pool: 'worker', maxUnavailable: 1, batches: 4 },
      { code: 'reboot-twice', nodes: ['sfc-0', 'worker-1', 'worker-2'] },
      { code: 'keep-in-tree', nodes: ['worker-0'] },
      { code: 'estimate', low: 22, high: 48, maxUnavailable: 1 },
    ]);
  });

  it('before the registry answers, every node is not checked yet; a paused pool says so', () => {
    const scope = preflightScope({ poolName: 'sfc', pools, nodes, kernelModuleImage: image });
    const paused = produceMachineConfigPool('sfc', { paused: true });
    expect(derivePreflight(scope, paused, undefined).rebootNotes).toEqual([
      { code: 'reboots', pool: 'sfc', nodeCount: 1 },
      { code: 'rounds', pool: 'sfc', maxUnavailable: 1, batches: 1 },
      { code: 'not-checked-yet', nodes: ['sfc-0'] },
      { code: 'estimate', low: 4, high: 12, maxUnavailable: 1 },
      { code: 'paused', pool: 'sfc' },
    ]);
    expect(derivePreflight(scope, paused, []).rebootNotes[2]).toEqual({
      code: 'not-checked',
      nodes: ['sfc-0'],
    });
  });

  it('has no plan until the pool is known, and says so for a pool without nodes', () => {
    const scope = preflightScope({ poolName: 'sfc', pools, nodes, kernelModuleImage: image });
    const unknown = derivePreflight(scope, undefined, undefined);
    expect(unknown.plan).toBeUndefined();
    expect(unknown.rebootNotes).toEqual([]);
    const empty = preflightScope({ poolName: 'gpu', pools, nodes, kernelModuleImage: image });
    expect(derivePreflight(empty, produceMachineConfigPool('gpu'), []).rebootNotes).toEqual([
      { code: 'no-nodes', pool: 'gpu' },
    ]);
  });
});
