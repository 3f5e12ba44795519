import i18n from 'i18next';
import { formatDay1Message, formatNodeMessage, formatPoolMessage } from '../../rollout';
import type { Day1FollowUp, Day1Message, NodeMessage, PoolMessage } from '../../rollout';
import { followUpText, nodeMessageText, poolMessageText, verifyOutcomeText } from './rollout-text';
import type { Translate } from './usePluginTranslation';

// The catalog that setup-tests.ts loads, as the views get it.
const t: Translate = i18n.getFixedT('en', 'plugin__kmm-day1-console-plugin');

/** One message per code: the type makes the list complete. */
type OnePerCode<M extends { code: string }> = { [C in M['code']]: Extract<M, { code: C }> };

const NODE_MESSAGES: OnePerCode<NodeMessage> = {
  mco: { code: 'mco', params: { text: 'Drain failed: {{not a placeholder}}' } },
  daemonReportsState: { code: 'daemonReportsState', params: { state: 'Unreconcilable' } },
  daemonReportsDegraded: { code: 'daemonReportsDegraded', params: {} },
  rebootingInto: { code: 'rebootingInto', params: { config: 'rendered-worker-2' } },
  postConfigAction: { code: 'postConfigAction', params: { config: 'rendered-worker-2' } },
  writingFilesAndOS: { code: 'writingFilesAndOS', params: { config: 'rendered-worker-2' } },
  drainingNode: { code: 'drainingNode', params: {} },
  drainingNodeFor: { code: 'drainingNodeFor', params: { config: 'rendered-worker-2' } },
  drainBlocked: {
    code: 'drainBlocked',
    params: {
      cause: 'disruptionBudget',
      pod: 'web-1',
      namespace: 'shop',
      text: 'error when evicting pods/"web-1" -n "shop": … disruption budget.',
    },
  },
  drainedWriting: { code: 'drainedWriting', params: { config: 'rendered-worker-2' } },
  cordonedDrainingNext: { code: 'cordonedDrainingNext', params: {} },
  appliedFinishing: { code: 'appliedFinishing', params: { config: 'rendered-worker-2' } },
  appliedAwaitingUncordon: {
    code: 'appliedAwaitingUncordon',
    params: { config: 'rendered-worker-2' },
  },
  awaitingDaemon: { code: 'awaitingDaemon', params: { config: 'rendered-worker-2' } },
  daemonUpdating: { code: 'daemonUpdating', params: { config: 'rendered-worker-2' } },
  notReady: { code: 'notReady', params: { reasons: ['NotReady', 'DiskPressure'] } },
  daemonProcessing: { code: 'daemonProcessing', params: {} },
  noCurrentConfig: { code: 'noCurrentConfig', params: {} },
  poolPaused: { code: 'poolPaused', params: { pool: 'sfc', config: 'rendered-sfc-1' } },
  notOnRelease: { code: 'notOnRelease', params: { version: '4.22.1' } },
  awaitingUpdateTo: { code: 'awaitingUpdateTo', params: { config: 'rendered-worker-2' } },
  awaitingPoolTarget: { code: 'awaitingPoolTarget', params: {} },
  poolConflict: { code: 'poolConflict', params: { pools: ['sfc', 'ice'] } },
  windowsNotManaged: { code: 'windowsNotManaged', params: {} },
  notInPool: { code: 'notInPool', params: {} },
  rebootingForDay1Image: { code: 'rebootingForDay1Image', params: { config: '99-sfc-day1' } },
};

const POOL_MESSAGES: OnePerCode<PoolMessage> = {
  mco: { code: 'mco', params: { text: 'All nodes are updated with MachineConfig rendered-x' } },
  cannotRender: { code: 'cannotRender', params: {} },
  poolDegraded: { code: 'poolDegraded', params: {} },
  nodeReporting: {
    code: 'nodeReporting',
    params: { node: 'worker-1', message: { code: 'mco', params: { text: 'boom' } } },
  },
  allUpdated: { code: 'allUpdated', params: {} },
  allUpdatedWith: { code: 'allUpdatedWith', params: { config: 'rendered-worker-2' } },
  pausedBeforeFirstConfig: { code: 'pausedBeforeFirstConfig', params: {} },
  pausedBefore: { code: 'pausedBefore', params: { config: 'rendered-worker-2' } },
  updatingToFirstConfig: { code: 'updatingToFirstConfig', params: {} },
  updatingTo: { code: 'updatingTo', params: { config: 'rendered-worker-2' } },
  day1Rebooting: { code: 'day1Rebooting', params: { count: 2 } },
};

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

describe('node and pool messages', () => {
  it.each(Object.values(NODE_MESSAGES))('words node message $code as the CLI does', (message) => {
    expect(nodeMessageText(t, message)).toBe(formatNodeMessage(message));
  });

  it.each(Object.values(POOL_MESSAGES))('words pool message $code as the CLI does', (message) => {
    expect(poolMessageText(t, message)).toBe(formatPoolMessage(message));
  });

  it.each([
    { cause: 'disruptionBudget', pod: null, namespace: null },
    { cause: 'evictionFailed', pod: 'db-0', namespace: null },
    { cause: 'evictionFailed', pod: null, namespace: null },
    { cause: 'timeout', pod: null, namespace: null },
  ] as const)('words a blocked drain ($cause, pod $pod) as the CLI does', (block) => {
    const message: NodeMessage = { code: 'drainBlocked', params: { ...block, text: 'x' } };
    expect(nodeMessageText(t, message)).toBe(formatNodeMessage(message));
  });

  it("shows MCO's words as they are, even what looks like a placeholder", () => {
    expect(nodeMessageText(t, NODE_MESSAGES.mco)).toBe('Drain failed: {{not a placeholder}}');
    expect(nodeMessageText(t, undefined)).toBe('');
  });
});

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
