import { NOW, R2, node, pool } from '../../test/support/rollout-objects';
import { day1StatusFile } from '../../test/support/day1-status-file';
import { formatPoolMessage } from './english';
import { parseDay1Status } from './day1-status-file';
import type { Day1Status } from './day1-status';
import { Day1RolloutDeriver } from './day1-rollout';
import type { Day1StatusRead, NodeDay1Facts } from './day1-state';
import { deriveRollout } from './deriver';

const KERNEL = '5.14.0-427.13.1.el9_4.x86_64';
const AT = '2026-11-24T03:20:00Z';

const read = (name: string, changes: Partial<Day1Status> = {}): Day1StatusRead => ({
  kind: 'read',
  status: parseDay1Status(
    day1StatusFile({ bootID: `boot-${name}`, kernelVersion: KERNEL, ...changes }),
  ),
  at: AT,
});
const facts = (
  entries: Record<string, Day1StatusRead | undefined>,
  bootIDWhenDone?: Record<string, string>,
): Map<string, NodeDay1Facts> =>
  new Map(
    Object.entries(entries).map(([name, value]) => [
      name,
      { reads: new Map([['99-sfc-day1', value]]), bootIDWhenDone: bootIDWhenDone?.[name] },
    ]),
  );

/** A worker pool whose target brings 99-sfc-day1, every node of it done by MCO's account. */
const updatedRollout = (maxUnavailable?: number) =>
  deriveRollout(
    {
      pools: [pool({ sources: ['00-worker', '99-sfc-day1'], current: R2, maxUnavailable })],
      nodes: [node('a', { current: R2 }), node('b', { current: R2 })],
    },
    NOW,
  );

describe('Day1RolloutDeriver', () => {
  it('leaves a pool with every node loaded as MCO says: Updated', () => {
    const rollout = updatedRollout();
    const result = new Day1RolloutDeriver().derive(rollout, facts({ a: read('a'), b: read('b') }));
    expect(result.rollout).toBe(rollout);
    expect(result.pools.get('worker')?.counts).toMatchObject({ total: 2, loaded: 2 });
    expect(result.nodes.get('a')?.state).toBe('Loaded');
  });

  it('is not done while a node has not reported from its boot, and says why', () => {
    const result = new Day1RolloutDeriver().derive(
      updatedRollout(),
      facts({ a: read('a'), b: undefined }),
    );
    const [worker] = result.rollout.pools;
    expect(worker.state).toBe('Updating');
    expect(formatPoolMessage(worker.message)).toBe(
      'MCO is done, but 1 node is rebooting for the Day 1 image or has not reported since',
    );
    expect(worker.phaseCounts).toMatchObject({ Updated: 1, RebootingForDay1: 1 });
    expect(worker.completion).toBe(50);
    expect(worker.estimatedSecondsLeft).toBeGreaterThan(0);
    expect(worker.nodes.map((n) => [n.name, n.phase])).toEqual([
      ['a', 'Updated'],
      ['b', 'RebootingForDay1'],
    ]);
    expect(result.pools.get('worker')?.counts).toMatchObject({ rebooting: 1, loaded: 1 });
  });

  it('shows a node that rebooted after MCO was done in its own phase until it reports loaded', () => {
    const deriver = new Day1RolloutDeriver();
    const rebooted = deriver.derive(
      updatedRollout(),
      facts({ a: read('a'), b: read('b', { bootID: 'boot-earlier' }) }, { b: 'boot-earlier' }),
    );
    expect(rebooted.rollout.pools[0].nodes[1].phase).toBe('RebootingForDay1');
    const back = deriver.derive(
      updatedRollout(),
      facts({ a: read('a'), b: read('b') }, { b: 'boot-earlier' }),
    );
    expect(back.rollout.pools[0].state).toBe('Updated');
  });

  it('gives back the same objects when nothing changed, and recomputes only what did', () => {
    const deriver = new Day1RolloutDeriver();
    const rollout = updatedRollout();
    const before = facts({ a: read('a'), b: undefined });
    const first = deriver.derive(rollout, before);
    const again = deriver.derive(rollout, before);
    expect(again.rollout.pools[0]).toBe(first.rollout.pools[0]);
    const changed = new Map(before);
    changed.set('b', { reads: new Map([['99-sfc-day1', read('b')]]) });
    const next = deriver.derive(rollout, changed);
    expect(next.rollout.pools[0].nodes[0]).toBe(first.rollout.pools[0].nodes[0]);
    expect(next.rollout.pools[0].state).toBe('Updated');
  });

  it('keeps Day 1 states, counts and maps when a node event changes nothing they read (a cordon)', () => {
    const deriver = new Day1RolloutDeriver();
    const statuses = facts({ a: read('a'), b: read('b') });
    const first = deriver.derive(updatedRollout(), statuses);
    const cordoned = deriveRollout(
      {
        pools: [pool({ sources: ['00-worker', '99-sfc-day1'], current: R2 })],
        nodes: [node('a', { current: R2, unschedulable: true }), node('b', { current: R2 })],
      },
      NOW,
    );
    const next = deriver.derive(cordoned, statuses);
    // The cordoned node is a new NodeRollout: the table shows it as given.
    expect(next.rollout.pools[0].nodes[0]).toBe(cordoned.pools[0].nodes[0]);
    expect(next.nodes).toBe(first.nodes);
    expect(next.pools).toBe(first.pools);
    expect(next.nodes.get('a')).toBe(first.nodes.get('a'));
  });

  it('derives a node again when something its Day 1 state reads changes, and forgets nodes gone', () => {
    const deriver = new Day1RolloutDeriver();
    const statuses = facts({ a: read('a'), b: read('b') }, { b: 'boot-b' });
    const first = deriver.derive(updatedRollout(), statuses);
    expect(first.nodes.get('b')?.state).toBe('Loaded');
    const rebooted = deriveRollout(
      {
        pools: [pool({ sources: ['00-worker', '99-sfc-day1'], current: R2 })],
        nodes: [node('b', { current: R2, bootID: 'boot-b-2' })],
      },
      NOW,
    );
    const next = deriver.derive(rebooted, statuses);
    expect(next.nodes.get('b')?.state).toBe('RebootingForImage');
    expect(next.rollout.pools[0].nodes.map((n) => [n.name, n.phase])).toEqual([
      ['b', 'RebootingForDay1'],
    ]);
    expect(next.pools.get('worker')?.counts).toMatchObject({ total: 1, rebooting: 1 });
    expect([...next.nodes.keys()]).toEqual(['b']);
  });

  it('flags more nodes unavailable than maxUnavailable', () => {
    const rollout = deriveRollout(
      {
        pools: [pool({ sources: ['00-worker', '99-sfc-day1'], current: R2, maxUnavailable: 1 })],
        nodes: [node('a', { current: R2, ready: false }), node('b', { current: R2, ready: false })],
      },
      NOW,
    );
    const result = new Day1RolloutDeriver().derive(rollout, new Map());
    expect(result.pools.get('worker')?.overMaxUnavailable).toBe(true);
    expect(
      new Day1RolloutDeriver().derive(updatedRollout(1), new Map()).pools.get('worker')
        ?.overMaxUnavailable,
    ).toBe(false);
  });

  it('leaves pools without Day 1 configs alone', () => {
    const rollout = deriveRollout(
      { pools: [pool({ current: R2 })], nodes: [node('a', { current: R2 })] },
      NOW,
    );
    const result = new Day1RolloutDeriver().derive(rollout, new Map());
    expect(result.rollout).toBe(rollout);
    expect(result.pools.size).toBe(0);
  });
});
