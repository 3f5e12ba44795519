import { NOW, R2, node, pool } from '../../test/support/rollout-objects';
import { day1StatusFile } from '../../test/support/day1-status-file';
import { parseDay1Status } from './day1-status-file';
import type { Day1Status } from './day1-status';
import { DAY1_STATES, day1PoolCounts, nodeDay1State } from './day1-state';
import type { Day1StatusRead, NodeDay1Facts } from './day1-state';
import { deriveRollout } from './deriver';
import type { NodeRollout } from './types';

const KERNEL = '5.14.0-427.13.1.el9_4.x86_64';
const AT = '2026-11-24T03:20:00Z';

/** node `a` of a worker pool, Updated (current R2) unless told otherwise, bootID boot-a. */
const rolloutOf = (options: Parameters<typeof node>[1] = {}): NodeRollout =>
  deriveRollout({ pools: [pool()], nodes: [node('a', { current: R2, ...options })] }, NOW).pools[0]
    .nodes[0];
const updated = rolloutOf();

const status = (changes: Partial<Day1Status> = {}): Day1Status =>
  parseDay1Status(day1StatusFile({ bootID: 'boot-a', kernelVersion: KERNEL, ...changes }));
const read = (changes: Partial<Day1Status> = {}): Day1StatusRead => ({
  kind: 'read',
  status: status(changes),
  at: AT,
});
const facts = (
  reads: Record<string, Day1StatusRead | undefined>,
  bootIDWhenDone?: string,
): NodeDay1Facts => ({ reads: new Map(Object.entries(reads)), bootIDWhenDone });
const stateOf = (reads: Record<string, Day1StatusRead | undefined>, n = updated, bootID?: string) =>
  nodeDay1State(n, Object.keys(reads), facts(reads, bootID));

describe('nodeDay1State', () => {
  it('has none for a node whose pool target has no Day 1 config', () => {
    expect(nodeDay1State(updated, [], undefined)).toBeUndefined();
  });

  it.each([
    [{ phase: 'ImagesMissing', moduleLoaded: false }, 'PullingImage'],
    [{ phase: 'Pulling', moduleLoaded: false }, 'PullingImage'],
    [{ phase: 'RebootPending', moduleLoaded: false }, 'RebootingForImage'],
    [{ phase: 'Loading', moduleLoaded: false }, 'Loading'],
    [{ phase: 'Loaded', moduleLoaded: true }, 'Loaded'],
    [{ phase: 'Loaded', moduleLoaded: false }, 'LoadFailed'],
    [{ phase: 'PullFailed', moduleLoaded: false, reason: 'PullFailed' }, 'PullFailed'],
    [{ phase: 'LoadFailed', moduleLoaded: false, inTreeRestored: true }, 'LoadFailed'],
    [{ phase: 'LoadRefused', moduleLoaded: false, reason: 'InTreeModuleHeld' }, 'Refused'],
    [{ phase: 'LoadSkippedAfterCrash', moduleLoaded: false }, 'SkippedAfterCrash'],
    [{ phase: 'RebootBudgetExhausted', moduleLoaded: false }, 'RebootBudgetUsed'],
  ] as [Partial<Day1Status>, string][])(
    'reads %j from this boot as %s once MCO is done',
    (changes, state) => {
      expect(stateOf({ '99-sfc-day1': read(changes) })?.state).toBe(state);
    },
  );

  it('keeps what the node wrote about a failed load: restored or not, and its words', () => {
    const state = stateOf({
      '99-sfc-day1': read({
        phase: 'LoadFailed',
        moduleLoaded: false,
        inTreeRestored: false,
        reason: 'WorkerFailed',
        lastError: 'Key was rejected by service',
      }),
    });
    expect(state?.configs[0]).toMatchObject({
      state: 'LoadFailed',
      inTreeRestored: false,
      reason: 'WorkerFailed',
      error: 'Key was rejected by service',
      readAt: AT,
    });
  });

  it('waits for MCO while it updates the node, but shows the Day 1 reboot inside its window', () => {
    const draining = rolloutOf({ current: 'rendered-worker-old', desired: R2, state: 'Working' });
    expect(stateOf({ mc: read({ phase: 'Loaded' }) }, draining)?.state).toBe('WaitingForMCO');
    expect(stateOf({ mc: undefined }, draining)?.state).toBe('WaitingForMCO');
    expect(stateOf({ mc: read({ phase: 'Pulling', moduleLoaded: false }) }, draining)?.state).toBe(
      'PullingImage',
    );
    expect(
      stateOf({ mc: read({ phase: 'RebootPending', moduleLoaded: false }) }, draining)?.state,
    ).toBe('RebootingForImage');
  });

  it('is not reported until a file from this boot is read, and then not done', () => {
    const state = stateOf({ mc: undefined });
    expect(state).toMatchObject({ state: 'NotReported', rebooting: true });
    expect(stateOf({ mc: { kind: 'missing', at: AT } })).toMatchObject({
      state: 'NotReported',
      rebooting: true,
    });
  });

  it('calls a file from an earlier boot stale, unless it said the node reboots for its image', () => {
    expect(stateOf({ mc: read({ bootID: 'boot-before' }) })?.state).toBe('Stale');
    expect(stateOf({ mc: read({ kernelVersion: '5.14.0-284.59.1.el9_2.x86_64' }) })?.state).toBe(
      'Stale',
    );
    expect(
      stateOf({ mc: read({ bootID: 'boot-before', phase: 'RebootPending', moduleLoaded: false }) }),
    ).toMatchObject({ state: 'RebootingForImage', rebooting: true });
  });

  it('sees a reboot after MCO was done by the bootID, with or without access to the files', () => {
    // The page saw the node done with boot-x; it now runs boot-a.
    expect(stateOf({ mc: undefined }, updated, 'boot-x')).toMatchObject({
      state: 'RebootingForImage',
      rebooting: true,
    });
    expect(stateOf({ mc: read({ bootID: 'boot-x' }) }, updated, 'boot-x')?.state).toBe(
      'RebootingForImage',
    );
    expect(stateOf({ mc: { kind: 'forbidden', at: AT } }, updated, 'boot-x')?.state).toBe(
      'RebootingForImage',
    );
    // Back with the module loaded: done.
    expect(stateOf({ mc: read({ phase: 'Loaded' }) }, updated, 'boot-x')).toMatchObject({
      state: 'Loaded',
      rebooting: false,
    });
  });

  it('says unreachable, never failed, for a node the proxy cannot reach, and keeps the last status', () => {
    const lastKnown = { status: status({ phase: 'Loaded' }), at: '2026-11-24T03:00:00Z' };
    const state = stateOf({
      mc: { kind: 'unreachable', error: 'error trying to reach service', at: AT, lastKnown },
    });
    expect(state?.configs[0]).toMatchObject({
      state: 'Unreachable',
      status: lastKnown.status,
      readAt: '2026-11-24T03:00:00Z',
      error: 'error trying to reach service',
    });
  });

  it('says no access without nodes/proxy, and unreadable for a corrupt file', () => {
    expect(stateOf({ mc: { kind: 'forbidden', at: AT } })?.state).toBe('NoAccess');
    expect(
      stateOf({
        mc: { kind: 'malformed', at: AT, problems: [{ code: 'notJSON', params: { error: 'x' } }] },
      })?.state,
    ).toBe('Unreadable');
  });

  it("takes the worst config's state for the node, naming it", () => {
    const state = stateOf({
      '99-ice-day1': read({ phase: 'Loaded' }),
      '99-sfc-day1': read({ phase: 'PullFailed', moduleLoaded: false }),
    });
    expect(state).toMatchObject({ state: 'PullFailed', worstConfig: '99-sfc-day1' });
    expect(state?.configs.map((c) => c.state)).toEqual(['Loaded', 'PullFailed']);
  });

  it('ranks every state', () => {
    expect(new Set(DAY1_STATES).size).toBe(15);
  });
});

describe('day1PoolCounts', () => {
  it('counts loaded, failed, unreachable, in progress and rebooting nodes', () => {
    const states = [
      stateOf({ mc: read({ phase: 'Loaded' }) }),
      stateOf({ mc: read({ phase: 'Loaded' }) }),
      stateOf({ mc: read({ phase: 'LoadFailed', moduleLoaded: false }) }),
      stateOf({ mc: { kind: 'unreachable', error: 'timeout', at: AT } }),
      stateOf({ mc: undefined }),
      stateOf({ mc: { kind: 'forbidden', at: AT } }),
      undefined,
    ];
    expect(day1PoolCounts(states)).toEqual({
      total: 6,
      loaded: 2,
      failed: 1,
      unreachable: 1,
      inProgress: 1,
      unknown: 1,
      rebooting: 1,
    });
  });
});
