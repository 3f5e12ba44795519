import type { Day1ConfigSummary } from '../../producer';

/** One table row: what the producer reads back from a Day 1 MachineConfig, plus its creation time. */
export interface Day1ConfigRow {
  summary: Day1ConfigSummary;
  creationTimestamp?: string;
}
