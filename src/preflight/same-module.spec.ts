/**
 * @jest-environment node
 */
import type { MachineConfig, MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfig, produceMachineConfigPool, ROLE_LABEL } from '../producer';
import { day1ConfigsLoadingSameModule } from '.';

const node = (name: string, roles: string[]): Node => ({
  metadata: {
    name,
    labels: Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
  },
});

const builtInPool = (name: string): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': name } },
    nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
  },
});

/** master-0; worker-0..3 in worker; worker-4 and worker-5 in the custom pool sfc. */
const NODES: Node[] = [
  node('master-0', ['master', 'control-plane']),
  ...[0, 1, 2, 3].map((i) => node(`worker-${String(i)}`, ['worker'])),
  node('worker-4', ['worker', 'sfc']),
  node('worker-5', ['worker', 'sfc']),
];
const POOLS: MachineConfigPool[] = [
  builtInPool('master'),
  builtInPool('worker'),
  produceMachineConfigPool('sfc', { maxUnavailable: 1 }),
];

const day1 = (name: string, pool: string, module: string): MachineConfig =>
  produceMachineConfig({
    machineConfigName: name,
    machineConfigPoolRef: pool,
    kernelModuleImage: `quay.io/acme/${module}-kmod`,
    kernelModuleName: module,
  });

const planned = (pool: string, module = 'sfc') => ({
  machineConfigName: `99-${pool}-${module}-day1`,
  kernelModuleName: module,
  poolName: pool,
});

describe('day1ConfigsLoadingSameModule', () => {
  it('finds a config for the same pool that loads the same module', () => {
    const existing = day1('99-sfc-sfc-old', 'sfc', 'sfc');
    expect(day1ConfigsLoadingSameModule(planned('sfc'), [existing], POOLS, NODES)).toEqual([
      {
        machineConfigName: '99-sfc-sfc-old',
        kernelModuleName: 'sfc',
        machineConfigPoolRef: 'sfc',
        pools: ['sfc'],
        nodeNames: ['worker-4', 'worker-5'],
      },
    ]);
  });

  it("finds a worker config on a custom pool's nodes, which inherit worker's configs", () => {
    const existing = day1('99-worker-sfc-day1', 'worker', 'sfc');
    expect(day1ConfigsLoadingSameModule(planned('sfc'), [existing], POOLS, NODES)).toEqual([
      expect.objectContaining({
        machineConfigName: '99-worker-sfc-day1',
        machineConfigPoolRef: 'worker',
        pools: ['sfc'],
        nodeNames: ['worker-4', 'worker-5'],
      }),
    ]);
    // And the other way round: a new worker config reaches sfc's nodes, where the sfc config loads it.
    const custom = day1('99-sfc-sfc-day1', 'sfc', 'sfc');
    expect(day1ConfigsLoadingSameModule(planned('worker'), [custom], POOLS, NODES)).toEqual([
      expect.objectContaining({ pools: ['sfc'], nodeNames: ['worker-4', 'worker-5'] }),
    ]);
  });

  it('treats "-" and "_" in module names alike, as modprobe does', () => {
    const existing = day1('99-sfc-nvme-day1', 'sfc', 'nvme_core');
    expect(
      day1ConfigsLoadingSameModule(planned('sfc', 'nvme-core'), [existing], POOLS, NODES),
    ).toEqual([expect.objectContaining({ kernelModuleName: 'nvme_core' })]);
  });

  it('leaves out other modules, other nodes, its own name and configs that are not Day 1 configs', () => {
    const others = [
      day1('99-sfc-ice-day1', 'sfc', 'ice'),
      day1('99-master-sfc-day1', 'master', 'sfc'),
      // A config of the planned name: the taken name is reported on its own.
      day1('99-sfc-sfc-day1', 'sfc', 'sfc'),
      // MCO's rendered config holds every unit of the pool's configs, but is not one of them.
      {
        ...day1('sfc-rendered', 'sfc', 'sfc'),
        metadata: { name: 'rendered-sfc-0123', labels: { [ROLE_LABEL]: 'sfc' } },
      },
    ];
    expect(day1ConfigsLoadingSameModule(planned('sfc'), others, POOLS, NODES)).toEqual([]);
  });

  it('says nothing until the module and the pool are known', () => {
    const existing = [day1('99-sfc-sfc-old', 'sfc', 'sfc')];
    expect(day1ConfigsLoadingSameModule(planned('sfc', ''), existing, POOLS, NODES)).toEqual([]);
    expect(day1ConfigsLoadingSameModule(planned(''), existing, POOLS, NODES)).toEqual([]);
  });

  it('for a new custom pool, looks at the chosen nodes as members of the new pool', () => {
    const gpu = produceMachineConfigPool('gpu', { maxUnavailable: 1 });
    const plannedGpu = {
      ...planned('gpu'),
      newPool: { pool: gpu, nodeNames: ['worker-0', 'worker-1'] },
    };
    const existing = [
      day1('99-worker-sfc-day1', 'worker', 'sfc'),
      day1('99-sfc-sfc-day1', 'sfc', 'sfc'),
    ];
    expect(day1ConfigsLoadingSameModule(plannedGpu, existing, [...POOLS], NODES)).toEqual([
      {
        machineConfigName: '99-worker-sfc-day1',
        kernelModuleName: 'sfc',
        machineConfigPoolRef: 'worker',
        pools: ['gpu'],
        nodeNames: ['worker-0', 'worker-1'],
      },
    ]);
    // Without chosen nodes the new pool reaches none.
    expect(
      day1ConfigsLoadingSameModule(
        { ...plannedGpu, newPool: { pool: gpu, nodeNames: [] } },
        existing,
        POOLS,
        NODES,
      ),
    ).toEqual([]);
  });
});
