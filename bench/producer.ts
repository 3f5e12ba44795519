/**
 * The producer in this process, with its YAML work-around beside plain js-yaml `dump`, and the CLI's
 * cold start against bare Node measured in the same run.
 */
import { join } from 'node:path';
import '../dev/cluster-sim/text-assets.cjs';
import {
  machineConfigToYAML,
  produceMachineConfig,
  produceMachineConfigYAML,
  toYAML,
  validateDay1Options,
} from '../src/producer';
import { SFC_EXAMPLE } from '../test/support/examples';
import { perCallMs, round, wallMs } from './figures';
import type { Figure } from './figures';

const ROOT = join(__dirname, '..');

export const producerFigures = (): Figure[] => {
  const sfc = SFC_EXAMPLE;
  // Warm up the JIT so the medians measure steady state.
  for (let i = 0; i < 2000; i++) produceMachineConfigYAML(sfc);

  const produceMs = perCallMs(2000, () => produceMachineConfigYAML(sfc));
  // src/producer/yaml.ts stands in for the base64 payloads while js-yaml dumps: is it still worth it?
  const machineConfig = produceMachineConfig(sfc);
  if (machineConfigToYAML(machineConfig) !== toYAML(machineConfig))
    throw new Error('the YAML work-around writes other text than a plain dump');
  for (let i = 0; i < 500; i++) toYAML(machineConfig);
  const workAroundMs = perCallMs(2000, () => machineConfigToYAML(machineConfig));
  const plainDumpMs = perCallMs(2000, () => toYAML(machineConfig));
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

  return [
    {
      name: 'producer: produce and serialise one MachineConfig',
      value: round(produceMs, 4),
      unit: 'ms',
      target: '< 0.2 ms',
      ok: produceMs < 0.2,
    },
    {
      name: 'producer: serialise one MachineConfig, plain js-yaml dump',
      value: round(plainDumpMs, 4),
      unit: 'ms',
      target: `for information: the work-around in src/producer/yaml.ts takes ${String(round(workAroundMs, 4))} ms (${String(round(plainDumpMs / workAroundMs, 1))} x faster)`,
      ok: true,
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
};
