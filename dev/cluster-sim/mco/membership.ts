/**
 * Which pool a node belongs to, by MCO's rule (pkg/helpers GetPoolsForNode): pools whose nodeSelector
 * matches the node's labels; master wins over a custom pool, a custom pool over worker, and a node in
 * two custom pools is an error that leaves it unmanaged.
 */
import type { NodeObject, PoolObject } from '../core/kube-types';
import { selectorMatches } from '../core/selectors';

export type PoolChoice = { pool: string } | { error: string } | { none: true };

export const primaryPoolFor = (node: NodeObject, pools: PoolObject[]): PoolChoice => {
  if (node.metadata.labels?.['kubernetes.io/os'] === 'windows') return { none: true };
  const matching = pools.filter((p) => selectorMatches(p.spec.nodeSelector, node.metadata.labels));
  const master = matching.find((p) => p.metadata.name === 'master');
  const worker = matching.find((p) => p.metadata.name === 'worker');
  const custom = matching.filter(
    (p) => p.metadata.name !== 'master' && p.metadata.name !== 'worker',
  );
  if (custom.length > 1) {
    return {
      error: `node ${node.metadata.name} belongs to ${String(custom.length)} custom roles, cannot proceed with this Node`,
    };
  }
  if (master) return { pool: 'master' };
  if (custom.length === 1) return { pool: custom[0].metadata.name };
  if (worker) return { pool: 'worker' };
  return { none: true };
};

export interface Membership {
  /** Member nodes of each pool, by primary pool. */
  members: Map<string, NodeObject[]>;
  /** Nodes MCO refuses to manage, with its error. */
  errors: Map<string, string>;
  poolOf: Map<string, string>;
}

export const computeMembership = (nodes: NodeObject[], pools: PoolObject[]): Membership => {
  const members = new Map<string, NodeObject[]>(pools.map((p) => [p.metadata.name, []]));
  const errors = new Map<string, string>();
  const poolOf = new Map<string, string>();
  for (const node of nodes) {
    const choice = primaryPoolFor(node, pools);
    if ('error' in choice) errors.set(node.metadata.name, choice.error);
    else if ('pool' in choice) {
      members.get(choice.pool)?.push(node);
      poolOf.set(node.metadata.name, choice.pool);
    }
  }
  return { members, errors, poolOf };
};
