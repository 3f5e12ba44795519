import { NOW, R1, R2, ago, node, pool } from '../../../test/support/rollout-objects';
import { deriveRollout } from '../../rollout';
import type { Day1State, NodeDay1State, NodeRollout } from '../../rollout';
import {
  DEFAULT_NODE_QUERY,
  countPhases,
  pageOf,
  samePhaseCounts,
  selectNodes,
} from './node-table-model';

/** Nodes in several phases, from MCO-shaped objects (names chosen so name order differs). */
const nodes: readonly NodeRollout[] = deriveRollout(
  {
    pools: [pool({ target: R2, current: R1, maxUnavailable: 2 })],
    nodes: [
      node('worker-b', { current: R2 }),
      node('worker-a', { current: R1 }),
      node('worker-c', { current: R1, desired: R2, state: 'Degraded', reason: 'boom' }),
      node('Worker-D', {
        current: R1,
        desired: R2,
        state: 'Working',
        desiredDrain: `drain-${R2}`,
        cordonedAt: ago(3),
      }),
    ],
  },
  NOW,
).pools[0].nodes;

const names = (list: NodeRollout[]) => list.map((n) => n.name);

describe('selectNodes', () => {
  it('sorts by name by default', () => {
    expect(names(selectNodes(nodes, DEFAULT_NODE_QUERY))).toEqual([
      'Worker-D',
      'worker-a',
      'worker-b',
      'worker-c',
    ]);
  });

  it('puts problems first when sorted by phase, then by name', () => {
    expect(nodes.map((n) => [n.name, n.phase])).toEqual(
      expect.arrayContaining([
        ['worker-a', 'Pending'],
        ['worker-b', 'Updated'],
        ['worker-c', 'Degraded'],
        ['Worker-D', 'Draining'],
      ]),
    );
    const query = { ...DEFAULT_NODE_QUERY, sortBy: 'phase' as const };
    expect(names(selectNodes(nodes, query))).toEqual([
      'worker-c',
      'Worker-D',
      'worker-a',
      'worker-b',
    ]);
    expect(names(selectNodes(nodes, { ...query, direction: 'desc' }))).toEqual([
      'worker-b',
      'worker-a',
      'Worker-D',
      'worker-c',
    ]);
  });

  it('filters by phases and searches names in any case', () => {
    expect(
      names(selectNodes(nodes, { ...DEFAULT_NODE_QUERY, phases: ['Degraded', 'Updated'] })),
    ).toEqual(['worker-b', 'worker-c']);
    expect(names(selectNodes(nodes, { ...DEFAULT_NODE_QUERY, search: ' worker-d ' }))).toEqual([
      'Worker-D',
    ]);
    expect(
      selectNodes(nodes, { ...DEFAULT_NODE_QUERY, search: 'worker', phases: ['Paused'] }),
    ).toEqual([]);
  });

  it('sorts by Day 1 state worst first, nodes without a Day 1 config last, either way', () => {
    const state = (value: Day1State): NodeDay1State => ({
      state: value,
      worstConfig: '99-sfc-day1',
      configs: [],
      rebooting: false,
    });
    const day1States = new Map([
      ['worker-a', state('Loaded')],
      ['worker-b', state('LoadFailed')],
      ['worker-c', state('Unreachable')],
    ]);
    const query = { ...DEFAULT_NODE_QUERY, sortBy: 'day1' as const };
    expect(names(selectNodes(nodes, query, day1States))).toEqual([
      'worker-b',
      'worker-c',
      'worker-a',
      'Worker-D',
    ]);
    expect(names(selectNodes(nodes, { ...query, direction: 'desc' }, day1States))).toEqual([
      'Worker-D',
      'worker-a',
      'worker-c',
      'worker-b',
    ]);
  });

  it('sorts by since with unknown times first, and leaves its input alone', () => {
    const input = [...nodes];
    const sorted = selectNodes(input, { ...DEFAULT_NODE_QUERY, sortBy: 'since' });
    const times = sorted.map((n) => n.since ?? '');
    expect(times).toEqual([...times].sort());
    expect(input).toEqual(nodes);
  });
});

describe('countPhases', () => {
  it('counts every phase, zero included', () => {
    expect(countPhases(nodes)).toEqual({
      Degraded: 1,
      Draining: 1,
      Updating: 0,
      Rebooting: 0,
      RebootingForDay1: 0,
      Paused: 0,
      Pending: 1,
      Updated: 1,
    });
  });

  it('tells equal counts from different ones, whatever the objects', () => {
    expect(samePhaseCounts(countPhases(nodes), countPhases([...nodes]))).toBe(true);
    expect(samePhaseCounts(countPhases(nodes), countPhases(nodes.slice(1)))).toBe(false);
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 120 }, (_, i) => i);

  it('slices the page', () => {
    expect(pageOf(items, 2, 50)).toEqual({ items: items.slice(50, 100), page: 2 });
    expect(pageOf(items, 3, 50).items).toEqual(items.slice(100));
  });

  it('shows the last page when the page is past the end, and page 1 of nothing', () => {
    expect(pageOf(items, 9, 50).page).toBe(3);
    expect(pageOf([], 4, 50)).toEqual({ items: [], page: 1 });
  });
});
