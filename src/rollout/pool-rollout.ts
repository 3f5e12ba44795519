/**
 * A pool's rollout from its object and its nodes' rollouts: MCO's counts (as its node controller
 * computes them, pkg/controller/node/status.go), a state, the Day 1 configs its target brings, and
 * completion.
 */
import { maxUnavailableCount } from '../mco/max-unavailable';
import { POOL_CONDITION } from '../mco/names';
import type { MachineConfig } from '../k8s/types';
import { readDay1MachineConfig } from '../producer';
import { arrayOf, asRecord, dig, findCondition, text } from './loose';
import type { PoolMessage } from './messages';
import { isInProgress } from './node-phase';
import type { PoolTarget } from './node-phase';
import type { Day1ConfigInTarget, NodePhase, NodeRollout, PoolRollout, PoolState } from './types';

/** A pool's rollout before the time estimate, which depends on the clock. */
export type PoolAggregate = Omit<
  PoolRollout,
  'estimatedSecondsLeft' | 'estimateBasis' | 'estimatePerNodeMs' | 'estimateTailMs'
> & {
  /** Start times (ms) of the nodes being updated now; undefined where unknown. */
  inProgressStarts: (number | undefined)[];
  /** Nodes not yet updated and not being updated. */
  waiting: number;
};

/** Without the MachineConfig objects, a source config is taken for a Day 1 config by its name. */
const DAY1_NAME = /(^|-)day1(-|$)/;

const sourceNames = (configuration: unknown): string[] =>
  arrayOf(dig(configuration, 'source'))
    .map((source) => text(dig(source, 'name')))
    .filter((name): name is string => name !== undefined);

const day1ConfigsOf = (
  pool: unknown,
  machineConfigs: ReadonlyMap<string, MachineConfig> | undefined,
): Day1ConfigInTarget[] => {
  const inEffect = new Set(sourceNames(dig(pool, 'status', 'configuration')));
  const found: Day1ConfigInTarget[] = [];
  for (const name of sourceNames(dig(pool, 'spec', 'configuration'))) {
    const machineConfig = machineConfigs?.get(name);
    if (machineConfig !== undefined) {
      const summary = readDay1MachineConfig(machineConfig);
      if (summary !== null) {
        found.push({
          name,
          recognisedBy: 'content',
          summary,
          machineConfig,
          new: !inEffect.has(name),
        });
      }
    } else if (DAY1_NAME.test(name)) {
      found.push({ name, recognisedBy: 'name', new: !inEffect.has(name) });
    }
  }
  return found;
};

const emptyPhaseCounts = (): Record<NodePhase, number> => ({
  Pending: 0,
  Draining: 0,
  Updating: 0,
  Rebooting: 0,
  RebootingForDay1: 0,
  Updated: 0,
  Degraded: 0,
  Paused: 0,
});

const textOr = (message: string | undefined): string | undefined =>
  message === '' ? undefined : message;

/** MCO's words, quoted. */
const mco = (text: string): PoolMessage => ({ code: 'mco', params: { text } });

const stateOf = (
  pool: unknown,
  target: PoolTarget,
  nodes: readonly NodeRollout[],
  phaseCounts: Record<NodePhase, number>,
): { state: PoolState; message: PoolMessage } => {
  const conditions = dig(pool, 'status', 'conditions');
  const condition = (type: string) => {
    const found = findCondition(conditions, type);
    return found?.status === 'True' ? found : undefined;
  };
  const renderDegraded = condition(POOL_CONDITION.renderDegraded);
  if (renderDegraded !== undefined) {
    return {
      state: 'RenderDegraded',
      message:
        renderDegraded.message === ''
          ? { code: 'cannotRender', params: {} }
          : mco(renderDegraded.message),
    };
  }
  const nodeDegraded = condition(POOL_CONDITION.nodeDegraded);
  const degraded = condition(POOL_CONDITION.degraded);
  if (phaseCounts.Degraded > 0 || nodeDegraded !== undefined || degraded !== undefined) {
    const quoted = textOr(nodeDegraded?.message) ?? textOr(degraded?.message);
    const firstDegraded = nodes.find((node) => node.phase === 'Degraded');
    return {
      state: 'Degraded',
      message:
        quoted !== undefined
          ? mco(quoted)
          : firstDegraded?.message === undefined
            ? { code: 'poolDegraded', params: {} }
            : {
                code: 'nodeReporting',
                params: { node: firstDegraded.name, message: firstDegraded.message },
              },
    };
  }
  if (phaseCounts.Updated === nodes.length) {
    const updated = condition(POOL_CONDITION.updated);
    return {
      state: 'Updated',
      message:
        updated !== undefined &&
        target.target !== undefined &&
        updated.message.includes(target.target)
          ? mco(updated.message)
          : target.target === undefined
            ? { code: 'allUpdated', params: {} }
            : { code: 'allUpdatedWith', params: { config: target.target } },
    };
  }
  const updating = findCondition(conditions, POOL_CONDITION.updating);
  if (target.paused) {
    return {
      state: 'Paused',
      message:
        updating?.message.startsWith('Pool is paused') === true
          ? mco(updating.message)
          : target.target === undefined
            ? { code: 'pausedBeforeFirstConfig', params: {} }
            : { code: 'pausedBefore', params: { config: target.target } },
    };
  }
  return {
    state: 'Updating',
    message:
      updating?.status === 'True' && updating.message !== ''
        ? mco(updating.message)
        : target.target === undefined
          ? { code: 'updatingToFirstConfig', params: {} }
          : { code: 'updatingTo', params: { config: target.target } },
  };
};

/** `nodes` are the pool's members, sorted by name. */
export const aggregatePool = (
  pool: unknown,
  target: PoolTarget,
  nodes: readonly NodeRollout[],
  machineConfigs: ReadonlyMap<string, MachineConfig> | undefined,
): PoolAggregate => {
  const phaseCounts = emptyPhaseCounts();
  let updatedMachineCount = 0;
  let readyMachineCount = 0;
  let unavailableMachineCount = 0;
  let degradedMachineCount = 0;
  const inProgressStarts: (number | undefined)[] = [];
  for (const node of nodes) {
    phaseCounts[node.phase]++;
    if (node.updated) {
      updatedMachineCount++;
      if (node.ready) readyMachineCount++;
    }
    if (node.unavailable) unavailableMachineCount++;
    if (node.degraded) degradedMachineCount++;
    if (isInProgress(node.phase)) {
      const started = node.updateStartedAt ?? node.since;
      inProgressStarts.push(started === undefined ? undefined : Date.parse(started));
    }
  }
  const machineCount = nodes.length;
  const { state, message } = stateOf(pool, target, nodes, phaseCounts);
  return {
    name: target.name,
    machineCount,
    updatedMachineCount,
    readyMachineCount,
    unavailableMachineCount,
    degradedMachineCount,
    paused: target.paused,
    state,
    message,
    targetConfig: target.target,
    currentConfig: text(dig(pool, 'status', 'configuration', 'name')),
    day1Configs: day1ConfigsOf(pool, machineConfigs),
    completion: machineCount === 0 ? 100 : Math.floor((100 * phaseCounts.Updated) / machineCount),
    maxUnavailable: maxUnavailableCount(readMaxUnavailable(pool), target.name, machineCount) ?? 1,
    phaseCounts,
    nodes,
    inProgressStarts,
    waiting: machineCount - phaseCounts.Updated - inProgressStarts.length - phaseCounts.Degraded,
  };
};

const readMaxUnavailable = (pool: unknown): number | string | undefined => {
  const value = asRecord(dig(pool, 'spec'))?.maxUnavailable;
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
};
