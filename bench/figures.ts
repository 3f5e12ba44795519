/** What every bench module shares: the figure record, medians, timing helpers, the table. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One line of bench/results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

/** Runs per figure; odd, so the median is a measured value. */
export const SAMPLES = 9;

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

/** Median over SAMPLES of the time one call takes, in milliseconds, timing `batch` calls per sample. */
export const perCallMs = (batch: number, call: () => void): number =>
  median(
    Array.from({ length: SAMPLES }, () => {
      const start = performance.now();
      for (let i = 0; i < batch; i++) call();
      return (performance.now() - start) / batch;
    }),
  );

/** Median over SAMPLES of a command's wall time, in milliseconds; a failing command stops the bench. */
export const wallMs = (command: string, args: string[]): number =>
  median(
    Array.from({ length: SAMPLES }, () => {
      const start = performance.now();
      const result = spawnSync(command, args, { stdio: 'ignore' });
      if (result.status !== 0)
        throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)}`);
      return performance.now() - start;
    }),
  );

export const kib = (bytes: number): number => round(bytes / 1024, 1);

/** Prints the table and writes the figures as JSON; true when every figure meets its target. */
export const report = (figures: readonly Figure[], resultsPath: string): boolean => {
  writeFileSync(resultsPath, `${JSON.stringify(figures, null, 2)}\n`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) {
    console.log(
      `${f.ok ? 'ok  ' : 'MISS'} ${f.name.padEnd(width)}  ${String(f.value).padStart(10)} ${f.unit.padEnd(5)}  target ${f.target}`,
    );
  }
  return figures.every((f) => f.ok);
};
