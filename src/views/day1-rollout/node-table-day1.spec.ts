import type { NodeDay1State, NodeRollout, PoolDay1 } from '../../rollout';
import {
  DEFAULT_NODE_QUERY,
  countDay1Outcomes,
  parseDay1Filter,
  selectNodes,
} from './node-table-model';
import { samePoolDay1 } from './pool-card-model';
import { configDay1Counts } from '../shared/config-day1-counts';
import type { Day1Rollout, PoolRollout } from '../../rollout';

const node = (name: string): NodeRollout => ({
  name,
  pool: 'sfc',
  phase: 'Updated',
  reason: 'Done',
  message: undefined,
  source: 'annotations',
  ready: true,
  kubeletReady: true,
  unavailable: false,
  degraded: false,
  updated: true,
});

const state = (s: NodeDay1State['state']): NodeDay1State => ({
  state: s,
  worstConfig: '99-sfc-day1',
  configs: [{ machineConfig: '99-sfc-day1', state: s }],
  rebooting: false,
});

const nodes = ['a', 'b', 'c', 'd', 'e'].map(node);
const states = new Map<string, NodeDay1State>([
  ['a', state('Loaded')],
  ['b', state('LoadFailed')],
  ['c', state('Unreachable')],
  ['d', state('Refused')],
]);

describe('the Day 1 filter of the node table', () => {
  it('reads outcomes from the URL parameter, ignoring unknown words', () => {
    expect(parseDay1Filter('failed,unreachable,bogus')).toEqual(['failed', 'unreachable']);
    expect(parseDay1Filter(null)).toEqual([]);
  });

  it('keeps the nodes with the chosen outcomes', () => {
    const failed = selectNodes(nodes, { ...DEFAULT_NODE_QUERY, day1: ['failed'] }, states);
    expect(failed.map((n) => n.name)).toEqual(['b', 'd']);
    const both = selectNodes(
      nodes,
      { ...DEFAULT_NODE_QUERY, day1: ['failed', 'unreachable'] },
      states,
    );
    expect(both.map((n) => n.name)).toEqual(['b', 'c', 'd']);
    expect(selectNodes(nodes, DEFAULT_NODE_QUERY, states)).toHaveLength(5);
  });

  it('counts nodes per outcome, leaving out nodes without Day 1 configs', () => {
    expect(countDay1Outcomes(nodes, states)).toEqual({
      failed: 2,
      unreachable: 1,
      inProgress: 0,
      unknown: 0,
      loaded: 1,
    });
  });
});

describe('the Day 1 counts of pools and configs', () => {
  const counts = (loaded: number): PoolDay1 => ({
    counts: {
      total: 5,
      loaded,
      failed: 2,
      unreachable: 1,
      inProgress: 0,
      unknown: 0,
      rebooting: 0,
    },
    overMaxUnavailable: false,
  });

  it('renders a pool card again only when a count or the warning changes', () => {
    expect(samePoolDay1(counts(1), counts(1))).toBe(true);
    expect(samePoolDay1(counts(1), counts(2))).toBe(false);
    expect(samePoolDay1(counts(1), { ...counts(1), overMaxUnavailable: true })).toBe(false);
    expect(samePoolDay1(undefined, counts(1))).toBe(false);
  });

  it('counts loaded, failed and unreachable nodes per config', () => {
    const pool = {
      name: 'sfc',
      day1Configs: [{ name: '99-sfc-day1', recognisedBy: 'name', new: false }],
      nodes,
    } as unknown as PoolRollout;
    const day1: Day1Rollout = {
      rollout: { pools: [pool], unpooledNodes: [] },
      nodes: states,
      pools: new Map(),
    };
    expect(configDay1Counts(day1).get('99-sfc-day1')).toEqual({
      total: 5,
      loaded: 1,
      failed: 2,
      unreachable: 1,
      unknown: 0,
    });
  });
});
