import i18n from 'i18next';
import { NODE_PHASES, day1FollowUp, formatDay1Message } from '../../rollout';
import type { Day1FollowUp, Day1Message, NodeRollout } from '../../rollout';
import { unverifiedFollowUpText } from '../shared/rollout-text';
import type { Translate } from '../shared/usePluginTranslation';
import { followUpText, verifyOutcomeText } from './follow-up-text';

// The catalog that setup-tests.ts loads, as the views get it.
const t: Translate = i18n.getFixedT('en', 'plugin__kmm-day1-console-plugin');

/** One message per code: the type makes the list complete. */
type OnePerCode<M extends { code: string }> = { [C in M['code']]: Extract<M, { code: C }> };

const DAY1_MESSAGES: OnePerCode<Day1Message> = {
  awaitingMCO: { code: 'awaitingMCO', params: { phase: 'Rebooting' } },
  notVerified: { code: 'notVerified', params: {} },
  statusFromEarlierBoot: {
    code: 'statusFromEarlierBoot',
    params: { phase: 'Loaded', updatedAt: '2026-11-24T03:00:00Z' },
  },
  statusForOtherKernel: {
    code: 'statusForOtherKernel',
    params: { statusKernel: '5.14.0-284', nodeKernel: '5.14.0-427' },
  },
  waitingForImagePullReboot: { code: 'waitingForImagePullReboot', params: {} },
  loading: { code: 'loading', params: {} },
  loaded: { code: 'loaded', params: {} },
  loadedButNotInKernel: { code: 'loadedButNotInKernel', params: {} },
  pullFailed: { code: 'pullFailed', params: { image: 'quay.io/a/b:5.14', error: 'denied' } },
  loadFailed: { code: 'loadFailed', params: { error: null, inTreeRestored: null } },
  loadRefused: {
    code: 'loadRefused',
    params: { reason: 'InTreeModuleHeld', module: 'mdio', error: 'mdio is used by sfc_ptp' },
  },
  loadSkippedAfterCrash: {
    code: 'loadSkippedAfterCrash',
    params: { image: 'quay.io/acme/sfc-kmod:5.14' },
  },
  rebootBudgetExhausted: {
    code: 'rebootBudgetExhausted',
    params: { rebootsUsed: 1, error: null },
  },
  noStatusFile: {
    code: 'noStatusFile',
    params: {
      machineConfig: '99-sfc-day1',
      problem: {
        code: 'malformed',
        params: {
          problems: [
            { code: 'fieldNotString', params: { field: 'bootID' } },
            { code: 'unknownPhase', params: { phases: ['Loaded', 'Loading'] } },
          ],
        },
      },
    },
  },
  lsmodDoesNotList: { code: 'lsmodDoesNotList', params: { module: 'sfc' } },
  nothingToVerify: { code: 'nothingToVerify', params: {} },
  noStatusPrinted: { code: 'noStatusPrinted', params: {} },
};

describe('followUpText', () => {
  const followUp = (message: Day1Message): Day1FollowUp => ({
    state: message.code === 'loadFailed' ? 'ModuleNotLoaded' : 'Unknown',
    message,
  });

  it.each(Object.values(DAY1_MESSAGES))('words $code without a placeholder left', (message) => {
    expect(followUpText(t, followUp(message))).not.toMatch(/{{|}}/);
  });

  it.each([
    { code: 'loadFailed', params: { error: 'bad signature', inTreeRestored: true } },
    { code: 'loadFailed', params: { error: 'bad signature', inTreeRestored: false } },
    DAY1_MESSAGES.loadRefused,
    { code: 'loadRefused', params: { reason: null, module: 'sfc', error: null } },
    DAY1_MESSAGES.loadSkippedAfterCrash,
    DAY1_MESSAGES.rebootBudgetExhausted,
    { code: 'rebootBudgetExhausted', params: { rebootsUsed: 2, error: 'image GC' } },
  ] as Day1Message[])('words a node-script failure ($code) as the CLI does', (message) => {
    const text = followUpText(t, { state: 'ModuleNotLoaded', message });
    expect(text.replace(/^Module/, 'module')).toBe(formatDay1Message(message));
  });

  it('puts the reason after the state, in the catalog English', () => {
    expect(followUpText(t, followUp(DAY1_MESSAGES.noStatusFile))).toBe(
      'Unknown: no status file for 99-sfc-day1 (the Day 1 status file is malformed: "bootID" must be a string; "phase" is missing: it must be one of Loaded, Loading)',
    );
    expect(followUpText(t, followUp(DAY1_MESSAGES.loadFailed))).toBe(
      'Module not loaded: the load unit failed',
    );
    expect(followUpText(t, undefined)).toBe('No Day 1 config');
    expect(
      verifyOutcomeText(t, {
        state: 'ModuleLoaded',
        message: DAY1_MESSAGES.loaded,
        configs: [],
        worstConfig: '99-ice-day1',
      }),
    ).toBe('Module loaded (99-ice-day1)');
  });
});

describe('unverifiedFollowUpText', () => {
  it.each(NODE_PHASES)(
    'words the follow-up of a %s node without a status file as followUpText does',
    (phase) => {
      // Without a status file, day1FollowUp reads the node's phase only.
      const followUp = day1FollowUp({ phase } as NodeRollout, undefined);
      expect(unverifiedFollowUpText(t, followUp)).toBe(followUpText(t, followUp));
    },
  );

  it('words a pool without a Day 1 config as followUpText does', () => {
    expect(unverifiedFollowUpText(t, undefined)).toBe(followUpText(t, undefined));
  });
});
