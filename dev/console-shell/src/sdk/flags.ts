import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { findModel } from './models';
import { createSmallStore, useSmallStore } from './utils/small-store';

/**
 * Console's feature flags as the shell sets them. Console derives MACHINE_CONFIG from the
 * MachineConfig model existing; CAN_LIST_NODE from an access review (the simulator lets both
 * users list nodes). Flags console would not set on this cluster are false.
 */
export const defaultFlags = (): Record<string, boolean> => ({
  OPENSHIFT: true,
  MACHINE_CONFIG: !!findModel({
    group: 'machineconfiguration.openshift.io',
    version: 'v1',
    kind: 'MachineConfig',
  }),
  CAN_LIST_NODE: true,
  CAN_LIST_NS: true,
  CLUSTER_API: false,
  MACHINE_AUTOSCALER: false,
  MACHINE_HEALTH_CHECK: false,
});

export const flagStore = createSmallStore<Record<string, boolean>>(defaultFlags());

/** console's useFlag: the flag's value, or undefined for a flag console never set. */
export const useFlag: typeof SDK.useFlag = (flag) => useSmallStore(flagStore)[flag];
