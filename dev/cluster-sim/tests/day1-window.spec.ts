/**
 * @jest-environment node
 *
 * Where the Day 1 reboot falls in MCO's rollout, sampled after every step of the simulation. The product's
 * pull unit is ordered before the kubelet: its reboot happens while MCO still has the node cordoned and
 * counts it as updating, so a pool never has more than maxUnavailable nodes down. KMM's pull unit runs
 * beside the kubelet: its reboot comes after MCO marked the node Done, without a drain, while MCO updates
 * the next node. The pull unit never reboots a node twice for the same config, kernel and image, and a
 * failing registry holds the kubelet back by the pull unit's bounded budget only.
 */
import { ManualClock } from '../core/clock';
import type { NodeObject, PoolObject, SimObject } from '../core/kube-types';
import { MACHINE_CONFIGS, MACHINE_CONFIG_POOLS, NODES } from '../core/resources';
import type { StoreEvent } from '../core/store';
import { addNodesToPool, poolRolledOut, traceRollout } from '../rollout-trace';
import type { NodeSample, PoolSample, RolloutTrace } from '../rollout-trace';
import { DEFAULT_TIMINGS } from '../sim-context';
import type { Timings } from '../sim-context';
import { Simulation } from '../simulation';
import { day1MachineConfig, machineConfigFixture } from './helpers';

const KERNEL_EL9_2 = '5.14.0-284.59.1.el9_2.x86_64';
const SFC_POOL_NODES = ['worker-0', 'worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5'];

let clock: ManualClock;
let simulation: Simulation;

const start = (scenario: 'demo' | 'empty', timings: Partial<Timings> = {}) => {
  clock = new ManualClock();
  simulation = new Simulation({ clock, scenario, timeScale: 1, timings, log: () => undefined });
};

afterEach(() => {
  simulation.stop();
});

const pool = (name: string) =>
  simulation.store.get(MACHINE_CONFIG_POOLS, undefined, name) as PoolObject;
const targetOf = (name: string) => pool(name).spec.configuration?.name ?? '';
const createMc = (mc: object) => simulation.store.create(MACHINE_CONFIGS, mc as SimObject);
const day1 = (node: string) => simulation.operator.agent(node)?.day1;

/**
 * MCO's documented rule (mco-rollout.md §4.3), written here from the raw fields rather than taken from
 * the simulator: unavailable when not Ready, under disk pressure, network unavailable or unschedulable,
 * or when its update is not done (current ≠ desired or state ≠ Done) unless the daemon is failing.
 */
const unavailableByRule = (n: NodeSample): boolean => {
  const ready =
    n.conditions.Ready === 'True' &&
    n.conditions.DiskPressure !== 'True' &&
    n.conditions.NetworkUnavailable !== 'True' &&
    !n.unschedulable;
  const done = n.currentConfig !== '' && n.currentConfig === n.desiredConfig && n.state === 'Done';
  const failing =
    n.currentConfig !== n.desiredConfig && (n.state === 'Degraded' || n.state === 'Unreconcilable');
  return !ready || (!done && !failing);
};

const unavailableAt = (sample: PoolSample) => sample.nodes.filter(unavailableByRule).length;

/** Each Day 1 reboot: the node as it was at the end of the step that made it reboot. */
const day1Reboots = (trace: RolloutTrace): { node: NodeSample; target: string }[] =>
  trace.samples.flatMap((sample, i) =>
    sample.nodes
      .filter((n) => {
        const before = trace.samples[i - 1]?.nodes.find((b) => b.name === n.name);
        return before !== undefined && n.day1Reboots > before.day1Reboots;
      })
      .map((node) => ({ node, target: sample.target })),
  );

describe("the product's units: the Day 1 reboot inside MCO's window", () => {
  it('never has more than maxUnavailable nodes down, reboots each node while cordoned, loads everywhere', () => {
    start('demo');
    // A pool of six nodes with maxUnavailable 1 (the demo's sfc pool, grown with the other workers).
    addNodesToPool(simulation, clock, 'sfc', SFC_POOL_NODES.slice(0, 4));
    expect(pool('sfc').spec.maxUnavailable).toBe(1);
    expect(pool('sfc').status?.machineCount).toBe(6);
    const before = targetOf('sfc');
    // First apply: no Day 1 images on any node.
    for (const name of SFC_POOL_NODES) expect(day1(name)?.images.size).toBe(0);
    const rebootsBefore = new Map(
      SFC_POOL_NODES.map((name) => [name, simulation.operator.agent(name)?.reboots ?? 0]),
    );

    createMc(day1MachineConfig());
    const trace = traceRollout(
      simulation,
      clock,
      'sfc',
      () =>
        poolRolledOut(simulation, 'sfc', before) &&
        SFC_POOL_NODES.every((n) => simulation.day1Status(n)?.['99-sfc-day1']?.phase === 'Loaded'),
    );

    // Sampled after every step, none with two nodes down.
    expect(Math.max(...trace.samples.map(unavailableAt))).toBe(1);
    expect(Math.max(...trace.samples.map((s) => s.unavailableMachineCount))).toBe(1);
    expect(trace.samples.length).toBeGreaterThan(100);
    // The simulator's own reading of a node agrees with the documented rule at every moment.
    for (const sample of trace.samples) {
      for (const n of sample.nodes) expect(n.unavailable).toBe(unavailableByRule(n));
    }

    // Each node rebooted for Day 1 exactly once, cordoned, with MCO's update still in progress.
    const reboots = day1Reboots(trace);
    expect(reboots.map((r) => r.node.name).sort()).toEqual(SFC_POOL_NODES);
    for (const { node, target } of reboots) {
      expect(node.unschedulable).toBe(true);
      expect(node.state).toBe('Working');
      expect(node.desiredConfig).toBe(target);
      expect(node.currentConfig).not.toBe(target);
      expect(node.conditions.Ready).toBe('False');
    }

    const target = targetOf('sfc');
    for (const name of SFC_POOL_NODES) {
      const agent = simulation.operator.agent(name);
      // The MCO reboot and the Day 1 reboot.
      expect((agent?.reboots ?? 0) - (rebootsBefore.get(name) ?? 0)).toBe(2);
      expect(agent?.day1Reboots).toBe(1);
      expect(day1(name)?.outOfTreeModules.has('sfc')).toBe(true);
      const node = simulation.store.get(NODES, undefined, name) as NodeObject;
      expect(simulation.day1Status(name)?.['99-sfc-day1']).toMatchObject({
        phase: 'Loaded',
        moduleLoaded: true,
        rebootsUsed: 1,
        bootID: node.status.nodeInfo.bootID,
      });
      expect(node.metadata.annotations?.['machineconfiguration.openshift.io/currentConfig']).toBe(
        target,
      );
      // Once MCO marked the node Done it was never down again.
      const doneAt = trace.samples.findIndex(
        (s) => s.nodes.find((n) => n.name === name)?.currentConfig === target,
      );
      expect(doneAt).toBeGreaterThan(0);
      for (const sample of trace.samples.slice(doneAt)) {
        const n = sample.nodes.find((x) => x.name === name);
        expect(n && unavailableByRule(n)).toBe(false);
      }
    }
  });
});

describe("KMM's units (pull unit after network-online only): the old behaviour", () => {
  it('reboots each node for Day 1 after MCO marked it Done, with two nodes down at once', () => {
    start('empty');
    // KMM's fixture targets the worker pool (3 nodes, maxUnavailable unset: 1) with ice-kmod, which
    // the registry has for one kernel only; give it the other so that every node pulls.
    simulation.registry.add([`quay.io/acme/ice-kmod:${KERNEL_EL9_2}`]);
    const workers = ['worker-0', 'worker-1', 'worker-2'];
    const before = targetOf('worker');
    createMc(machineConfigFixture('99-ice-day1.kmm.yaml'));
    const trace = traceRollout(
      simulation,
      clock,
      'worker',
      () =>
        poolRolledOut(simulation, 'worker', before) &&
        workers.every((n) => day1(n)?.outOfTreeModules.has('ice') === true),
    );

    // Two nodes down at once: the one MCO updates, and the one rebooting for Day 1 after it.
    expect(Math.max(...trace.samples.map(unavailableAt))).toBe(2);
    expect(Math.max(...trace.samples.map((s) => s.unavailableMachineCount))).toBe(2);

    const reboots = day1Reboots(trace);
    expect(reboots.map((r) => r.node.name).sort()).toEqual(workers);
    for (const { node, target } of reboots) {
      // Done, uncordoned and Ready: MCO has finished with it, nothing drained it.
      expect(node.state).toBe('Done');
      expect(node.currentConfig).toBe(target);
      expect(node.unschedulable).toBe(false);
      expect(node.conditions.Ready).toBe('True');
    }
    // KMM's scripts write no status file.
    for (const name of workers) expect(simulation.day1Status(name)).toEqual({});
  });

  it('the product units without their Before=kubelet lines behave as KMM’s do', () => {
    start('demo');
    const mc = day1MachineConfig() as {
      spec: { config: { systemd: { units: { name: string; contents?: string }[] } } };
    };
    for (const unit of mc.spec.config.systemd.units) {
      unit.contents = unit.contents?.replace(/^(Before|WantedBy)=kubelet.*\n/gm, '');
    }
    const before = targetOf('sfc');
    createMc(mc);
    const trace = traceRollout(
      simulation,
      clock,
      'sfc',
      () =>
        poolRolledOut(simulation, 'sfc', before) &&
        ['worker-4', 'worker-5'].every(
          (n) => simulation.day1Status(n)?.['99-sfc-day1']?.phase === 'Loaded',
        ),
    );
    expect(Math.max(...trace.samples.map(unavailableAt))).toBe(2);
    for (const { node } of day1Reboots(trace)) expect(node.state).toBe('Done');
  });
});

describe('the reboot budget', () => {
  it('reboots once per config, kernel and image when the images are lost at every boot', () => {
    start('demo');
    simulation.applyFaults({ loseImagesOnReboot: 'worker-4' });
    const before = targetOf('sfc');
    createMc(day1MachineConfig());
    clock.runUntil(
      () =>
        poolRolledOut(simulation, 'sfc', before) &&
        simulation.day1Status('worker-5')?.['99-sfc-day1']?.phase === 'Loaded',
    );
    const agent = simulation.operator.agent('worker-4');
    // The MCO reboot, one Day 1 reboot, then no more: the node runs on its in-tree driver.
    expect(agent?.reboots).toBe(2);
    expect(agent?.day1Reboots).toBe(1);
    const node = simulation.store.get(NODES, undefined, 'worker-4') as NodeObject;
    const status = simulation.day1Status('worker-4')?.['99-sfc-day1'];
    expect(status).toMatchObject({
      schemaVersion: 1,
      phase: 'RebootBudgetExhausted',
      moduleLoaded: false,
      rebootsUsed: 1,
      reason: null,
      bootID: node.status.nodeInfo.bootID,
      kernelModuleImage: `quay.io/acme/sfc-kmod:${node.status.nodeInfo.kernelVersion}`,
    });
    expect(status?.lastError).toContain('missing again after the Day 1 reboot');
    expect(day1('worker-4')?.loadedModules.has('sfc')).toBe(true);
    expect(day1('worker-4')?.outOfTreeModules.size).toBe(0);
    expect(pool('sfc').status).toMatchObject({
      updatedMachineCount: 2,
      unavailableMachineCount: 0,
    });

    // A later MCO update reboots the node again: still no Day 1 reboot for the same config and image.
    const second = targetOf('sfc');
    createMc({
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: {
        name: '99-sfc-kargs',
        labels: { 'machineconfiguration.openshift.io/role': 'sfc' },
      },
      spec: { config: { ignition: { version: '3.2.0' } }, kernelArguments: ['nosmt'] },
    });
    clock.runUntil(() => poolRolledOut(simulation, 'sfc', second));
    expect(agent?.reboots).toBe(3);
    expect(agent?.day1Reboots).toBe(1);
    expect(simulation.day1Status('worker-4')?.['99-sfc-day1']?.phase).toBe('RebootBudgetExhausted');
    // worker-5 kept its images: it loads at its MCO reboot without pulling again.
    expect(simulation.operator.agent('worker-5')?.day1Reboots).toBe(1);
    expect(simulation.day1Status('worker-5')?.['99-sfc-day1']).toMatchObject({
      phase: 'Loaded',
      rebootsUsed: 1,
    });
  });
});

describe('a failing registry', () => {
  it('holds the kubelet back by the pull budget only, then MCO completes with the in-tree driver', () => {
    // A budget far longer than every other step, so that it stands out.
    const budget = 20 * 60_000;
    start('demo', { day1PullFailure: budget });
    // The registry has no sfc-kmod tag for worker-5's kernel: every pull attempt fails.
    simulation.registry.remove([`quay.io/acme/sfc-kmod:${KERNEL_EL9_2}`]);
    const nodes: { at: number; node: NodeObject }[] = [];
    simulation.store.onChange((e: StoreEvent) => {
      if (e.resource === NODES && e.object.metadata.name === 'worker-5')
        nodes.push({ at: clock.now(), node: structuredClone(e.object as NodeObject) });
    });
    const before = targetOf('sfc');
    createMc(day1MachineConfig());
    clock.runUntil(
      () =>
        poolRolledOut(simulation, 'sfc', before) &&
        simulation.day1Status('worker-4')?.['99-sfc-day1']?.phase === 'Loaded',
    );

    const ready = (n: NodeObject) => n.status.conditions.find((c) => c.type === 'Ready')?.status;
    const down = nodes.find(
      (n, i) => i > 0 && ready(n.node) === 'False' && ready(nodes[i - 1].node) === 'True',
    );
    const kubeletStart = nodes.find(
      (n, i) => i > 0 && n.node.status.nodeInfo.bootID !== nodes[i - 1].node.status.nodeInfo.bootID,
    );
    if (down === undefined || kubeletStart === undefined)
      throw new Error('worker-5 never rebooted');
    // From shutdown to the kubelet's first status: the reboot, network-online, then the pull budget.
    const t = DEFAULT_TIMINGS;
    expect(kubeletStart.at - down.at).toBe(t.reboot + t.networkOnline + budget);

    const agent = simulation.operator.agent('worker-5');
    expect(agent?.reboots).toBe(1);
    expect(agent?.day1Reboots).toBe(0);
    expect(agent?.bootsWithoutKubelet).toBe(0);
    expect(simulation.day1Status('worker-5')?.['99-sfc-day1']).toMatchObject({
      phase: 'PullFailed',
      reason: 'PullFailed',
      moduleLoaded: false,
      rebootsUsed: 0,
      inTreeRestored: null,
      blockingModule: null,
    });
    expect(day1('worker-5')?.loadedModules.has('sfc')).toBe(true);
    expect(day1('worker-5')?.outOfTreeModules.size).toBe(0);
    expect(pool('sfc').status).toMatchObject({
      updatedMachineCount: 2,
      unavailableMachineCount: 0,
    });
  });
});
