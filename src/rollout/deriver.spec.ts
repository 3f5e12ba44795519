/**
 * The incremental deriver: what it recomputes when one object changes, what it remembers between
 * calls (when phases began, how long nodes took), and the time estimate.
 */
import type { MachineConfigPool, Node } from '../k8s/types';
import { NOW, R1, R2, ago, node, pool } from '../../test/support/rollout-objects';
import {
  DEFAULT_DAY1_REBOOT_MS,
  DEFAULT_NODE_UPDATE_MS,
  RolloutDeriver,
  deriveRollout,
  estimateRemainingMs,
  formatPoolMessage,
} from '.';
import type { RolloutInput } from '.';
import { produceMachineConfig } from '../producer';
import { SFC_EXAMPLE } from '../../test/support/examples';

const MINUTE = 60_000;

/** Two pools of three nodes; worker is rolling out R2, infra is settled. */
const cluster = (): RolloutInput => ({
  pools: [pool(), pool({ name: 'infra', target: 'rendered-infra-1', current: 'rendered-infra-1' })],
  nodes: [
    node('w1', { current: R2 }),
    node('w2', { desired: R2, state: 'Working', desiredDrain: `drain-${R2}` }),
    node('w3'),
    ...['i1', 'i2', 'i3'].map((name) =>
      node(name, { roles: ['worker', 'infra'], current: 'rendered-infra-1' }),
    ),
  ],
});

const replaceNode = (input: RolloutInput, replacement: Node): RolloutInput => ({
  ...input,
  nodes: input.nodes.map((n) => (n.metadata.name === replacement.metadata.name ? replacement : n)),
});

describe('incremental derivation', () => {
  it('returns the same rollout object when nothing changed', () => {
    const deriver = new RolloutDeriver();
    const input = cluster();
    const first = deriver.derive(input, NOW);
    // New arrays around the same objects, as a watch hook may give.
    expect(deriver.derive({ ...input, nodes: [...input.nodes] }, NOW)).toBe(first);
  });

  it('recomputes only the changed node and its pool; everything else keeps its identity', () => {
    const deriver = new RolloutDeriver();
    const input = cluster();
    const before = deriver.derive(input, NOW);
    const after = deriver.derive(
      replaceNode(input, node('w3', { desired: R2, state: 'Working' })),
      NOW,
    );
    const [workerBefore, infraBefore] = before.pools;
    const [workerAfter, infraAfter] = after.pools;
    expect(infraAfter).toBe(infraBefore);
    expect(workerAfter).not.toBe(workerBefore);
    expect(workerAfter.nodes[0]).toBe(workerBefore.nodes[0]);
    expect(workerAfter.nodes[1]).toBe(workerBefore.nodes[1]);
    expect(workerAfter.nodes[2]).not.toBe(workerBefore.nodes[2]);
    expect(workerAfter.nodes[2].phase).toBe('Updating');
    // The incremental result is the from-scratch result, apart from what the deriver remembers.
    const scratch = deriveRollout(
      replaceNode(input, node('w3', { desired: R2, state: 'Working' })),
      NOW,
    );
    expect(after.pools.map((p) => p.nodes.map((n) => [n.name, n.phase, n.message]))).toEqual(
      scratch.pools.map((p) => p.nodes.map((n) => [n.name, n.phase, n.message])),
    );
  });

  it("re-derives a pool's nodes when its target moves, and not when only its status changes", () => {
    const deriver = new RolloutDeriver();
    const input = cluster();
    const before = deriver.derive(input, NOW);
    const statusOnly = deriver.derive(
      { ...input, pools: [{ ...input.pools[0], status: { machineCount: 3 } }, input.pools[1]] },
      NOW,
    );
    expect(statusOnly.pools[0].nodes).toBe(before.pools[0].nodes);
    const [worker, infra] = input.pools as [MachineConfigPool, MachineConfigPool];
    const moved = deriver.derive(
      {
        ...input,
        pools: [{ ...worker, spec: { ...worker.spec, configuration: { name: R1 } } }, infra],
      },
      NOW,
    );
    // Back to R1: w1 waits to go back, w2 finishes its drain for R2 first, w3 is there already.
    expect(moved.pools[0].nodes.map((n) => n.phase)).toEqual(['Pending', 'Draining', 'Updated']);
    expect(moved.pools[1]).toBe(before.pools[1]);
  });

  it('moves a node to another pool when its labels change, and drops deleted nodes', () => {
    const deriver = new RolloutDeriver();
    const input = cluster();
    deriver.derive(input, NOW);
    const relabelled = deriver.derive(
      replaceNode(input, node('w1', { roles: ['worker', 'infra'], current: 'rendered-infra-1' })),
      NOW,
    );
    expect(relabelled.pools.map((p) => p.nodes.map((n) => n.name))).toEqual([
      ['w2', 'w3'],
      ['i1', 'i2', 'i3', 'w1'],
    ]);
    const deleted = deriver.derive({ ...input, nodes: input.nodes.slice(1) }, NOW);
    expect(deleted.pools[0].nodes.map((n) => n.name)).toEqual(['w2', 'w3']);
  });
});

describe('what the deriver remembers', () => {
  it('dates a phase it saw begin when MCO does not say, and keeps that date while it lasts', () => {
    const deriver = new RolloutDeriver();
    const input = cluster();
    const t0 = NOW;
    expect(deriver.derive(input, t0).pools[0].nodes[2]).toMatchObject({
      phase: 'Pending',
      since: undefined,
    });
    const t1 = NOW + MINUTE;
    const targeted = replaceNode(input, node('w3', { desired: R2, state: 'Working' }));
    const atT1 = deriver.derive(targeted, t1).pools[0].nodes[2];
    expect(atT1).toMatchObject({
      phase: 'Updating',
      since: new Date(t1).toISOString(),
      updateStartedAt: new Date(t1).toISOString(),
    });
    // A change that keeps the phase keeps its start.
    const t2 = NOW + 2 * MINUTE;
    const sameStep = replaceNode(input, node('w3', { desired: R2, state: 'Working', reason: 'x' }));
    expect(deriver.derive(sameStep, t2).pools[0].nodes[2].since).toBe(new Date(t1).toISOString());
  });

  it('estimates from the durations it saw once nodes finish', () => {
    const deriver = new RolloutDeriver();
    const nodes = ['a', 'b', 'c', 'd'].map((name) => node(name));
    let input: RolloutInput = { pools: [pool()], nodes };
    expect(deriver.derive(input, NOW).pools[0]).toMatchObject({
      estimatedSecondsLeft: (4 * DEFAULT_NODE_UPDATE_MS) / 1000,
      estimateBasis: 'default',
    });
    // Node a takes 2 minutes: targeted at NOW, done at NOW + 2 min.
    input = replaceNode(input, node('a', { desired: R2, state: 'Working' }));
    deriver.derive(input, NOW);
    input = replaceNode(input, node('a', { current: R2 }));
    const worker = deriver.derive(input, NOW + 2 * MINUTE).pools[0];
    expect(worker).toMatchObject({
      completion: 25,
      estimateBasis: 'observed',
      estimatePerNodeMs: 2 * MINUTE,
      // Three nodes left, one at a time, 2 minutes each: 6 minutes. The figure shown was 24 minutes,
      // 22 two minutes on: it moves there, at most by half in one sample.
      estimatedSecondsLeft: 660,
    });
    // The page derives again every 10 s: the figure closes in on the new estimate without jumping.
    let shown = worker.estimatedSecondsLeft ?? 0;
    for (let tick = 1; tick <= 30; tick++) {
      const next = deriver.derive(input, NOW + 2 * MINUTE + tick * 10_000).pools[0]
        .estimatedSecondsLeft;
      expect(next).toBeDefined();
      const figure = next ?? 0;
      expect(figure / shown).toBeLessThanOrEqual(2);
      expect(shown / figure).toBeLessThanOrEqual(2);
      shown = figure;
    }
    expect(shown).toBeGreaterThan(0.75 * 3 * 120);
    expect(shown).toBeLessThan(1.25 * 3 * 120);
  });

  it('ignores what a from-scratch derivation cannot know', () => {
    const rollout = deriveRollout(
      { pools: [pool()], nodes: [node('a', { desired: R2, state: 'Working' })] },
      NOW,
    );
    expect(rollout.pools[0].nodes[0]).toMatchObject({
      since: undefined,
      updateStartedAt: undefined,
    });
  });
});

describe('the time estimate', () => {
  const perNodeMs = 6 * MINUTE;

  it('runs maxUnavailable nodes at a time, each slot taking the next node when it frees up', () => {
    // One slot: the node in progress has 4 minutes left, then 3 nodes of 6.
    expect(
      estimateRemainingMs({
        inProgressElapsedMs: [2 * MINUTE],
        waiting: 3,
        slots: 1,
        perNodeMs,
        tailMs: 0,
      }),
    ).toBe(22 * MINUTE);
    // Two slots free at 3 and 5 minutes (one start unknown: half done); 5 waiting: 3 go to the
    // first slot, 2 to the second.
    expect(
      estimateRemainingMs({
        inProgressElapsedMs: [MINUTE, undefined],
        waiting: 5,
        slots: 2,
        perNodeMs,
        tailMs: 0,
      }),
    ).toBe(21 * MINUTE);
  });

  it('never counts a node as done before it is, nor a future start as more than a whole node', () => {
    expect(
      estimateRemainingMs({
        inProgressElapsedMs: [60 * MINUTE],
        waiting: 0,
        slots: 1,
        perNodeMs,
        tailMs: 0,
      }),
    ).toBe(0.1 * perNodeMs);
    expect(
      estimateRemainingMs({
        inProgressElapsedMs: [-5 * MINUTE],
        waiting: 0,
        slots: 1,
        perNodeMs,
        tailMs: 0,
      }),
    ).toBe(perNodeMs);
    expect(
      estimateRemainingMs({ inProgressElapsedMs: [], waiting: 0, slots: 1, perNodeMs, tailMs: 5 }),
    ).toBe(0);
  });

  it('adds the Day 1 reboot after the last node when the target brings a Day 1 config', () => {
    const rollout = deriveRollout(
      {
        pools: [pool({ sources: ['00-worker', '99-sfc-day1'], maxUnavailable: '50%' })],
        nodes: ['a', 'b', 'c', 'd'].map((name) => node(name)),
      },
      NOW,
    );
    expect(rollout.pools[0]).toMatchObject({
      maxUnavailable: 2,
      estimatedSecondsLeft: (2 * DEFAULT_NODE_UPDATE_MS + DEFAULT_DAY1_REBOOT_MS) / 1000,
    });
  });

  it("puts the Day 1 reboot inside each node's update when the pull unit runs before the kubelet", () => {
    const day1 = produceMachineConfig(SFC_EXAMPLE);
    const rollout = deriveRollout(
      {
        pools: [pool({ sources: ['00-worker', '99-sfc-day1'], maxUnavailable: '50%' })],
        nodes: ['a', 'b', 'c', 'd'].map((name) => node(name)),
        machineConfigs: [day1],
      },
      NOW,
    );
    expect(rollout.pools[0].day1Configs[0].summary?.pullRebootInMcoWindow).toBe(true);
    expect(rollout.pools[0]).toMatchObject({
      maxUnavailable: 2,
      estimatedSecondsLeft: (2 * (DEFAULT_NODE_UPDATE_MS + DEFAULT_DAY1_REBOOT_MS)) / 1000,
    });
  });

  it('uses the start MachineConfigNodes give', () => {
    const input = {
      pools: [pool()],
      nodes: [node('a', { desired: R2, state: 'Working', desiredDrain: `drain-${R2}` })],
      machineConfigNodes: [
        {
          metadata: { name: 'a' },
          spec: { configVersion: { desired: R2 } },
          status: {
            conditions: [{ type: 'Updated', status: 'False' as const, lastTransitionTime: ago(2) }],
          },
        },
      ],
    };
    expect(deriveRollout(input, NOW).pools[0].estimatedSecondsLeft).toBe(4 * 60);
  });
});

describe('a pool MCO has not rendered yet', () => {
  it('names no config it does not know', () => {
    const fresh = {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfigPool',
      metadata: { name: 'fresh' },
      spec: { nodeSelector: { matchLabels: { 'node-role.kubernetes.io/fresh': '' } } },
    } as const;
    const [pool] = deriveRollout({ pools: [fresh], nodes: [] }).pools;
    expect(pool.state).toBe('Updated');
    expect(pool.message).toEqual({ code: 'allUpdated', params: {} });
    expect(formatPoolMessage(pool.message)).toBe('All nodes are updated');
    expect(pool.targetConfig).toBeUndefined();
  });
});
