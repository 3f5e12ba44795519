import i18n from 'i18next';
import { formatNodeMessage, formatPoolMessage } from '../../rollout';
import type { NodeMessage, PoolMessage } from '../../rollout';
import { nodeMessageText, poolMessageText } from './rollout-text';
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
