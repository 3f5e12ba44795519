/**
 * A custom MachineConfigPool's options and their validation, apart from the producer
 * (./machine-config-pool): the create form checks a new pool as it is typed, and loads the producer,
 * with the English of its errors, only once the user chooses to create a pool.
 */
import type { PoolNameProblem } from './options';
import { checkPoolName } from './validate';

export interface MachineConfigPoolOptions {
  /** Nodes that may reboot at the same time: a count, or a percentage such as "10%". Default 1. */
  maxUnavailable?: number | string;
  /** A paused pool renders configs but reboots no node. Default false. */
  paused?: boolean;
  /**
   * The Day 1 MachineConfig the pool is made for: recorded in POOL_CREATED_FOR_ANNOTATION, so that
   * deleting that config can offer to remove the pool too.
   */
  createdFor?: string;
}

/**
 * On a MachineConfigPool this product created together with a Day 1 config: that config's name. Only
 * such a pool is offered for removal when its config is deleted.
 */
export const POOL_CREATED_FOR_ANNOTATION = 'kmm-day1.openshift.io/created-for';

/**
 * A problem with a custom pool, as a code and its parameters (worded by the views, and by
 * formatPoolProblem for the CLI); `field` is what it is about.
 */
export type PoolProblem =
  | ({ field: 'name' } & PoolNameProblem)
  | { field: 'name'; code: 'poolNameBuiltIn'; params: { name: string } }
  | { field: 'maxUnavailable'; code: 'maxUnavailableInvalid'; params: Record<string, undefined> };

const PERCENT = /^(100|[1-9][0-9]?)%$/;
const BUILT_IN_POOLS = ['master', 'worker', 'arbiter'];

/** Problems with a custom pool's name and options; empty means valid. */
export const validateMachineConfigPool = (
  name: string,
  options: MachineConfigPoolOptions = {},
): PoolProblem[] => {
  const errors: PoolProblem[] = [];
  const nameProblem = checkPoolName(name);
  if (nameProblem !== undefined) {
    errors.push({ field: 'name', ...nameProblem });
  } else if (BUILT_IN_POOLS.includes(name)) {
    errors.push({ field: 'name', code: 'poolNameBuiltIn', params: { name } });
  }
  const { maxUnavailable } = options;
  if (
    maxUnavailable !== undefined &&
    !(
      typeof maxUnavailable === 'number' &&
      Number.isInteger(maxUnavailable) &&
      maxUnavailable >= 1
    ) &&
    !(typeof maxUnavailable === 'string' && PERCENT.test(maxUnavailable))
  ) {
    errors.push({ field: 'maxUnavailable', code: 'maxUnavailableInvalid', params: {} });
  }
  return errors;
};
