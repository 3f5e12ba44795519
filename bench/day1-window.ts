/**
 * Where the Day 1 reboot falls in MCO's rollout (issue #13), measured on the simulator: a first Day 1
 * rollout (no images on the nodes) of a six-node pool with `maxUnavailable: 1`, sampled after every
 * simulation step. Before: the pull unit ordered only after network-online.target, as KMM's units are,
 * so its reboot comes after MCO marked the node Done, without a drain, while MCO updates the next node.
 * After: the producer's units, whose pull unit is ordered before the kubelet, so the Day 1 reboot happens
 * while the node is still cordoned and counted as updating. Each figure is one simulated rollout with the
 * simulator's default step timings (a node takes about half a minute, not MCO's real minutes); the
 * simulation is deterministic, so there is nothing to take a median of.
 */
import '../dev/cluster-sim/text-assets.cjs';
import { ManualClock, Simulation } from '../dev/cluster-sim';
import type { SimObject } from '../dev/cluster-sim/core/kube-types';
import { MACHINE_CONFIGS, MACHINE_CONFIG_POOLS } from '../dev/cluster-sim/core/resources';
import type { PoolObject } from '../dev/cluster-sim/core/kube-types';
import { day1ConfigsOf } from '../dev/cluster-sim/node/day1-config';
import { addNodesToPool, poolRolledOut, traceRollout } from '../dev/cluster-sim/rollout-trace';
import { produceMachineConfig } from '../src/producer';
import { SFC_EXAMPLE } from '../test/support/examples';
import { round } from './figures';
import type { Figure } from './figures';

/** The demo's sfc pool (worker-4, worker-5) grown with the other four workers. */
const EXTRA_NODES = ['worker-0', 'worker-1', 'worker-2', 'worker-3'];
const POOL = 'sfc';

interface Unit {
  name: string;
  contents?: string;
}
interface MachineConfig {
  spec: { config: { systemd: { units: Unit[] } } };
}

const KUBELET_UNITS = new Set(['kubelet.service', 'kubelet-dependencies.target']);

/**
 * The same MachineConfig with its pull unit ordered as before this change (and as KMM's is): no
 * `Before=` or `WantedBy=` on the kubelet, only after network-online.target.
 */
const withoutKubeletOrdering = (mc: MachineConfig): MachineConfig => {
  const copy = structuredClone(mc);
  for (const unit of copy.spec.config.systemd.units) {
    if (!unit.name.endsWith('-pull-kernel-module-image.service') || unit.contents === undefined)
      continue;
    unit.contents = unit.contents
      .split('\n')
      .flatMap((line) => {
        const match = /^(Before|WantedBy)=(.*)$/.exec(line);
        if (match === null) return [line];
        const kept = match[2].split(/\s+/).filter((u) => u !== '' && !KUBELET_UNITS.has(u));
        return kept.length === 0 ? [] : [`${match[1]}=${kept.join(' ')}`];
      })
      .join('\n');
  }
  return copy;
};

interface Day1WindowMeasure {
  nodes: number;
  maxUnavailable: number;
  /** The most nodes MCO's rule counts unavailable at one moment. */
  mostUnavailable: number;
  /** The most the pool's status.unavailableMachineCount showed. */
  mostReportedUnavailable: number;
  /** MachineConfig created → pool Updated and the module loaded on every node, simulated minutes. */
  minutes: number;
  day1Reboots: number;
  steps: number;
}

/** One first Day 1 rollout of `mc` to the six-node pool, sampled after every step. */
const measureDay1Rollout = (mc: MachineConfig): Day1WindowMeasure => {
  const clock = new ManualClock();
  const simulation = new Simulation({
    clock,
    scenario: 'demo',
    timeScale: 1,
    log: () => undefined,
  });
  try {
    addNodesToPool(simulation, clock, POOL, EXTRA_NODES);
    const pool = simulation.store.get(MACHINE_CONFIG_POOLS, undefined, POOL) as PoolObject;
    const members = pool.status?.machineCount ?? 0;
    const before = pool.spec.configuration?.name ?? '';
    const rebootsBefore = simulation.operator.allAgents.reduce((n, a) => n + a.day1Reboots, 0);
    simulation.store.create(MACHINE_CONFIGS, mc as unknown as SimObject);
    const nodes = [...EXTRA_NODES, 'worker-4', 'worker-5'];
    const trace = traceRollout(
      simulation,
      clock,
      POOL,
      () =>
        poolRolledOut(simulation, POOL, before) &&
        nodes.every((n) => simulation.operator.agent(n)?.day1.outOfTreeModules.has('sfc') === true),
    );
    return {
      nodes: members,
      maxUnavailable: Number(pool.spec.maxUnavailable ?? 1),
      mostUnavailable: Math.max(
        ...trace.samples.map((s) => s.nodes.filter((n) => n.unavailable).length),
      ),
      mostReportedUnavailable: Math.max(...trace.samples.map((s) => s.unavailableMachineCount)),
      minutes: (trace.endedAt - trace.startedAt) / 60_000,
      day1Reboots:
        simulation.operator.allAgents.reduce((n, a) => n + a.day1Reboots, 0) - rebootsBefore,
      steps: trace.samples.length,
    };
  } finally {
    simulation.stop();
  }
};

export const day1WindowFigures = (): Figure[] => {
  const product = produceMachineConfig(SFC_EXAMPLE) as unknown as MachineConfig;
  const old = withoutKubeletOrdering(product);
  // The simulator reads the ordering from the units: check that each MachineConfig is what it claims.
  const ordering = (mc: MachineConfig) =>
    day1ConfigsOf([mc])
      .map((c) => c.pullBeforeKubelet)
      .join();
  if (ordering(product) !== 'true' || ordering(old) !== 'false')
    throw new Error(
      `the pull unit's ordering is not as expected: product ${ordering(product)}, old ${ordering(old)}`,
    );
  const beforeFix = measureDay1Rollout(old);
  const afterFix = measureDay1Rollout(product);
  const pool = `${String(afterFix.nodes)}-node pool, maxUnavailable ${String(afterFix.maxUnavailable)}`;
  const detail = (m: Day1WindowMeasure) =>
    `pool status showed ${String(m.mostReportedUnavailable)}; ${String(m.day1Reboots)} Day 1 reboots, ${String(m.steps)} steps sampled`;
  return [
    {
      name: `day1 rollout (${pool}): most nodes unavailable at once, pull unit after network-online only (before)`,
      value: beforeFix.mostUnavailable,
      unit: 'nodes',
      target: `for comparison: the Day 1 reboot after MCO's Done, undrained (${detail(beforeFix)})`,
      ok: true,
    },
    {
      name: `day1 rollout (${pool}): most nodes unavailable at once, product units (after)`,
      value: afterFix.mostUnavailable,
      unit: 'nodes',
      target: `<= maxUnavailable (${String(afterFix.maxUnavailable)}); before: ${String(beforeFix.mostUnavailable)} (${detail(afterFix)})`,
      ok:
        afterFix.mostUnavailable <= afterFix.maxUnavailable &&
        afterFix.mostReportedUnavailable <= afterFix.maxUnavailable,
    },
    {
      name: `day1 rollout (${pool}): wall-clock, pull unit after network-online only (before)`,
      value: round(beforeFix.minutes, 2),
      unit: 'min',
      target:
        'for comparison: simulated minutes from the MachineConfig to the module loaded everywhere (default step timings)',
      ok: true,
    },
    {
      name: `day1 rollout (${pool}): wall-clock, product units (after)`,
      value: round(afterFix.minutes, 2),
      unit: 'min',
      target: `for information: before ${String(round(beforeFix.minutes, 2))} min; the node is held out longer, MCO no longer overlaps the next node with the Day 1 reboot`,
      ok: true,
    },
  ];
};
