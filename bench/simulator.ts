/**
 * The simulator on its `large` scenario (2,000 nodes, 10 pools): the time to start it, and its slowest
 * simulation step (one timer of the simulated MCO, run by a manual clock) in the first simulated minute
 * of a Day 1 rollout. The simulator serves the API on the same event loop, so a step blocks requests
 * for as long as it runs. The target is the one the `large` scenario test used to assert (2 s to build
 * the cluster); wall-clock limits have no place in tests (dev/cluster-sim/tests/scenarios.spec.ts).
 */
import { performance } from 'node:perf_hooks';
import '../dev/cluster-sim/text-assets.cjs';
import { ManualClock, Simulation } from '../dev/cluster-sim';
import type { SimObject } from '../dev/cluster-sim/core/kube-types';
import { MACHINE_CONFIGS, NODES } from '../dev/cluster-sim/core/resources';
import { produceMachineConfig } from '../src/producer';
import { SFC_EXAMPLE } from '../test/support/examples';
import { SAMPLES, median, round } from './figures';
import type { Figure } from './figures';

const LIMIT_MS = 2000;
const ROLLOUT_MS = 60_000;

/** A manual clock that times each timer it runs: each is one step of the simulation. */
class TimedClock extends ManualClock {
  slowestStepMs = 0;
  steps = 0;

  override setTimeout(callback: () => void, ms: number): ReturnType<ManualClock['setTimeout']> {
    return super.setTimeout(() => {
      const began = performance.now();
      callback();
      this.slowestStepMs = Math.max(this.slowestStepMs, performance.now() - began);
      this.steps++;
    }, ms);
  }
}

interface Sample {
  startMs: number;
  slowestStepMs: number;
  steps: number;
}

const sample = (): Sample => {
  const clock = new TimedClock();
  const began = performance.now();
  const simulation = new Simulation({
    clock,
    scenario: 'large',
    timeScale: 1,
    log: () => undefined,
  });
  const startMs = performance.now() - began;
  try {
    if (simulation.store.count(NODES) !== 2000) throw new Error('the large scenario changed');
    const day1Config: object = produceMachineConfig(SFC_EXAMPLE);
    simulation.store.create(MACHINE_CONFIGS, day1Config as SimObject);
    clock.advance(ROLLOUT_MS);
    return { startMs, slowestStepMs: clock.slowestStepMs, steps: clock.steps };
  } finally {
    simulation.stop();
  }
};

export const simulatorFigures = (): Figure[] => {
  sample(); // warm-up: the first start also loads and compiles the simulator's modules
  const samples = Array.from({ length: SAMPLES }, sample);
  const startMs = median(samples.map((s) => s.startMs));
  const stepMs = median(samples.map((s) => s.slowestStepMs));
  return [
    {
      name: 'simulator: start the large scenario (2,000 nodes, 10 pools)',
      value: round(startMs, 0),
      unit: 'ms',
      target: `< ${String(LIMIT_MS)} ms (the limit the scenario test asserted)`,
      ok: startMs < LIMIT_MS,
    },
    {
      name: 'simulator: slowest step, first minute of a Day 1 rollout on large',
      value: round(stepMs, 1),
      unit: 'ms',
      target: `< ${String(LIMIT_MS)} ms, the same limit (of ${String(samples[0].steps)} steps)`,
      ok: stepMs < LIMIT_MS,
    },
  ];
};
