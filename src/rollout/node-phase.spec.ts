/**
 * The phase rules, one by one: each test builds the objects MCO leaves at a step of an update and checks
 * the node's phase, reason, message and since, and the pool around it.
 */
import type { MachineConfig, MachineConfigNode, MachineConfigPool, Node } from '../k8s/types';
import type { Day1ConfigSummary } from '../producer';
import {
  NOW,
  R1,
  R2,
  R3,
  ago,
  condition,
  machineConfigNode,
  node,
  pool,
} from '../../test/support/rollout-objects';
import { deriveRollout, formatNodeMessage, formatPoolMessage } from '.';
import type { NodeRollout, Rollout, RolloutInput } from '.';

/** A node with its message in the CLI's English, as the tests below word it. */
const wordedNode = (n: NodeRollout) => ({ ...n, message: formatNodeMessage(n.message) });

/** The rollout with every message in the CLI's English. */
const worded = (rollout: Rollout) => ({
  pools: rollout.pools.map((p) => ({
    ...p,
    message: formatPoolMessage(p.message),
    nodes: p.nodes.map(wordedNode),
  })),
  unpooledNodes: rollout.unpooledNodes.map(wordedNode),
});

const derive = (input: Partial<RolloutInput>) =>
  worded(deriveRollout({ pools: [pool()], nodes: [], ...input }, NOW));

/** The rollout of one node in the default worker pool (target R2). */
const one = (n: Node, extra: Partial<RolloutInput> = {}): ReturnType<typeof wordedNode> => {
  const rollout = derive({ nodes: [n], ...extra });
  const found = [...rollout.pools.flatMap((p) => p.nodes), ...rollout.unpooledNodes].find(
    (r) => r.name === n.metadata.name,
  );
  if (found === undefined) throw new Error(`${n.metadata.name} is not in the rollout`);
  return found;
};

describe('phases from the node annotations (no MachineConfigNode)', () => {
  it('is Updated when Done on the pool target', () => {
    expect(one(node('a', { current: R2 }))).toMatchObject({
      pool: 'worker',
      phase: 'Updated',
      reason: 'Done',
      message: '',
      currentConfig: R2,
      desiredConfig: R2,
      source: 'annotations',
      updated: true,
      ready: true,
      unavailable: false,
      degraded: false,
    });
  });

  it('is Pending while MCO has not targeted it yet', () => {
    expect(one(node('a'))).toMatchObject({
      phase: 'Pending',
      reason: 'AwaitingUpdate',
      message: `Waiting for MCO to update the node to ${R2}`,
      updated: false,
      unavailable: false,
    });
  });

  it('is Paused in a paused pool, and the pool is Paused with no estimate', () => {
    const rollout = derive({ pools: [pool({ paused: true })], nodes: [node('a')] });
    const [worker] = rollout.pools;
    expect(worker.nodes[0]).toMatchObject({ phase: 'Paused', reason: 'PoolPaused' });
    expect(worker.nodes[0].message).toContain('Pool worker is paused');
    expect(worker).toMatchObject({
      state: 'Paused',
      paused: true,
      message: `Pool is paused; will not update to MachineConfig ${R2}`,
      estimatedSecondsLeft: undefined,
      completion: 0,
    });
  });

  it('keeps a node that started before the pause updating, as its daemon carries on', () => {
    const draining = node('a', {
      desired: R2,
      state: 'Working',
      desiredDrain: `drain-${R2}`,
      cordonedAt: ago(3),
    });
    const rollout = derive({ pools: [pool({ paused: true })], nodes: [draining, node('b')] });
    expect(rollout.pools[0].nodes.map((n) => n.phase)).toEqual(['Draining', 'Paused']);
    expect(rollout.pools[0].state).toBe('Paused');
  });

  it('is Draining, as oc says, once targeted but before the daemon starts', () => {
    expect(one(node('a', { desired: R2 }))).toMatchObject({
      phase: 'Draining',
      reason: 'AwaitingDaemon',
      unavailable: true,
    });
  });

  it('is Updating while the daemon prepares, before it asks for a drain', () => {
    expect(one(node('a', { desired: R2, state: 'Working' }))).toMatchObject({
      phase: 'Updating',
      reason: 'Preparing',
      message: `The machine-config daemon is updating the node to ${R2}`,
    });
  });

  it('is Draining from the drain request until the drain controller acknowledges it', () => {
    expect(
      one(
        node('a', {
          desired: R2,
          state: 'Working',
          desiredDrain: `drain-${R2}`,
          cordonedAt: ago(4),
        }),
      ),
    ).toMatchObject({ phase: 'Draining', reason: 'Draining', since: ago(4) });
  });

  it('is Updating while it writes files, once drained', () => {
    expect(
      one(
        node('a', {
          desired: R2,
          state: 'Working',
          desiredDrain: `drain-${R2}`,
          lastAppliedDrain: `drain-${R2}`,
          cordonedAt: ago(4),
        }),
      ),
    ).toMatchObject({ phase: 'Updating', reason: 'Applying' });
  });

  it.each([
    ['post-config-action: Rebooting', { postConfigAction: 'Rebooting' }, undefined],
    ['a "Rebooting" state (what oc reads)', { state: 'Rebooting' }, undefined],
    ['the node going NotReady once drained', { ready: false, readySince: ago(2) }, ago(2)],
  ])('is Rebooting from %s', (_what, options, since) => {
    const rebooting = one(
      node('a', {
        desired: R2,
        state: 'Working',
        desiredDrain: `drain-${R2}`,
        lastAppliedDrain: `drain-${R2}`,
        ...options,
      }),
    );
    expect(rebooting).toMatchObject({ phase: 'Rebooting', reason: 'Rebooting' });
    expect(rebooting.since).toBe(since);
  });

  it('is Updating while it waits for the uncordon after the reboot', () => {
    expect(
      one(
        node('a', {
          desired: R2,
          state: 'Working',
          desiredDrain: `uncordon-${R2}`,
          lastAppliedDrain: `drain-${R2}`,
        }),
      ),
    ).toMatchObject({ phase: 'Updating', reason: 'Completing' });
  });

  it('is Updating for an empty or unknown daemon state', () => {
    for (const state of ['', 'SomethingNew']) {
      expect(one(node('a', { desired: R2, state }))).toMatchObject({
        phase: 'Updating',
        reason: 'Working',
      });
    }
  });

  it('keeps updating towards a desired config the pool has since moved past', () => {
    expect(
      one(node('a', { desired: R2, state: 'Working' }), { pools: [pool({ target: R3 })] }),
    ).toMatchObject({ phase: 'Updating', desiredConfig: R2 });
  });

  it.each([
    ['Degraded', 'Degraded'],
    ['Unreconcilable', 'Unreconcilable'],
  ] as const)('is Degraded when the daemon state is %s, with its reason', (state, reason) => {
    const message =
      'failed to drain node: a after 1 hour. Please see machine-config-controller logs';
    const rollout = derive({
      nodes: [node('a', { desired: R2, state, reason: message }), node('b', { current: R2 })],
    });
    const [worker] = rollout.pools;
    expect(worker.nodes[0]).toMatchObject({ phase: 'Degraded', reason, message, degraded: true });
    expect(worker).toMatchObject({
      state: 'Degraded',
      message: `Node a is reporting: "${message}"`,
      degradedMachineCount: 1,
      estimatedSecondsLeft: undefined,
    });
  });

  it("uses the pool's NodeDegraded message when the pool has one", () => {
    const message = 'Node a is reporting: "boom"';
    const rollout = derive({
      pools: [pool({ conditions: [condition('NodeDegraded', 'True', message)] })],
      nodes: [node('a', { state: 'Degraded', desired: R2, reason: 'boom' })],
    });
    expect(rollout.pools[0]).toMatchObject({ state: 'Degraded', message });
  });

  it('says when a node is unavailable without being updated, in oc words', () => {
    expect(one(node('a', { current: R2, ready: false }))).toMatchObject({
      phase: 'Updated',
      message: 'Not ready',
      unavailable: true,
      updated: true,
      ready: false,
    });
    expect(one(node('a', { unschedulable: true }))).toMatchObject({
      phase: 'Pending',
      message: 'Node is marked unschedulable',
    });
  });
});

describe('pool states', () => {
  it('is RenderDegraded with the render error, whatever the nodes do', () => {
    const message =
      'Failed to render configuration for pool worker: could not generate rendered MachineConfig: parsing Ignition config failed: unknown version.';
    const rollout = derive({
      pools: [
        pool({
          target: R1,
          conditions: [condition('RenderDegraded', 'True', message), condition('Degraded', 'True')],
        }),
      ],
      nodes: [node('a'), node('b')],
    });
    expect(rollout.pools[0]).toMatchObject({
      state: 'RenderDegraded',
      message,
      completion: 100,
      estimatedSecondsLeft: 0,
    });
    expect(rollout.pools[0].nodes.map((n) => n.phase)).toEqual(['Updated', 'Updated']);
  });

  it('is Updated with the condition message once every node is on the target', () => {
    const message = `All nodes are updated with MachineConfig ${R2}`;
    const rollout = derive({
      pools: [pool({ current: R2, conditions: [condition('Updated', 'True', message)] })],
      nodes: [node('a', { current: R2 }), node('b', { current: R2 })],
    });
    expect(rollout.pools[0]).toMatchObject({
      state: 'Updated',
      message,
      machineCount: 2,
      updatedMachineCount: 2,
      readyMachineCount: 2,
      unavailableMachineCount: 0,
      degradedMachineCount: 0,
      completion: 100,
      estimatedSecondsLeft: 0,
      targetConfig: R2,
      currentConfig: R2,
    });
  });

  it("is Updating while its status still says Updated (the pool's status lags)", () => {
    const rollout = derive({
      pools: [pool({ conditions: [condition('Updated', 'True', 'stale')] })],
      nodes: [node('a', { current: R2 }), node('b')],
    });
    expect(rollout.pools[0]).toMatchObject({
      state: 'Updating',
      message: `All nodes are updating to MachineConfig ${R2}`,
      completion: 50,
    });
  });

  it("counts as MCO does: updated needs Done, ready needs updated, degraded nodes don't block", () => {
    const rollout = derive({
      nodes: [
        node('done', { current: R2 }),
        node('done-not-ready', { current: R2, ready: false }),
        node('draining', { desired: R2, state: 'Working', desiredDrain: `drain-${R2}` }),
        node('degraded', { desired: R2, state: 'Degraded', reason: 'x' }),
        node('waiting'),
      ],
    });
    expect(rollout.pools[0]).toMatchObject({
      machineCount: 5,
      updatedMachineCount: 2,
      readyMachineCount: 1,
      // Not ready, and working towards a config; a failing daemon is not counted.
      unavailableMachineCount: 2,
      degradedMachineCount: 1,
      completion: 40,
      phaseCounts: { Updated: 2, Draining: 1, Degraded: 1, Pending: 1 },
    });
  });

  it('lists the Day 1 configs of the target, by content with the objects and by name without', () => {
    const day1 = {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: { name: '99-sfc-load', labels: {} },
      spec: {
        config: {
          ignition: { version: '3.2.0' },
          systemd: {
            units: [
              {
                name: '99-sfc-load-replace-kernel-module.service',
                contents:
                  '[Service]\nEnvironment="KERNEL_MODULE_IMAGE=quay.io/acme/sfc-kmod"\nEnvironment="KERNEL_MODULE=sfc"\n',
              },
            ],
          },
        },
      },
    } as MachineConfig;
    const sources = ['00-worker', '99-sfc-load', '99-worker-sfc-day1'];
    const withObjects = derive({
      pools: [pool({ sources })],
      nodes: [node('a')],
      machineConfigs: [day1],
    });
    expect(withObjects.pools[0].day1Configs).toEqual([
      {
        name: '99-sfc-load',
        recognisedBy: 'content',
        new: true,
        summary: expect.objectContaining({
          kernelModuleName: 'sfc',
          producedBy: 'kmm',
        }) as Day1ConfigSummary,
        machineConfig: day1,
      },
      { name: '99-worker-sfc-day1', recognisedBy: 'name', new: true },
    ]);
    const byName = derive({ pools: [pool({ sources })], nodes: [node('a')] });
    expect(byName.pools[0].day1Configs.map((c) => [c.name, c.recognisedBy])).toEqual([
      ['99-worker-sfc-day1', 'name'],
    ]);
  });
});

describe('pool membership', () => {
  const pools = [
    pool({ name: 'master', target: 'rendered-master-1', current: 'rendered-master-1' }),
    pool(),
    pool({ name: 'sfc', target: 'rendered-sfc-1', current: 'rendered-sfc-1' }),
    pool({ name: 'gpu', target: 'rendered-gpu-1', current: 'rendered-gpu-1' }),
  ];

  it('puts a node in master over a custom pool, and in its custom pool over worker, as MCO does', () => {
    const rollout = derive({
      pools,
      nodes: [
        node('m', { roles: ['master', 'worker', 'sfc'], current: 'rendered-master-1' }),
        node('s', { roles: ['worker', 'sfc'], current: 'rendered-sfc-1' }),
        node('w', { current: R2 }),
      ],
    });
    expect(rollout.pools.map((p) => [p.name, p.nodes.map((n) => n.name)])).toEqual([
      ['master', ['m']],
      ['worker', ['w']],
      ['gpu', []],
      ['sfc', ['s']],
    ]);
    expect(rollout.pools.map((p) => p.state)).toEqual(['Updated', 'Updated', 'Updated', 'Updated']);
  });

  it('reports nodes in no pool: none matches, two custom pools match, or Windows', () => {
    const rollout = derive({
      pools,
      nodes: [
        node('lonely', { roles: [] }),
        node('torn', { roles: ['worker', 'sfc', 'gpu'] }),
        node('win', { labels: { 'kubernetes.io/os': 'windows' } }),
        node('moving', { roles: [], desired: R2, state: 'Working' }),
      ],
    });
    expect(rollout.pools.every((p) => p.machineCount === 0)).toBe(true);
    expect(
      rollout.unpooledNodes.map((n) => [n.name, n.pool, n.phase, n.reason, n.message]),
    ).toEqual([
      ['lonely', undefined, 'Updated', 'NotInPool', 'No MachineConfigPool selects this node'],
      // The daemon still finishes what it was doing.
      [
        'moving',
        undefined,
        'Updating',
        'Preparing',
        `The machine-config daemon is updating the node to ${R2}`,
      ],
      [
        'torn',
        undefined,
        'Updated',
        'PoolConflict',
        'Custom pools gpu, sfc all select this node: MCO manages it in none of them',
      ],
      ['win', undefined, 'Updated', 'NotManaged', 'MCO does not manage Windows nodes'],
    ]);
  });
});

describe('phases from MachineConfigNodes', () => {
  const updating = (conditions: Parameters<typeof machineConfigNode>[2]) =>
    machineConfigNode('a', { current: R1, desired: R2 }, [
      condition('Updated', 'False', 'Node a needs an update', ago(8)),
      condition('UpdatePrepared', 'True', 'Update Compatible.', ago(8)),
      ...(conditions ?? []),
    ]);
  /** The annotations at the same step, for the comparison without the MachineConfigNode. */
  const working = node('a', { desired: R2, state: 'Working', desiredDrain: `drain-${R2}` });

  it('is Draining with the drain controller message, since the cordon', () => {
    const mcn = updating([
      condition(
        'UpdateExecuted',
        'Unknown',
        'Draining Node as part of update executed phase',
        ago(6),
      ),
      condition('Cordoned', 'True', 'Cordoned node.', ago(7)),
      condition(
        'Drained',
        'Unknown',
        'Error: Node Drain has not succeeded. Error is: [error when evicting pods/"db-0": Cannot evict pod as it would violate the pod\'s disruption budget.]',
        ago(6),
      ),
    ]);
    const withMcn = one(working, { machineConfigNodes: [mcn] });
    expect(withMcn).toMatchObject({
      phase: 'Draining',
      reason: 'Draining',
      source: 'MachineConfigNode',
      since: ago(7),
      updateStartedAt: ago(8),
    });
    // Said as oc adm upgrade status says it: what blocks the drain, not only that it goes on.
    expect(withMcn.message).toMatch(
      /^Drain blocked: evicting pod db-0 would violate its PodDisruptionBudget\. MCO retries the drain/,
    );
    // Without it, the annotations give the same phase.
    expect(one(working).phase).toBe('Draining');
  });

  it('is Updating while the files and OS are written', () => {
    const mcn = updating([
      condition('UpdateExecuted', 'Unknown', 'Updating the Files and OS', ago(2)),
      condition('Drained', 'True', 'Drained node.', ago(3)),
      condition(
        'AppliedFilesAndOS',
        'Unknown',
        'Applying files and new OS config to node.',
        ago(2),
      ),
    ]);
    expect(one(working, { machineConfigNodes: [mcn] })).toMatchObject({
      phase: 'Updating',
      reason: 'Applying',
      message: 'Applying files and new OS config to node.',
      since: ago(2),
    });
  });

  it('is Rebooting while RebootedNode is Unknown', () => {
    const mcn = updating([
      condition('UpdateExecuted', 'True', 'Updated the Files and OS', ago(2)),
      condition('RebootedNode', 'Unknown', 'Upgrade requires a reboot.', ago(1)),
    ]);
    expect(one(working, { machineConfigNodes: [mcn] })).toMatchObject({
      phase: 'Rebooting',
      message: 'Upgrade requires a reboot.',
      since: ago(1),
    });
  });

  it('is Updating (completing) after the reboot, until the daemon is Done', () => {
    const mcn = updating([
      condition('UpdateExecuted', 'True', '', ago(4)),
      condition('RebootedNode', 'True', 'Node has rebooted', ago(2)),
      condition('Resumed', 'True', 'Resumed normal operations.', ago(1)),
    ]);
    expect(one(working, { machineConfigNodes: [mcn] })).toMatchObject({
      phase: 'Updating',
      reason: 'Completing',
      since: ago(1),
    });
  });

  it('is Degraded from NodeDegraded even before the annotations say so', () => {
    const mcn = updating([
      condition('NodeDegraded', 'True', 'Node a upgrade failure. unexpected on-disk state', ago(1)),
    ]);
    expect(one(working, { machineConfigNodes: [mcn] })).toMatchObject({
      phase: 'Degraded',
      message: 'Node a upgrade failure. unexpected on-disk state',
      source: 'MachineConfigNode',
      since: ago(1),
      // MCO's count reads the annotations.
      degraded: false,
    });
  });

  it('is Updated since the Updated condition turned True', () => {
    const mcn = machineConfigNode('a', { current: R2 }, [
      condition('Updated', 'True', 'Node a Updated', ago(12)),
    ]);
    expect(one(node('a', { current: R2 }), { machineConfigNodes: [mcn] })).toMatchObject({
      phase: 'Updated',
      source: 'MachineConfigNode',
      since: ago(12),
    });
  });

  it('falls back to the annotations while the MachineConfigNode has not seen the update', () => {
    // Updated=True from the previous update: the daemon has not reported this one yet.
    const stale = machineConfigNode('a', { current: R1 });
    expect(one(working, { machineConfigNodes: [stale] })).toMatchObject({
      phase: 'Draining',
      source: 'annotations',
    });
  });

  it('reads the configs from the MachineConfigNode when the annotations are missing', () => {
    const bare: Node = {
      metadata: { name: 'a', labels: { 'node-role.kubernetes.io/worker': '' } },
    };
    const mcn = updating([
      condition('RebootedNode', 'Unknown', 'Upgrade requires a reboot.', ago(1)),
    ]);
    expect(one(bare, { machineConfigNodes: [mcn] })).toMatchObject({
      phase: 'Rebooting',
      currentConfig: R1,
      desiredConfig: R2,
    });
    expect(one(bare)).toMatchObject({ phase: 'Pending', reason: 'NoConfig' });
  });

  it('gives the same phases with and without MachineConfigNodes at every annotation step', () => {
    const steps: Node[] = [
      node('a', { current: R2 }),
      node('a'),
      node('a', { desired: R2 }),
      node('a', { desired: R2, state: 'Working' }),
      working,
      node('a', {
        desired: R2,
        state: 'Working',
        postConfigAction: 'Rebooting',
        lastAppliedDrain: `drain-${R2}`,
        desiredDrain: `drain-${R2}`,
      }),
      node('a', { desired: R2, state: 'Degraded', reason: 'x' }),
    ];
    // A MachineConfigNode that has not followed the update adds nothing.
    const quiet = machineConfigNode('a', { current: R1 });
    for (const step of steps) {
      expect(one(step, { machineConfigNodes: [quiet] }).phase).toBe(one(step).phase);
    }
  });
});

describe('clock skew', () => {
  const future = new Date(NOW + 3_600_000).toISOString();

  it('reads a timestamp ahead of our clock as now, in any RFC 3339 form', () => {
    for (const stamp of [future, future.replace(/\.\d{3}Z$/, 'Z'), '2026-11-24T05:30:00+01:00']) {
      const mcn = machineConfigNode('a', { current: R2 }, [
        condition('Updated', 'True', '', stamp),
      ]);
      expect(one(node('a', { current: R2 }), { machineConfigNodes: [mcn] }).since).toBe(
        new Date(NOW).toISOString(),
      );
    }
  });

  it('never gives negative durations: an update that "starts" in the future has all its time left', () => {
    const mcn = machineConfigNode('a', { current: R1, desired: R2 }, [
      condition('Updated', 'False', 'Node a needs an update', future),
      condition('Drained', 'Unknown', 'Draining node.', future),
    ]);
    const rollout = derive({
      nodes: [node('a', { desired: R2, state: 'Working', desiredDrain: `drain-${R2}` })],
      machineConfigNodes: [mcn],
    });
    // One node, started "now": the whole default duration (6 minutes), not more, not less.
    expect(rollout.pools[0].estimatedSecondsLeft).toBe(360);
  });

  it('ignores timestamps it cannot read', () => {
    const mcn = machineConfigNode('a', { current: R2 }, [
      condition('Updated', 'True', '', 'yesterday'),
    ]);
    expect(one(node('a', { current: R2 }), { machineConfigNodes: [mcn] }).since).toBeUndefined();
  });
});

describe('releases (with a ClusterVersion, as oc adm upgrade status)', () => {
  const rendered = (name: string, version: string) =>
    ({
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: {
        name,
        labels: {},
        annotations: { 'machineconfiguration.openshift.io/release-image-version': version },
      },
      spec: { config: { ignition: { version: '3.5.0' } } },
    }) as MachineConfig;
  const clusterVersion = (version: string) => ({
    metadata: { name: 'version' },
    status: { history: [{ version, state: 'Partial' as const }] },
  });

  it('is Pending on the target config of an older release, Updated on the new release', () => {
    const machineConfigs = [rendered(R1, '4.20.1'), rendered(R2, '4.20.2')];
    const input = {
      pools: [pool({ target: R1 })],
      machineConfigs,
      clusterVersion: clusterVersion('4.20.2'),
    };
    expect(one(node('a'), input)).toMatchObject({
      phase: 'Pending',
      message: 'Not yet on release 4.20.2',
      // MCO's own count does not know about releases.
      updated: true,
    });
    expect(one(node('a', { current: R2 }), { ...input, pools: [pool()] }).phase).toBe('Updated');
  });

  it('is Pending when the release of its config is unknown, as in oc', () => {
    expect(
      one(node('a', { current: R2 }), { clusterVersion: clusterVersion('4.20.2') }).phase,
    ).toBe('Pending');
  });
});

describe('malformed objects', () => {
  it('never throws, and skips what has no name', () => {
    const garbage: unknown[] = [
      null,
      42,
      'node',
      [],
      {},
      { metadata: null },
      { metadata: { name: 7 } },
      { metadata: { name: 'no-status' } },
      {
        metadata: { name: 'odd', labels: 'x', annotations: ['y'] },
        status: { conditions: 'z' },
        spec: 3,
      },
      {
        metadata: {
          name: 'bad-values',
          labels: { 'node-role.kubernetes.io/worker': 1 },
          annotations: {
            'machineconfiguration.openshift.io/currentConfig': 5,
            'machineconfiguration.openshift.io/state': {},
          },
        },
        status: { conditions: [null, 3, { type: 'Ready' }], nodeInfo: 'n' },
      },
    ];
    const pools: unknown[] = [
      null,
      { metadata: { name: 'worker' } },
      {
        metadata: { name: 'broken' },
        spec: { nodeSelector: { matchExpressions: 'all' }, configuration: 5, paused: 'yes' },
        status: { conditions: {} },
      },
      { metadata: { name: 'infra' }, spec: { nodeSelector: { matchLabels: { a: 1 } } } },
    ];
    const mcns: unknown[] = [
      null,
      { metadata: { name: 'odd' }, status: { conditions: [1, null, { type: 'Updated' }] } },
    ];
    let rollout: ReturnType<typeof deriveRollout> | undefined;
    expect(() => {
      rollout = deriveRollout(
        {
          pools: pools as MachineConfigPool[],
          nodes: garbage as Node[],
          machineConfigNodes: mcns as MachineConfigNode[],
          machineConfigs: [null, { metadata: {} }] as unknown as MachineConfig[],
          clusterVersion: { metadata: { name: 'version' }, status: { history: 'x' } } as never,
        },
        NOW,
      );
    }).not.toThrow();
    expect(rollout?.pools.map((p) => [p.name, p.machineCount, p.state, p.paused])).toEqual([
      ['worker', 0, 'Updated', false],
      ['broken', 0, 'Updated', false],
      ['infra', 0, 'Updated', false],
    ]);
    expect(rollout?.unpooledNodes.map((n) => [n.name, n.phase, n.reason])).toEqual([
      ['bad-values', 'Pending', 'NotInPool'],
      ['no-status', 'Pending', 'NotInPool'],
      ['odd', 'Pending', 'NotInPool'],
    ]);
  });

  it("gives a sensible phase to a pool's node without annotations or status", () => {
    const bare: Node = {
      metadata: { name: 'new', labels: { 'node-role.kubernetes.io/worker': '' } },
    };
    expect(one(bare)).toMatchObject({
      pool: 'worker',
      phase: 'Pending',
      reason: 'NoConfig',
      message: 'MCO has not set the currentConfig annotation on this node yet',
      ready: true,
    });
  });

  it('treats a pool that has never been rendered as having no target yet', () => {
    const unrendered = { ...pool(), spec: { nodeSelector: pool().spec.nodeSelector } };
    const rollout = derive({ pools: [unrendered], nodes: [node('a')] });
    expect(rollout.pools[0]).toMatchObject({ targetConfig: undefined, state: 'Updated' });
    expect(rollout.pools[0].nodes[0].phase).toBe('Updated');
  });
});

describe('messages', () => {
  it("are codes with parameters, and MCO's own words are quoted as they are", () => {
    const waiting = deriveRollout({ pools: [pool()], nodes: [node('a')] }, NOW);
    expect(waiting.pools[0].nodes[0].message).toEqual({
      code: 'awaitingUpdateTo',
      params: { config: R2 },
    });
    const degraded = deriveRollout(
      { pools: [pool()], nodes: [node('a', { desired: R2, state: 'Degraded', reason: 'boom' })] },
      NOW,
    );
    const quoted = { code: 'mco', params: { text: 'boom' } };
    expect(degraded.pools[0].nodes[0].message).toEqual(quoted);
    expect(degraded.pools[0].message).toEqual({
      code: 'nodeReporting',
      params: { node: 'a', message: quoted },
    });
  });
});
