import type { MachineConfig, MachineConfigPool } from '../../k8s/types';
import type { Day1ConfigSummary } from '../../producer';

/** One table row: what the producer reads back from a Day 1 MachineConfig, and the pools it reaches. */
export interface Day1ConfigRow {
  summary: Day1ConfigSummary;
  machineConfig: MachineConfig;
  creationTimestamp?: string;
  /**
   * Every pool whose machineConfigSelector picks the config: its own, plus custom pools that inherit
   * worker configs. All their nodes reboot when the config is created or deleted.
   */
  reachedPools: MachineConfigPool[];
}
