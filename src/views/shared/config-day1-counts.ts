/**
 * Per Day 1 config, on the nodes of every pool whose target has it: on how many the module loaded,
 * failed, or could not be reached, from the nodes' status files (Day1RolloutDeriver's node states).
 */
import { day1Outcome } from '../../rollout';
import type { Day1Rollout } from '../../rollout';

export interface ConfigDay1Counts {
  total: number;
  loaded: number;
  failed: number;
  unreachable: number;
  /** Nodes whose files the user may not read. */
  unknown: number;
}

export const configDay1Counts = (day1: Day1Rollout): ReadonlyMap<string, ConfigDay1Counts> => {
  const byConfig = new Map<string, ConfigDay1Counts>();
  for (const pool of day1.rollout.pools) {
    for (const { name } of pool.day1Configs) {
      let counts = byConfig.get(name);
      if (counts === undefined) {
        counts = { total: 0, loaded: 0, failed: 0, unreachable: 0, unknown: 0 };
        byConfig.set(name, counts);
      }
      for (const node of pool.nodes) {
        counts.total++;
        const state = day1.nodes
          .get(node.name)
          ?.configs.find((config) => config.machineConfig === name)?.state;
        if (state === undefined) continue;
        const outcome = day1Outcome(state);
        if (outcome === 'loaded') counts.loaded++;
        else if (outcome === 'failed') counts.failed++;
        else if (outcome === 'unreachable') counts.unreachable++;
        else if (outcome === 'unknown') counts.unknown++;
      }
    }
  }
  return byConfig;
};
