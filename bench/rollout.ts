/**
 * Rollout derivation on the simulator's `large` cluster (2,000 nodes, 10 pools) in the middle of a Day 1
 * rollout: a full derivation, and one node event through the incremental deriver. The lists are read
 * over the REST API, so the objects are parsed JSON as a console page gets them, and the node events
 * are the simulator's own, replayed as a watch store applies them (a new list with one object replaced).
 */
import '../dev/cluster-sim/text-assets.cjs';
import { ManualClock, startClusterSim } from '../dev/cluster-sim';
import { NODES } from '../dev/cluster-sim/core/resources';
import type { MachineConfig, MachineConfigNode, MachineConfigPool, Node } from '../src/k8s/types';
import { produceMachineConfig } from '../src/producer';
import { RolloutDeriver, deriveRollout } from '../src/rollout';
import type { RolloutInput } from '../src/rollout';
import { SFC_EXAMPLE } from '../test/support/examples';
import { SAMPLES, median, perCallMs, round } from './figures';
import type { Figure } from './figures';

const MCO = '/apis/machineconfiguration.openshift.io/v1';
/** Node events timed per sample; SAMPLES batches of them are replayed. */
const EVENTS_PER_SAMPLE = 40;

interface LargeRollout {
  input: RolloutInput;
  /** Changed Node objects in the order the simulator made them, after `input` was read. */
  nodeEvents: Node[];
  now: number;
  inProgress: number;
}

/** The `large` cluster a minute into an sfc Day 1 rollout (200 nodes, 20 at a time), and what follows. */
const largeRollout = async (): Promise<LargeRollout> => {
  const clock = new ManualClock();
  const sim = await startClusterSim({
    port: 0,
    scenario: 'large',
    clock,
    log: () => undefined,
  });
  try {
    const api = async <T>(path: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${sim.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: 'Bearer admin', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const items = async <T>(path: string) => (await api<{ items: T[] }>(path)).items;

    await api(`${MCO}/machineconfigs`, produceMachineConfig(SFC_EXAMPLE));
    clock.advance(60_000);
    const input: RolloutInput = {
      pools: await items<MachineConfigPool>(`${MCO}/machineconfigpools`),
      nodes: await items<Node>('/api/v1/nodes'),
      machineConfigNodes: await items<MachineConfigNode>(`${MCO}/machineconfignodes`),
      machineConfigs: await items<MachineConfig>(`${MCO}/machineconfigs`),
    };
    const now = clock.now();

    const nodeEvents: Node[] = [];
    const stop = sim.simulation.store.onChange((event) => {
      if (event.resource === NODES && event.type === 'MODIFIED')
        nodeEvents.push(JSON.parse(JSON.stringify(event.object)) as Node);
    });
    while (nodeEvents.length < SAMPLES * EVENTS_PER_SAMPLE) clock.advance(1000);
    stop();

    const sfc = deriveRollout(input, now).pools.find((pool) => pool.name === 'sfc');
    const inProgress =
      sfc === undefined ? 0 : sfc.machineCount - sfc.phaseCounts.Updated - sfc.phaseCounts.Pending;
    return { input, nodeEvents, now, inProgress };
  } finally {
    await sim.close();
  }
};

/** Each event applied to the list before it, as a watch store does: a new array, one object replaced. */
const nodeListsAfterEvents = (nodes: readonly Node[], events: readonly Node[]): Node[][] => {
  const indexOf = new Map(nodes.map((node, i) => [node.metadata.name, i]));
  let current = [...nodes];
  return events.map((event) => {
    const index = indexOf.get(event.metadata.name);
    if (index === undefined) throw new Error(`event for an unknown node ${event.metadata.name}`);
    current = [...current];
    current[index] = event;
    return current;
  });
};

export const rolloutFigures = async (): Promise<Figure[]> => {
  const { input, nodeEvents, now, inProgress } = await largeRollout();
  if (inProgress === 0) throw new Error('the sfc pool is not rolling out: nothing to measure');

  for (let i = 0; i < 20; i++) deriveRollout(input, now);
  const fullMs = perCallMs(10, () => deriveRollout(input, now));

  const deriver = new RolloutDeriver();
  deriver.derive(input, now);
  const lists = nodeListsAfterEvents(input.nodes, nodeEvents);
  const eventMs = median(
    Array.from({ length: SAMPLES }, (_, sample) => {
      const batch = lists.slice(sample * EVENTS_PER_SAMPLE, (sample + 1) * EVENTS_PER_SAMPLE);
      const start = performance.now();
      for (const nodes of batch) deriver.derive({ ...input, nodes }, now);
      return (performance.now() - start) / batch.length;
    }),
  );

  const scale = `${String(input.nodes.length)} nodes, ${String(input.pools.length)} pools`;
  return [
    {
      name: `rollout: full derivation (large: ${scale})`,
      value: round(fullMs, 3),
      unit: 'ms',
      target: '< 5 ms',
      ok: fullMs < 5,
    },
    {
      name: 'rollout: one node event, incremental',
      value: round(eventMs, 3),
      unit: 'ms',
      target: '< 1 ms',
      ok: eventMs < 1,
    },
  ];
};
