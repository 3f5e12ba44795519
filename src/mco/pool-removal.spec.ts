import { node, pool } from '../../test/support/rollout-objects';
import type { MachineConfig, MachineConfigPool } from '../k8s/types';
import { POOL_CREATED_FOR_ANNOTATION, produceMachineConfig } from '../producer';
import { nodeHasLeftPool, poolRemovalFor } from './pool-removal';

const day1 = (name: string, poolRef: string): MachineConfig =>
  produceMachineConfig({
    machineConfigName: name,
    machineConfigPoolRef: poolRef,
    kernelModuleImage: 'quay.io/acme/sfc-kmod',
    kernelModuleName: 'sfc',
  });

const createdFor = (p: MachineConfigPool, mc: string): MachineConfigPool => ({
  ...p,
  metadata: { ...p.metadata, annotations: { [POOL_CREATED_FOR_ANNOTATION]: mc } },
});

const plain = (name: string, role: string): MachineConfig => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfig',
  metadata: { name, labels: { 'machineconfiguration.openshift.io/role': role } },
  spec: { config: { ignition: { version: '3.2.0' } } },
});

const pools = () => [pool({ name: 'worker' }), createdFor(pool({ name: 'sfc' }), '99-sfc-day1')];
const nodes = () => [
  node('worker-0'),
  node('worker-5', { roles: ['sfc', 'worker'] }),
  node('worker-4', { roles: ['sfc', 'worker'] }),
];

describe('poolRemovalFor', () => {
  it('offers the pool created for the config, its labels, and where each node goes', () => {
    expect(poolRemovalFor('99-sfc-day1', pools(), [day1('99-sfc-day1', 'sfc')], nodes())).toEqual({
      code: 'removable',
      pool: 'sfc',
      labels: { 'node-role.kubernetes.io/sfc': '' },
      nodes: [
        { name: 'worker-4', nextPool: 'worker' },
        { name: 'worker-5', nextPool: 'worker' },
      ],
    });
  });

  it('offers nothing for a pool this product did not create, or created for another config', () => {
    const unmarked = [pool({ name: 'worker' }), pool({ name: 'sfc' })];
    expect(poolRemovalFor('99-sfc-day1', unmarked, [], nodes())).toEqual({ code: 'noPool' });
    expect(poolRemovalFor('99-other', pools(), [], nodes())).toEqual({ code: 'noPool' });
  });

  it('keeps the pool when another config reaches nodes only through it', () => {
    const configs = [day1('99-sfc-day1', 'sfc'), plain('99-sfc-chrony', 'sfc')];
    expect(poolRemovalFor('99-sfc-day1', pools(), configs, nodes())).toEqual({
      code: 'poolNeeded',
      pool: 'sfc',
      configs: ['99-sfc-chrony'],
    });
  });

  it('does not count worker configs, which the nodes keep in worker, nor rendered configs', () => {
    const configs = [
      day1('99-sfc-day1', 'sfc'),
      plain('00-worker', 'worker'),
      plain('rendered-sfc-0123', 'sfc'),
    ];
    expect(poolRemovalFor('99-sfc-day1', pools(), configs, nodes()).code).toBe('removable');
  });

  it('keeps the pool when a node would be in no pool once the label is gone', () => {
    const lone = node('lone', { roles: ['sfc'] });
    expect(poolRemovalFor('99-sfc-day1', pools(), [], [...nodes(), lone])).toEqual({
      code: 'nodesWithoutPool',
      pool: 'sfc',
      nodes: ['lone'],
    });
  });

  it('refuses a pool that selects its nodes by expressions', () => {
    const byExpression = createdFor(pool({ name: 'sfc' }), '99-sfc-day1');
    byExpression.spec.nodeSelector = {
      matchExpressions: [{ key: 'node-role.kubernetes.io/sfc', operator: 'Exists' }],
    };
    expect(poolRemovalFor('99-sfc-day1', [pool({ name: 'worker' }), byExpression], [], [])).toEqual(
      { code: 'selectorNotLabels', pool: 'sfc' },
    );
  });
});

describe('nodeHasLeftPool', () => {
  it('is true only once MCO is done with the node on a config that is not the pool’s', () => {
    const onSfc = 'rendered-sfc-1111';
    const onWorker = 'rendered-worker-2222';
    expect(nodeHasLeftPool(node('n', { current: onSfc }), 'sfc')).toBe(false);
    expect(nodeHasLeftPool(node('n', { current: onSfc, desired: onWorker }), 'sfc')).toBe(false);
    expect(nodeHasLeftPool(node('n', { current: onWorker, state: 'Working' }), 'sfc')).toBe(false);
    expect(nodeHasLeftPool(node('n', { current: onWorker }), 'sfc')).toBe(true);
  });
});
