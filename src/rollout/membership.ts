import type { LabelSelector, MachineConfigPool, Node } from '../k8s/types';
import { OS_LABEL } from '../mco/names';
import { poolOfLabels } from '../mco/pool-membership';
import { arrayOf, asRecord, dig } from './loose';
import type { NodeMembership, PoolTarget } from './node-phase';

const isStringRecord = (value: unknown): boolean => {
  const record = asRecord(value);
  return record !== undefined && Object.values(record).every((v) => typeof v === 'string');
};

const isRequirement = (value: unknown): boolean => {
  const requirement = asRecord(value);
  return (
    typeof requirement?.key === 'string' &&
    typeof requirement.operator === 'string' &&
    (requirement.values === undefined ||
      arrayOf(requirement.values).every((v) => typeof v === 'string'))
  );
};

/** A nodeSelector as the API server would have accepted it, or undefined (selects nothing). */
export const readLabelSelector = (value: unknown): LabelSelector | undefined => {
  const selector = asRecord(value);
  if (selector === undefined) return undefined;
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels !== undefined && !isStringRecord(matchLabels)) return undefined;
  if (
    matchExpressions !== undefined &&
    !(Array.isArray(matchExpressions) && matchExpressions.every(isRequirement))
  ) {
    return undefined;
  }
  return selector;
};

/** What membership reads of a pool: its name and nodeSelector, from an object that may be malformed. */
export const membershipPool = (name: string, pool: unknown): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: { nodeSelector: readLabelSelector(dig(pool, 'spec', 'nodeSelector')) },
});

/** The label keys membership reads (the OS and every pool's nodeSelector): it depends on these only. */
export const selectorKeys = (pools: readonly MachineConfigPool[]): Set<string> => {
  const keys = new Set<string>([OS_LABEL]);
  for (const pool of pools) {
    const selector = pool.spec.nodeSelector;
    for (const key in selector?.matchLabels) keys.add(key);
    for (const requirement of selector?.matchExpressions ?? []) keys.add(requirement.key);
  }
  return keys;
};

/**
 * Nodes whose selector-read labels agree so far, one level per label: a label key, then its value. A
 * walk down it finds a node's membership without building a string per node (the rollout view derives
 * thousands of nodes at a time, and what it allocates per node is what the page's GC pays for).
 */
interface LabelTrie {
  membership?: NodeMembership;
  next?: Map<string, Map<string, LabelTrie>>;
}

/**
 * The pool MCO manages each node in, by MCO's one rule (src/mco poolOfLabels). Nodes whose labels agree
 * on every key the rule reads share one answer, so a cluster of thousands of nodes asks the rule a
 * handful of times.
 */
export class MembershipResolver {
  private readonly byLabels: LabelTrie = {};

  constructor(
    private readonly pools: MachineConfigPool[],
    private readonly keys: ReadonlySet<string>,
    private readonly targets: ReadonlyMap<string, PoolTarget>,
  ) {}

  of(node: unknown): NodeMembership {
    const labels = asRecord(dig(node, 'metadata', 'labels'));
    let at = this.byLabels;
    // A walk over the node's own keys: faster than looking up absent keys in objects of many shapes.
    for (const key in labels) {
      if (!this.keys.has(key)) continue;
      const value = labels[key];
      // Values of another type than string select alike: one branch per type.
      const token = typeof value === 'string' ? value : `\u0002${typeof value}`;
      at.next ??= new Map();
      let byValue = at.next.get(key);
      if (byValue === undefined) {
        byValue = new Map<string, LabelTrie>();
        at.next.set(key, byValue);
      }
      let next = byValue.get(token);
      if (next === undefined) {
        next = {};
        byValue.set(token, next);
      }
      at = next;
    }
    at.membership ??= this.resolve(labels as Node['metadata']['labels']);
    return at.membership;
  }

  private resolve(labels: Node['metadata']['labels']): NodeMembership {
    const choice = poolOfLabels(labels, this.pools);
    if (!('pool' in choice)) return choice;
    const pool = this.targets.get(choice.pool);
    return pool === undefined ? { none: true } : { pool };
  }
}
