/**
 * The node table's view of the rollout: search by name, filter by phase, sort and page. Pure, so that
 * 2,000 nodes cost one pass per change of the inputs and nothing per render.
 */
import { DAY1_STATES, NODE_PHASES, day1Outcome } from '../../rollout';
import type { Day1Outcome, NodeDay1State, NodePhase, NodeRollout } from '../../rollout';

export type NodeSortKey = 'name' | 'pool' | 'phase' | 'day1' | 'since';
export type SortDirection = 'asc' | 'desc';

export interface NodeQuery {
  /** A part of the node name, any case. */
  search: string;
  /** Phases to show; empty shows all. */
  phases: readonly NodePhase[];
  /** Day 1 outcomes to show (the `day1` URL parameter); empty shows all. */
  day1: readonly Day1Outcome[];
  sortBy: NodeSortKey;
  direction: SortDirection;
}

export const DEFAULT_NODE_QUERY: NodeQuery = {
  search: '',
  phases: [],
  day1: [],
  sortBy: 'name',
  direction: 'asc',
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Problems first: NODE_PHASES lists Degraded, the phases in progress, then Paused, Pending, Updated.
const phaseRank = new Map(NODE_PHASES.map((phase, i) => [phase, i]));

type Compare = (a: NodeRollout, b: NodeRollout) => number;

const COMPARE: Record<Exclude<NodeSortKey, 'day1'>, Compare> = {
  name: (a, b) => compareText(a.name, b.name),
  pool: (a, b) => compareText(a.pool ?? '', b.pool ?? ''),
  phase: (a, b) => (phaseRank.get(a.phase) ?? 0) - (phaseRank.get(b.phase) ?? 0),
  // RFC 3339 UTC timestamps sort as text; unknown times sort first.
  since: (a, b) => compareText(a.since ?? '', b.since ?? ''),
};

/** The URL parameter of the Day 1 filter, which the pool cards link with: `?day1=failed`. */
export const DAY1_FILTER_PARAM = 'day1';

export const DAY1_OUTCOMES: readonly Day1Outcome[] = [
  'failed',
  'unreachable',
  'inProgress',
  'unknown',
  'loaded',
];

/** The outcomes named in a `day1` URL parameter (comma-separated); unknown words are ignored. */
export const parseDay1Filter = (value: string | null): Day1Outcome[] =>
  (value ?? '')
    .split(',')
    .filter((word): word is Day1Outcome => (DAY1_OUTCOMES as readonly string[]).includes(word));

/** A node's Day 1 outcome; undefined when its pool has no Day 1 config. */
const outcomeOf = (
  day1States: ReadonlyMap<string, NodeDay1State> | undefined,
  node: NodeRollout,
): Day1Outcome | undefined => {
  const state = day1States?.get(node.name);
  return state === undefined ? undefined : day1Outcome(state.state);
};

const day1Rank = new Map(DAY1_STATES.map((state, i) => [state, i]));

/** Worst first, as a node's own state is its worst config's; nodes whose pool has no Day 1 config last. */
const compareDay1 =
  (day1States: ReadonlyMap<string, NodeDay1State> | undefined): Compare =>
  (a, b) => {
    const rank = (node: NodeRollout) => {
      const state = day1States?.get(node.name)?.state;
      return state === undefined ? DAY1_STATES.length : (day1Rank.get(state) ?? 0);
    };
    return rank(a) - rank(b);
  };

const hasOutcome = (outcomes: ReadonlySet<Day1Outcome>, outcome: Day1Outcome | undefined) =>
  outcome !== undefined && outcomes.has(outcome);

/** How many nodes have each Day 1 outcome, for the filter's counts. */
export const countDay1Outcomes = (
  nodes: readonly NodeRollout[],
  day1States: ReadonlyMap<string, NodeDay1State>,
): Record<Day1Outcome, number> => {
  const counts = Object.fromEntries(DAY1_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    Day1Outcome,
    number
  >;
  for (const node of nodes) {
    const outcome = outcomeOf(day1States, node);
    if (outcome !== undefined) counts[outcome]++;
  }
  return counts;
};

export const sameDay1Counts = (
  a: Readonly<Record<Day1Outcome, number>>,
  b: Readonly<Record<Day1Outcome, number>>,
): boolean => DAY1_OUTCOMES.every((outcome) => a[outcome] === b[outcome]);

/** The nodes that match `query`, sorted by its column, then by name. */
export const selectNodes = (
  nodes: readonly NodeRollout[],
  query: NodeQuery,
  day1States?: ReadonlyMap<string, NodeDay1State>,
): NodeRollout[] => {
  const search = query.search.trim().toLowerCase();
  const phases = new Set(query.phases);
  const outcomes = new Set(query.day1);
  const compare = query.sortBy === 'day1' ? compareDay1(day1States) : COMPARE[query.sortBy];
  const sign = query.direction === 'asc' ? 1 : -1;
  return nodes
    .filter(
      (node) =>
        (phases.size === 0 || phases.has(node.phase)) &&
        (outcomes.size === 0 || hasOutcome(outcomes, outcomeOf(day1States, node))) &&
        (search === '' || node.name.toLowerCase().includes(search)),
    )
    .sort((a, b) => sign * compare(a, b) || compareText(a.name, b.name));
};

/** How many nodes are in each phase, for the filter's counts. */
export const countPhases = (nodes: readonly NodeRollout[]): Record<NodePhase, number> => {
  const counts = Object.fromEntries(NODE_PHASES.map((phase) => [phase, 0])) as Record<
    NodePhase,
    number
  >;
  for (const node of nodes) counts[node.phase]++;
  return counts;
};

/** Same count in every phase: the filter need not re-render. */
export const samePhaseCounts = (
  a: Readonly<Record<NodePhase, number>>,
  b: Readonly<Record<NodePhase, number>>,
): boolean => NODE_PHASES.every((phase) => a[phase] === b[phase]);

/** The page's slice; a page past the end (after a filter narrowed the list) shows the last page. */
export const pageOf = <T>(
  items: readonly T[],
  page: number,
  perPage: number,
): { items: T[]; page: number } => {
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const shown = Math.min(Math.max(1, page), lastPage);
  return { items: items.slice((shown - 1) * perPage, shown * perPage), page: shown };
};
