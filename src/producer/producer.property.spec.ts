/**
 * @jest-environment node
 *
 * Property: every input is either rejected with field errors, or gives a MachineConfig that the CRD,
 * Ignition and systemd accept, whose YAML round-trips, and whose scripts receive every value intact.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { NodeSandbox } from '../../test/support/node-sandbox';
import { machineConfigErrors } from '../../test/support/schema-checks';
import { parseUnitEnvironment } from '../../test/support/systemd-environment';
import { verifyUnits } from '../../test/support/systemd-verify';
import type { MachineConfig } from '../k8s/types';
import { produceMachineConfig } from './machine-config';
import { Day1ValidationError } from './options';
import { DEFAULT_WORKER_IMAGE } from './worker-image';
import type { Day1Options } from './options';
import { formatFieldError } from './english';
import { validateDay1Options } from './validate';
import { produceMachineConfigYAML } from './yaml';

jest.setTimeout(600_000);

const RUNS = 10_000;
/** Accepted inputs whose scripts we also run on a simulated node (each run takes a few hundred ms). */
const SCRIPT_RUNS = 60;
const KVER = '5.14.0-284.59.1.el9_2.x86_64';

const NASTY = [
  ...Array.from('$();|&<>`\'"\\%*?~#!{}[]=:/.-_ \t\n\r'),
  'é',
  'ß',
  '日',
  '😀',
  '\u0000',
  '\u00a0',
  '\u202e',
  'a',
  'Z',
  '0',
  '9',
];
const nasty = (maxLength = 40) => fc.string({ unit: fc.constantFrom(...NASTY), maxLength });
const anyText = fc.oneof(nasty(), fc.string({ unit: 'grapheme', maxLength: 30 }), nasty(5000));
const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
const subdomain = fc.array(label, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));
const moduleName = fc.stringMatching(/^[A-Za-z0-9_-]{1,56}$/);
const pathComponent = fc.stringMatching(/^[a-z0-9]+(?:[._-][a-z0-9]+){0,2}$/);
const registry = fc.oneof(
  fc.constantFrom('quay.io', 'registry.example.com:5000', 'localhost', '[::1]:5000'),
  subdomain.map((d) => `${d}.io`),
);
const repository = fc
  .tuple(registry, fc.array(pathComponent, { minLength: 1, maxLength: 3 }))
  .map(([r, path]) => `${r}/${path.join('/')}`);
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/);
// Firmware paths are the one free-text option, so they carry the shell, systemd and YAML specials.
const firmwareSegment = fc.stringMatching(/^[A-Za-z0-9 ._%'"$`\\();|&*é日😀-]{1,12}$/u);
const firmwarePath = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(firmwareSegment, { minLength: 1, maxLength: 3 })
      .map((p) => `/${p.join('/')}`),
  },
  {
    weight: 1,
    arbitrary: fc.array(nasty(12), { minLength: 1, maxLength: 4 }).map((p) => `/${p.join('/')}`),
  },
  { weight: 1, arbitrary: anyText },
);

const options: fc.Arbitrary<Day1Options> = fc.record(
  {
    machineConfigName: fc.oneof(
      { weight: 9, arbitrary: subdomain },
      { weight: 1, arbitrary: anyText },
    ),
    machineConfigPoolRef: fc.oneof(
      { weight: 9, arbitrary: label },
      { weight: 1, arbitrary: anyText },
    ),
    kernelModuleImage: fc.oneof(
      { weight: 8, arbitrary: repository },
      { weight: 1, arbitrary: fc.tuple(repository, tag).map(([r, t]) => `${r}:${t}`) },
      { weight: 1, arbitrary: anyText },
    ),
    kernelModuleName: fc.oneof(
      { weight: 9, arbitrary: moduleName },
      { weight: 1, arbitrary: anyText },
    ),
    inTreeModulesToRemove: fc.array(
      fc.oneof({ weight: 20, arbitrary: moduleName }, { weight: 1, arbitrary: anyText }),
      {
        maxLength: 4,
      },
    ),
    workerImage: fc.oneof(
      { weight: 3, arbitrary: repository },
      { weight: 3, arbitrary: fc.tuple(repository, tag).map(([r, t]) => `${r}:${t}`) },
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: anyText },
    ),
    firmwareFilesPath: fc.oneof(
      { weight: 3, arbitrary: firmwarePath },
      { weight: 1, arbitrary: fc.constant('') },
    ),
  },
  {
    requiredKeys: [
      'machineConfigName',
      'machineConfigPoolRef',
      'kernelModuleImage',
      'kernelModuleName',
    ],
  },
);

const workerImageOf = (input: Day1Options): string =>
  input.workerImage === undefined || input.workerImage === ''
    ? DEFAULT_WORKER_IMAGE
    : input.workerImage;

/** Checks one accepted input without running anything; returns the MachineConfig for the batched checks. */
const checkAccepted = (input: Day1Options): MachineConfig => {
  const mc = produceMachineConfig(input);
  expect(machineConfigErrors(mc)).toEqual([]);
  expect(load(produceMachineConfigYAML(input))).toEqual(mc);
  const expected = {
    KERNEL_MODULE: input.kernelModuleName,
    KERNEL_MODULE_IMAGE: input.kernelModuleImage,
    KMM_DAY1_NAME: input.machineConfigName,
    WORKER_IMAGE: workerImageOf(input),
  };
  for (const unit of mc.spec.config.systemd?.units ?? []) {
    if (unit.contents === undefined) continue;
    const { variables, problems } = parseUnitEnvironment(unit.contents);
    expect(problems).toEqual([]);
    expect(variables).toMatchObject(expected);
    if (unit.name.endsWith('-replace-kernel-module.service')) {
      expect(variables.FIRMWARE_FILES_PATH).toBe(input.firmwareFilesPath ?? '');
      expect(variables.IN_TREE_MODULES_TO_REMOVE.split(' ').filter(Boolean)).toEqual(
        input.inTreeModulesToRemove ?? [],
      );
    }
  }
  return mc;
};

/** Runs the real load script on a simulated node and checks that every value reached its command intact. */
const checkScripts = async (input: Day1Options): Promise<void> => {
  const node = new NodeSandbox(KVER);
  try {
    node.apply(produceMachineConfig(input));
    const kmod = `${input.kernelModuleImage}:${KVER}`;
    const worker = workerImageOf(input);
    node.addImages(worker, kmod);
    node.imageProvides(input.kernelModuleName);
    const inTree = (input.inTreeModulesToRemove ?? []).filter(
      (name) => name.replace(/-/g, '_') !== input.kernelModuleName.replace(/-/g, '_'),
    );
    for (const name of inTree) node.addHostModuleFile(`kernel/extra/${name}.ko`);
    const run = await node.runService(`${input.machineConfigName}-replace-kernel-module.service`);
    if (run.status !== 0) {
      throw new Error(
        `load script failed (${String(run.status)}) for ${JSON.stringify(input)}:\n${run.output}`,
      );
    }
    expect(run.output).not.toContain('command not found');
    const [init, checker, workerContainer] = node
      .calls('podman')
      .filter((args) => args[1] === 'create');
    expect(init.slice(-6)).toEqual([
      kmod,
      '/bin/sh',
      '-c',
      init.at(-3),
      'sh',
      input.firmwareFilesPath ?? '',
    ]);
    expect(checker.slice(-7)).toEqual([
      worker,
      'modinfo',
      '-b',
      '/tmp/opt',
      '-k',
      KVER,
      input.kernelModuleName,
    ]);
    expect(workerContainer[workerContainer.indexOf('kmod') - 1]).toBe(worker);
    expect(node.workerConfig()).toEqual({
      containerImage: kmod,
      modprobe: {
        dirName: '/opt',
        moduleName: input.kernelModuleName,
        ...(input.firmwareFilesPath ? { firmwarePath: input.firmwareFilesPath } : {}),
      },
      ...(inTree.length > 0 ? { inTreeModulesToRemove: inTree } : {}),
    });
    expect(node.status(input.machineConfigName)).toMatchObject({
      phase: 'Loaded',
      kernelModule: input.kernelModuleName,
      kernelModuleImage: kmod,
      workerImage: worker,
    });
    expect(node.isLoaded(input.kernelModuleName)).toBe(true);
  } finally {
    node.cleanup();
  }
};

it(`rejects with field errors, or produces a MachineConfig that passes every check (${String(RUNS)} inputs)`, async () => {
  // Keyed by name: systemd-analyze needs unique unit names in one batch.
  const accepted = new Map<string, { input: Day1Options; machineConfig: MachineConfig }>();
  let acceptedCount = 0;
  let rejected = 0;
  fc.assert(
    fc.property(options, (input) => {
      const errors = validateDay1Options(input);
      // A property checks each input according to its outcome.
      /* eslint-disable jest/no-conditional-expect */
      if (errors.length > 0) {
        rejected++;
        for (const error of errors) expect(formatFieldError(error).length).toBeGreaterThan(0);
        expect(() => produceMachineConfig(input)).toThrow(Day1ValidationError);
        return;
      }
      /* eslint-enable jest/no-conditional-expect */
      acceptedCount++;
      accepted.set(input.machineConfigName, { input, machineConfig: checkAccepted(input) });
    }),
    { numRuns: RUNS },
  );
  // Both outcomes must be well represented, or the property says little.
  expect(acceptedCount).toBeGreaterThan(RUNS / 5);
  expect(rejected).toBeGreaterThan(RUNS / 5);

  const produced = [...accepted.values()];
  for (let i = 0; i < produced.length; i += 1000) {
    expect(verifyUnits(produced.slice(i, i + 1000).map((p) => p.machineConfig))).toBe('');
  }

  // Run the scripts for the accepted inputs with the most unusual firmware paths, and a few others.
  const byStrangeness = produced
    .map((p) => p.input)
    .sort((a, b) => strangeness(b) - strangeness(a));
  const sample = [...byStrangeness.slice(0, SCRIPT_RUNS - 10), ...byStrangeness.slice(-10)];
  for (let i = 0; i < sample.length; i += 4) {
    await Promise.all(sample.slice(i, i + 4).map(checkScripts));
  }
});

const strangeness = (input: Day1Options): number =>
  Array.from(input.firmwareFilesPath ?? '').filter((c) => !/[A-Za-z0-9/]/.test(c)).length;
