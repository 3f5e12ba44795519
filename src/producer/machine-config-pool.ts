import type { MachineConfigPool } from '../k8s/types';
import { formatPoolProblem } from './english';
import { ROLE_LABEL } from '../mco/names';
import { POOL_CREATED_FOR_ANNOTATION, validateMachineConfigPool } from './pool-options';
import type { MachineConfigPoolOptions } from './pool-options';

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
  if (errors.length > 0) {
    throw new Error(`invalid MachineConfigPool: ${errors.map(formatPoolProblem).join('; ')}`);
  }
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: options.createdFor
      ? { name, annotations: { [POOL_CREATED_FOR_ANNOTATION]: options.createdFor } }
      : { name },
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
