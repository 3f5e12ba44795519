/**
 * Why a drain does not finish, from the drain controller's words. MCO's drain controller reports a
 * failed drain in the MachineConfigNode's `Drained` condition (status Unknown) with kubectl's drain
 * errors, such as `error when evicting pods/"web-1" -n "shop" (will retry after 5s): Cannot evict pod
 * as it would violate the pod's disruption budget.`, and retries every minute (every 5 minutes after
 * 10); the daemon reports the node Degraded ("failed to drain node: … after 1 hour") after an hour.
 * `oc adm upgrade status` shows these words beside the draining node.
 */

type DrainBlockCause =
  /** A PodDisruptionBudget forbids the eviction (the API server answers 429 to it). */
  | 'disruptionBudget'
  /** An eviction failed for another reason. */
  | 'evictionFailed'
  /** The drain ran out of time (90 s per attempt) without a reason given. */
  | 'timeout';

export interface DrainBlock {
  cause: DrainBlockCause;
  /** The first pod named in the error, and its namespace (null when the message names none). */
  pod: string | null;
  namespace: string | null;
}

// kubectl drain: `error when evicting pods/"<name>" -n "<namespace>"`.
const EVICTING = /error when evicting pods?\/"([^"]+)"(?: -n "([^"]+)")?/i;
const DISRUPTION_BUDGET = /disruption budget/i;
const DRAIN_FAILED = /drain (has not succeeded|failed)|error when evicting|global timeout reached/i;
const TIMEOUT = /global timeout reached|timed out/i;

/** The block a drain controller's message reports; undefined for a drain that is just going on. */
export const readDrainBlock = (message: string | undefined): DrainBlock | undefined => {
  if (message === undefined || !DRAIN_FAILED.test(message)) return undefined;
  const evicting = EVICTING.exec(message);
  const pod = evicting?.[1] ?? null;
  const namespace = evicting?.[2] ?? null;
  if (DISRUPTION_BUDGET.test(message)) return { cause: 'disruptionBudget', pod, namespace };
  if (evicting !== null) return { cause: 'evictionFailed', pod, namespace };
  if (TIMEOUT.test(message)) return { cause: 'timeout', pod, namespace };
  return { cause: 'evictionFailed', pod, namespace };
};
