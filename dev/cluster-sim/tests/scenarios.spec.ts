/**
 * @jest-environment node
 */
import { ManualClock } from '../core/clock';
import type { MachineConfigObject, NodeObject, PoolObject } from '../core/kube-types';
import {
  BOOT_MODULE_CONFIGS,
  MACHINE_CONFIGS,
  MACHINE_CONFIG_NODES,
  MACHINE_CONFIG_POOLS,
  NAMESPACES,
  NODES,
} from '../core/resources';
import { ANNOTATIONS } from '../mco/constants';
import { buildScenario } from '../scenarios';
import { Simulation } from '../simulation';

const start = (scenario: 'demo' | 'coverage' | 'large' | 'empty') =>
  new Simulation({ clock: new ManualClock(), scenario, timeScale: 1, log: () => undefined });

const conditionOf = (pool: PoolObject, type: string) =>
  pool.status?.conditions?.find((c) => c.type === type)?.status;

describe('scenarios', () => {
  it('coverage: the demo cluster, then KMM’s ice config for workers, whose image lacks one kernel', () => {
    const simulation = start('coverage');
    const ice = simulation.store.get(MACHINE_CONFIGS, undefined, '99-ice-day1') as
      MachineConfigObject | undefined;
    expect(ice?.metadata.labels['machineconfiguration.openshift.io/role']).toBe('worker');
    const kernels = new Set(
      (simulation.store.list(NODES) as NodeObject[]).map((n) => n.status.nodeInfo.kernelVersion),
    );
    const has = (kernel: string) =>
      simulation.registry.lookup(`quay.io/acme/ice-kmod:${kernel}`, false).found;
    expect([...kernels].filter(has)).toEqual(['5.14.0-427.13.1.el9_4.x86_64']);
    expect([...kernels].filter((kernel) => !has(kernel))).toEqual(['5.14.0-284.59.1.el9_2.x86_64']);
    expect(start('demo').store.get(MACHINE_CONFIGS, undefined, '99-ice-day1')).toBeUndefined();
    // KMM 2.5 manages it: a BootModuleConfig names it.
    const bmcs = simulation.store.list(BOOT_MODULE_CONFIGS) as unknown as {
      metadata: { namespace: string };
      spec: { machineConfigName: string };
    }[];
    expect(bmcs.map((bmc) => [bmc.metadata.namespace, bmc.spec.machineConfigName])).toEqual([
      ['openshift-kmm', '99-ice-day1'],
    ]);
    expect(start('demo').store.list(BOOT_MODULE_CONFIGS)).toEqual([]);
  });

  it('demo: 3 masters, 6 workers, an sfc pool with 2 of them, two kernels, all Updated', () => {
    const simulation = start('demo');
    const { store } = simulation;
    const nodes = store.list(NODES) as NodeObject[];
    expect(nodes).toHaveLength(9);
    const pools = store.list(MACHINE_CONFIG_POOLS) as PoolObject[];
    expect(pools.map((p) => [p.metadata.name, p.status?.machineCount])).toEqual([
      ['master', 3],
      ['sfc', 2],
      ['worker', 4],
    ]);
    const sfc = pools.find((p) => p.metadata.name === 'sfc');
    expect(sfc?.spec).toMatchObject({
      machineConfigSelector: {
        matchExpressions: [
          {
            key: 'machineconfiguration.openshift.io/role',
            operator: 'In',
            values: ['worker', 'sfc'],
          },
        ],
      },
      nodeSelector: { matchLabels: { 'node-role.kubernetes.io/sfc': '' } },
      maxUnavailable: 1,
    });
    for (const pool of pools) {
      expect(conditionOf(pool, 'Updated')).toBe('True');
      expect(conditionOf(pool, 'Updating')).toBe('False');
      expect(pool.status?.configuration?.name).toBe(pool.spec.configuration?.name);
      expect(pool.status?.conditions?.map((c) => c.type)).toEqual([
        'RenderDegraded',
        'NodeDegraded',
        'Degraded',
        'Updated',
        'Updating',
      ]);
    }
    const kernels = new Set(
      nodes
        .filter((n) => n.metadata.name.startsWith('worker'))
        .map((n) => n.status.nodeInfo.kernelVersion),
    );
    expect([...kernels].sort()).toEqual([
      '5.14.0-284.59.1.el9_2.x86_64',
      '5.14.0-427.13.1.el9_4.x86_64',
    ]);
    const sfcKernels = ['worker-4', 'worker-5'].map(
      (n) => (store.get(NODES, undefined, n) as NodeObject).status.nodeInfo.kernelVersion,
    );
    expect(new Set(sfcKernels).size).toBe(2);
    for (const node of nodes) {
      expect(node.metadata.annotations?.[ANNOTATIONS.state]).toBe('Done');
      expect(node.metadata.annotations?.[ANNOTATIONS.currentConfig]).toBe(
        node.metadata.annotations?.[ANNOTATIONS.desiredConfig],
      );
    }
    expect(store.count(MACHINE_CONFIG_NODES)).toBe(9);
    expect(store.list(NAMESPACES).map((n) => n.metadata.name)).toEqual([
      'default',
      'kmm-day1-checks',
      'openshift',
      'openshift-machine-config-operator',
    ]);
    expect(
      simulation.registry.lookup('quay.io/acme/sfc-kmod:5.14.0-284.59.1.el9_2.x86_64', false).found,
    ).toBe(true);
    expect(
      simulation.registry.lookup('quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64', false).found,
    ).toBe(true);
    expect(
      simulation.registry.lookup('quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64', false).found,
    ).toBe(false);
    expect(
      simulation.registry.lookup(
        'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
        false,
      ).found,
    ).toBe(true);
    // Nothing moves on a settled cluster.
    expect(simulation.pendingTimers).toBe(0);
    simulation.stop();
  });

  // How long building it takes is a benchmark figure (npm run bench), not a test: no timing limits in tests.
  it('large: 2,000 nodes in 10 pools, all Updated', () => {
    const simulation = start('large');
    const pools = simulation.store.list(MACHINE_CONFIG_POOLS) as PoolObject[];
    expect(pools).toHaveLength(10);
    expect(simulation.store.count(NODES)).toBe(2000);
    expect(pools.reduce((sum, p) => sum + (p.status?.machineCount ?? 0), 0)).toBe(2000);
    expect(pools.every((p) => conditionOf(p, 'Updated') === 'True')).toBe(true);
    simulation.stop();
  });

  it('empty: masters and workers, no custom pool', () => {
    const scenario = buildScenario('empty', Date.now());
    expect(scenario.pools.map((p) => p.metadata.name)).toEqual(['master', 'worker']);
    expect(scenario.nodes).toHaveLength(6);
  });

  it('is the same at every start (names, uids, boot IDs)', () => {
    const a = buildScenario('demo', Date.parse('2026-01-01T00:00:00Z'));
    const b = buildScenario('demo', Date.parse('2026-01-01T00:00:00Z'));
    expect(b.nodes.map((n) => n.status.nodeInfo.bootID)).toEqual(
      a.nodes.map((n) => n.status.nodeInfo.bootID),
    );
    expect(b.pools.map((p) => p.spec.configuration?.name)).toEqual(
      a.pools.map((p) => p.spec.configuration?.name),
    );
  });
});
