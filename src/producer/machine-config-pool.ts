import type { MachineConfigPool } from '../k8s/types';
import { ROLE_LABEL } from './machine-config';
import { checkPoolName } from './validate';

export interface MachineConfigPoolOptions {
  /** Nodes that may reboot at the same time: a count, or a percentage such as "10%". Default 1. */
  maxUnavailable?: number | string;
  /** A paused pool renders configs but reboots no node. Default false. */
  paused?: boolean;
}

const PERCENT = /^(100|[1-9][0-9]?)%$/;
const BUILT_IN_POOLS = ['master', 'worker', 'arbiter'];

/** Problems with a custom pool's name and options, one message each; empty means valid. */
export const validateMachineConfigPool = (
  name: string,
  options: MachineConfigPoolOptions = {},
): string[] => {
  const errors: string[] = [];
  const nameProblem = checkPoolName(name);
  if (nameProblem !== undefined) {
    errors.push(nameProblem);
  } else if (BUILT_IN_POOLS.includes(name)) {
    errors.push(`"${name}" is a built-in pool; choose a new name for a custom pool`);
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
    errors.push(
      `maxUnavailable must be a whole number of at least 1, or a percentage from "1%" to "100%"`,
    );
  }
  return errors;
};

/**
 * A custom MachineConfigPool like the Day 1 documentation's example: it takes the worker configs plus its
 * own, and selects nodes labelled `node-role.kubernetes.io/<name>`.
 *
 * @throws Error naming every problem with the name or options.
 */
export const produceMachineConfigPool = (
  name: string,
  options: MachineConfigPoolOptions = {},
): MachineConfigPool => {
  const errors = validateMachineConfigPool(name, options);
  if (errors.length > 0) throw new Error(`invalid MachineConfigPool: ${errors.join('; ')}`);
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: { name },
    spec: {
      machineConfigSelector: {
        matchExpressions: [{ key: ROLE_LABEL, operator: 'In', values: ['worker', name] }],
      },
      nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
      paused: options.paused ?? false,
      maxUnavailable: options.maxUnavailable ?? 1,
    },
  };
};
