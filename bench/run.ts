/**
 * `npm run bench`: performance figures next to their targets, each the median of several runs, with
 * baselines measured in the same run. Prints a table and writes bench/results.json.
 * Covers what exists so far: the producer and the CLI (the bundle, rollout and browser figures come with
 * the rollout view).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import '../dev/cluster-sim/text-assets.cjs';
import { SFC_EXAMPLE } from '../test/support/examples';
import { produceMachineConfigYAML, validateDay1Options } from '../src/producer';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const ROOT = join(__dirname, '..');
const SAMPLES = 9;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
/** Median over SAMPLES of the time one call takes, in milliseconds, timing `batch` calls per sample. */
const perCallMs = (batch: number, call: () => void): number =>
  median(
    Array.from({ length: SAMPLES }, () => {
      const start = performance.now();
      for (let i = 0; i < batch; i++) call();
      return (performance.now() - start) / batch;
    }),
  );
const wallMs = (command: string, args: string[]): number =>
  median(
    Array.from({ length: SAMPLES }, () => {
      const start = performance.now();
      const result = spawnSync(command, args, { stdio: 'ignore' });
      if (result.status !== 0)
        throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}`);
      return performance.now() - start;
    }),
  );
const round = (value: number, digits = 3) => Number(value.toFixed(digits));

const sfc = SFC_EXAMPLE;

// Warm up the JIT so the medians measure steady state.
for (let i = 0; i < 2000; i++) produceMachineConfigYAML(sfc);

const produceMs = perCallMs(2000, () => produceMachineConfigYAML(sfc));
const validateMs = perCallMs(20_000, () => validateDay1Options(sfc));
const cli = join(ROOT, 'bin', 'day1-utility.cjs');
const cliMs = wallMs('node', [
  cli,
  '-machine-config',
  '99-sfc-day1',
  '-machine-config-pool',
  'sfc',
  '-image',
  'quay.io/acme/sfc-kmod',
  '-kernel-module',
  'sfc',
]);
const nodeMs = wallMs('node', ['-e', '0']);

const figures: Figure[] = [
  {
    name: 'producer: produce and serialise one MachineConfig',
    value: round(produceMs, 4),
    unit: 'ms',
    target: '< 0.2 ms',
    ok: produceMs < 0.2,
  },
  {
    name: 'producer: validations per second',
    value: Math.round(1000 / validateMs),
    unit: 'ops/s',
    target: '>= 10000 ops/s',
    ok: 1000 / validateMs >= 10_000,
  },
  {
    name: 'cli: cold start, one MachineConfig',
    value: round(cliMs, 1),
    unit: 'ms',
    target: `<= 2.5 x node -e 0 (${String(round(nodeMs, 1))} ms)`,
    ok: cliMs <= 2.5 * nodeMs,
  },
  {
    name: 'cli: cold start / bare node',
    value: round(cliMs / nodeMs, 2),
    unit: 'x',
    target: '<= 2.5 x',
    ok: cliMs / nodeMs <= 2.5,
  },
];

writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
const width = Math.max(...figures.map((f) => f.name.length));
for (const f of figures) {
  console.log(
    `${f.ok ? 'ok  ' : 'MISS'} ${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit.padEnd(5)}  target ${f.target}`,
  );
}
console.log(`\nmedians of ${String(SAMPLES)} runs; written to bench/results.json`);
process.exitCode = figures.every((f) => f.ok) ? 0 : 1;
