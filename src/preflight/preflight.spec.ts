/**
 * @jest-environment node
 *
 * Preflight against the simulated cluster's demo scenario, over its real REST API, and on edge cases.
 */
import { startClusterSim } from '../../dev/cluster-sim';
import type { ClusterSim } from '../../dev/cluster-sim';
import type { ImageStreamImport, MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfigPool } from '../producer';
import {
  groupNodesByKernel,
  imageStreamImportRequest,
  nodesInPool,
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
    const pool = await api<MachineConfigPool>(
      '/apis/machineconfiguration.openshift.io/v1/machineconfigpools/sfc',
    );
    const { items: nodes } = await api<{ items: Node[] }>('/api/v1/nodes');
    const poolNodes = nodesInPool(pool, nodes);
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
    expect(plan.estimatedMinutes).toEqual({ low: 10, high: 20 });
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
      rebootOnceKeepInTree: ['c'],
      unchecked: ['d', 'e'],
      estimatedMinutes: { low: 14, high: 28 },
      paused: true,
    });
  });

  it('answers Error when the registry gave no status for an image', () => {
    const request = imageStreamImportRequest(['quay.io/x/y:k1'], 'ns');
    expect(readImageChecks({ ...request, status: { images: [] } })).toEqual([
      {
        reference: 'quay.io/x/y:k1',
        result: 'Error',
        message: 'the registry gave no answer for this image',
      },
    ]);
  });
});
