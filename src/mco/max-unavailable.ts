import { ARBITER_POOL } from './names';

/**
 * How many of a pool's nodes MCO updates at once: `spec.maxUnavailable` as a node count, as MCO's node
 * controller reads it. An integer is taken as is; a percentage is of the pool's nodes, rounded down;
 * anything that comes to 0 means 1, as MCO never stalls a rollout that way. The arbiter pool always
 * updates one node at a time. Returns undefined for a value MCO cannot read (it then only updates the
 * pool's status).
 */
export const maxUnavailableCount = (
  value: number | string | undefined,
  poolName: string,
  nodeCount: number,
): number | undefined => {
  if (poolName === ARBITER_POOL) return 1;
  let count: number;
  if (value === undefined) count = 1;
  else if (typeof value === 'number') count = value;
  else {
    const percent = /^(\d+)%$/.exec(value);
    if (!percent) return undefined;
    count = Math.floor((Number(percent[1]) * nodeCount) / 100);
  }
  return count <= 0 ? 1 : count;
};
