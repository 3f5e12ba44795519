import i18n from 'i18next';
import {
  formatFieldError,
  formatPoolProblem,
  validateDay1Options,
  validateMachineConfigPool,
} from '../../producer';
import type { Day1Options } from '../../producer';
import type { Translate } from '../shared/usePluginTranslation';
import { formProblemText } from './validation-text';

// The catalog that setup-tests.ts loads, as the views get it.
const t: Translate = i18n.getFixedT('en', 'plugin__kmm-day1-console-plugin');

const valid: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
};

/** One input per problem the producer can find, so that every code is worded here. */
const BAD_OPTIONS: Partial<Record<keyof Day1Options, unknown>>[] = [
  { machineConfigName: '', machineConfigPoolRef: '', kernelModuleImage: '', kernelModuleName: '' },
  { machineConfigName: 42, machineConfigPoolRef: 1, kernelModuleImage: 2, kernelModuleName: 3 },
  { workerImage: 4, firmwareFilesPath: 5, inTreeModulesToRemove: 'sfc' },
  { machineConfigName: 'a'.repeat(223) },
  { machineConfigName: 'Bad_Name' },
  { machineConfigName: 'rendered-sfc' },
  { machineConfigPoolRef: 'SFC' },
  { kernelModuleName: 'sfc.ko' },
  { kernelModuleName: '-r' },
  { kernelModuleName: 'm'.repeat(56) },
  { kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0' },
  { kernelModuleImage: `quay.io/acme/sfc-kmod@sha256:${'0'.repeat(64)}` },
  { kernelModuleImage: 'quay.io/acme/sfc kmod' },
  { kernelModuleImage: 'quay.io/acme/sfc@sha256:abc' },
  { kernelModuleImage: 'quay.io/acme/sfc:-bad' },
  { kernelModuleImage: 'sfc-kmod' },
  { kernelModuleImage: '-quay.io/acme/sfc' },
  { kernelModuleImage: 'quay.io/Acme/sfc' },
  { kernelModuleImage: `quay.io/${'a'.repeat(250)}` },
  { workerImage: 'worker:latest' },
  { firmwareFilesPath: `/${'f'.repeat(4096)}` },
  { firmwareFilesPath: '/firmware\nsfc' },
  { firmwareFilesPath: 'firmware' },
  { firmwareFilesPath: '/firmware/../etc' },
  { inTreeModulesToRemove: ['sfc', '', 'nvme-core', 'nvme_core', 'a.b', '-x', 'm'.repeat(56)] },
];

describe('formProblemText', () => {
  const errors = BAD_OPTIONS.flatMap((changes) =>
    validateDay1Options({ ...valid, ...changes } as Day1Options),
  );

  it('says in English what the CLI says, for every code', () => {
    for (const error of errors) {
      expect(formProblemText(t, error)).toBe(formatFieldError(error));
    }
    const poolProblems = [
      ...validateMachineConfigPool('worker'),
      ...validateMachineConfigPool('SFC', { maxUnavailable: 0 }),
    ];
    for (const problem of poolProblems) {
      expect(formProblemText(t, problem)).toBe(formatPoolProblem(problem));
    }
    expect(poolProblems.map((p) => p.code)).toEqual([
      'poolNameBuiltIn',
      'poolNameInvalid',
      'maxUnavailableInvalid',
    ]);
  });

  it('is exercised with every code the producer returns', () => {
    const codes = new Set(
      errors.flatMap((e) =>
        e.code === 'imageInvalid' || e.code === 'inTreeEntryInvalid'
          ? [e.code, e.params.problem.code]
          : [e.code],
      ),
    );
    expect([...codes].sort()).toEqual(
      [
        'required',
        'notString',
        'notList',
        'machineConfigNameTooLong',
        'machineConfigNameInvalid',
        'machineConfigNameRendered',
        'poolNameInvalid',
        'moduleNameInvalid',
        'moduleNameLeadingDash',
        'moduleNameTooLong',
        'imageInvalid',
        'imageHasTag',
        'imageHasDigest',
        'imageHasSpaces',
        'imageInvalidDigest',
        'imageInvalidTag',
        'imageNoRegistryHost',
        'imageInvalidRegistryHost',
        'imageInvalidPathComponent',
        'imageNameTooLong',
        'firmwarePathTooLong',
        'firmwarePathControlCharacters',
        'firmwarePathNotAbsolute',
        'firmwarePathNotNormalised',
        'inTreeEntryEmpty',
        'inTreeEntryInvalid',
        'inTreeEntryRepeats',
      ].sort(),
    );
  });
});
