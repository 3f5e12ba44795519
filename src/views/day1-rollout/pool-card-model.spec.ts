import { NOW, R1, R2, node, pool } from '../../../test/support/rollout-objects';
import { RolloutDeriver } from '../../rollout';
import type { RolloutInput } from '../../rollout';
import type { MachineConfig } from '../../k8s/types';
import { produceMachineConfig } from '../../producer';
import { sameDay1ConfigLabels, samePoolSummary } from './pool-card-model';

const input: RolloutInput = {
  pools: [pool({ target: R2, current: R1 })],
  nodes: [node('w1', { current: R2 }), node('w2'), node('w3')],
};

describe('samePoolSummary', () => {
  it('ignores a node change that leaves what the card shows as it was', () => {
    const deriver = new RolloutDeriver();
    const before = deriver.derive(input, NOW).pools[0];
    // A new revision of a node (a heartbeat, a label) that changes nothing MCO reads.
    const w3 = node('w3');
    const touched = { ...w3, metadata: { ...w3.metadata, resourceVersion: '99' } };
    const after = deriver.derive({ ...input, nodes: [...input.nodes.slice(0, 2), touched] }, NOW)
      .pools[0];
    expect(after).not.toBe(before);
    expect(after.nodes).not.toBe(before.nodes);
    expect(samePoolSummary(before, after)).toBe(true);
  });

  it('sees a change of phase counts, counts and target', () => {
    const deriver = new RolloutDeriver();
    const before = deriver.derive(input, NOW).pools[0];
    const finished = deriver.derive(
      { ...input, nodes: [...input.nodes.slice(0, 2), node('w3', { current: R2 })] },
      NOW,
    ).pools[0];
    expect(samePoolSummary(before, finished)).toBe(false);
    expect(samePoolSummary(before, { ...before, machineCount: before.machineCount + 1 })).toBe(
      false,
    );
    expect(samePoolSummary(before, { ...before, targetConfig: R1 })).toBe(false);
    expect(
      samePoolSummary(before, { ...before, message: { code: 'mco', params: { text: 'other' } } }),
    ).toBe(false);
    expect(samePoolSummary(before, { ...before, day1Configs: [] })).toBe(
      before.day1Configs.length === 0,
    );
  });
});

describe('sameDay1ConfigLabels', () => {
  const mc = produceMachineConfig({
    machineConfigName: '99-sfc-day1',
    machineConfigPoolRef: 'sfc',
    kernelModuleImage: 'quay.io/acme/sfc-kmod',
    kernelModuleName: 'sfc',
  });
  const labels = (machineConfig: MachineConfig) => [
    { name: '99-sfc-day1', recognisedBy: 'content' as const, machineConfig, new: false },
  ];

  it('sees a new revision of the MachineConfig, whose owners the Edit link reads', () => {
    const same = labels(mc);
    expect(sameDay1ConfigLabels(same, labels(mc))).toBe(true);
    const owned = {
      ...mc,
      metadata: {
        ...mc.metadata,
        ownerReferences: [
          { apiVersion: 'kmm.sigs.x-k8s.io/v1beta1', kind: 'BootModuleConfig', name: 'sfc-boot' },
        ],
      },
    } as MachineConfig;
    expect(sameDay1ConfigLabels(same, labels(owned))).toBe(false);
  });
});
