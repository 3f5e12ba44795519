/**
 * The simulated cluster behind the API: the store, the simulated MCO and nodes, pods, the registry and
 * faults. `reset()` rebuilds it from a scenario; the resourceVersion keeps counting up, so watches from
 * before a reset get 410 Gone and relist, as after an etcd compaction.
 */
import type { Clock } from './core/clock';
import { ScaledTimers } from './core/clock';
import type { NodeObject } from './core/kube-types';
import {
  CLUSTER_VERSIONS,
  IMAGE_STREAMS,
  IMAGE_STREAM_TAGS,
  BOOT_MODULE_CONFIGS,
  MACHINE_CONFIGS,
  MACHINE_CONFIG_NODES,
  MACHINE_CONFIG_POOLS,
  NAMESPACES,
  NODES,
} from './core/resources';
import { ObjectStore } from './core/store';
import { WellFormed } from './core/well-formed';
import { Faults } from './control/faults';
import type { FaultRequest } from './control/faults';
import { ClusterVersionOperator } from './cvo/cluster-version-operator';
import { MachineConfigOperator } from './mco/operator';
import type { NodeAgent, NodeHardware } from './mco/daemon';
import type { KubeletNode } from './api/node-proxy';
import { currentConfigOf, daemonState, desiredConfigOf, isNodeReady } from './mco/node-state';
import type { Day1Status } from './node/day1-node';
import { PodController } from './node/pods';
import { Registry } from './registry';
import { buildScenario } from './scenarios';
import type { ScenarioName } from './scenarios';
import type { SimContext, Timings } from './sim-context';
import { DEFAULT_TIMINGS } from './sim-context';

export interface SimulationOptions {
  clock: Clock;
  scenario: ScenarioName;
  timeScale: number;
  timings?: Partial<Timings>;
  log: (message: string) => void;
  historyLimit?: number;
}

export class Simulation {
  readonly store: ObjectStore;
  readonly registry = new Registry();
  readonly faults = new Faults();
  readonly clock: Clock;
  private readonly timings: Timings;
  private readonly log: (message: string) => void;
  private context!: SimContext;
  private operatorInstance?: MachineConfigOperator;
  private cvoInstance?: ClusterVersionOperator;
  private pods?: PodController;
  private unsubscribePods?: () => void;
  private hardware = new Map<string, NodeHardware>();
  scenario: ScenarioName;
  timeScale: number;

  constructor(options: SimulationOptions) {
    this.clock = options.clock;
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.log = options.log;
    this.scenario = options.scenario;
    this.timeScale = options.timeScale;
    this.store = new ObjectStore(options.clock, { historyLimit: options.historyLimit });
    this.start();
  }

  get operator(): MachineConfigOperator {
    if (this.operatorInstance === undefined) throw new Error('the simulation is stopped');
    return this.operatorInstance;
  }

  get clusterVersionOperator(): ClusterVersionOperator {
    if (this.cvoInstance === undefined) throw new Error('the simulation is stopped');
    return this.cvoInstance;
  }

  /** Pending simulation timers (for tests). */
  get pendingTimers(): number {
    return this.context.timers.pending;
  }

  /** Rebuilds the cluster from a scenario. */
  reset(scenario: ScenarioName = this.scenario, timeScale: number = this.timeScale): void {
    this.stop();
    this.scenario = scenario;
    this.timeScale = timeScale;
    this.store.clear();
    this.registry.clear();
    this.faults.clear();
    this.start();
  }

  /** Stops every timer of the simulation. */
  stop(): void {
    this.operatorInstance?.stop();
    this.operatorInstance = undefined;
    this.cvoInstance?.stop();
    this.cvoInstance = undefined;
    this.unsubscribePods?.();
    this.pods?.stop();
    this.context.timers.cancelAll();
  }

  applyFaults(request: FaultRequest): void {
    this.faults.apply(request);
    if (request.clear === true) this.operator.retryNow();
  }

  /** The Day 1 status files on a node, by MachineConfig name; undefined for an unknown node. */
  day1Status(node: string): Record<string, Day1Status> | undefined {
    return this.operatorInstance?.agent(node)?.day1.statuses();
  }

  /**
   * What the API server's node proxy reaches on a node: its files and journal, and whether its kubelet
   * answers now; undefined for a node the simulation does not run (unknown or malformed).
   */
  kubelet(
    node: string,
  ): (KubeletNode & { reachability: NodeAgent['kubeletReachability'] }) | undefined {
    const agent = this.operatorInstance?.agent(node);
    if (agent === undefined) return undefined;
    return {
      files: agent.day1.files,
      journal: agent.day1.journal,
      reachability: agent.kubeletReachability,
    };
  }

  podLog(pod: Parameters<PodController['log']>[0]): string {
    return this.pods?.log(pod) ?? '';
  }

  /** A summary for GET /sim/state. */
  state(): Record<string, unknown> {
    const nodes = this.store.list(NODES);
    return {
      scenario: this.scenario,
      timeScale: this.timeScale,
      resourceVersion: String(this.store.resourceVersion),
      faults: this.faults.toJSON(),
      registry: this.registry.toJSON(),
      counts: {
        nodes: nodes.length,
        machineConfigPools: this.store.count(MACHINE_CONFIG_POOLS),
        machineConfigs: this.store.count(MACHINE_CONFIGS),
        machineConfigNodes: this.store.count(MACHINE_CONFIG_NODES),
        namespaces: this.store.count(NAMESPACES),
        pendingTimers: this.context.timers.pending,
      },
      pools: this.store.list(MACHINE_CONFIG_POOLS).map((pool) => {
        const { spec, status } = pool as {
          spec?: { paused?: boolean; configuration?: { name?: string } };
          status?: { conditions?: { type: string; status: string }[] } & Record<string, unknown>;
        };
        return {
          name: pool.metadata.name,
          paused: spec?.paused === true,
          target: spec?.configuration?.name ?? null,
          current: (status?.configuration as { name?: string } | undefined)?.name ?? null,
          machineCount: status?.machineCount ?? 0,
          updatedMachineCount: status?.updatedMachineCount ?? 0,
          conditions: Object.fromEntries((status?.conditions ?? []).map((c) => [c.type, c.status])),
        };
      }),
      nodes: nodes.map((stored) => {
        // A node the controllers cannot read is listed as such, not summarised.
        if (!this.context.wellFormed.node(stored))
          return { name: stored.metadata.name, malformed: true };
        const node: NodeObject = stored;
        const agent = this.operatorInstance?.agent(node.metadata.name);
        return {
          name: node.metadata.name,
          pool: this.operatorInstance?.nodes.poolOf(node.metadata.name) ?? null,
          kernelVersion: node.status.nodeInfo.kernelVersion,
          ready: isNodeReady(node),
          state: daemonState(node),
          currentConfig: currentConfigOf(node),
          desiredConfig: desiredConfigOf(node),
          daemon: agent?.describe() ?? null,
          // Whether the node proxy reaches the kubelet: up, kubeletStopped (refused) or down.
          kubelet: agent?.kubeletReachability ?? null,
          day1: Object.fromEntries(
            Object.entries(agent?.day1.statuses() ?? {}).map(([mc, s]) => [mc, s.phase]),
          ),
        };
      }),
    };
  }

  private start(): void {
    const scenario = buildScenario(this.scenario, this.clock.now());
    this.hardware = scenario.hardware;
    this.registry.add(scenario.registry.images);
    this.registry.makePrivate(scenario.registry.private);
    this.store.load(NAMESPACES, scenario.namespaces);
    this.store.load(MACHINE_CONFIGS, scenario.machineConfigs);
    this.store.load(MACHINE_CONFIG_POOLS, scenario.pools);
    this.store.load(NODES, scenario.nodes);
    this.store.load(MACHINE_CONFIG_NODES, scenario.machineConfigNodes);
    this.store.load(CLUSTER_VERSIONS, scenario.clusterVersions);
    this.store.load(IMAGE_STREAMS, scenario.imageStreams);
    this.store.load(IMAGE_STREAM_TAGS, scenario.imageStreamTags);
    this.store.load(BOOT_MODULE_CONFIGS, scenario.bootModuleConfigs);

    this.context = {
      store: this.store,
      clock: this.clock,
      timers: new ScaledTimers(this.clock, this.timeScale, (error) => {
        this.log(
          `simulation step failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }),
      timings: this.timings,
      registry: this.registry,
      faults: this.faults,
      log: this.log,
      wellFormed: new WellFormed(this.log),
    };
    const cvo = new ClusterVersionOperator(this.context, () => {
      this.operatorInstance?.render.schedule();
    });
    const operator = new MachineConfigOperator(
      this.context,
      (node) => this.hardware.get(node) ?? { inTreeModules: [] },
      {
        releaseFor: (pool) => cvo.releaseFor(pool),
        osFor: (url) => cvo.osFor(url),
      },
    );
    for (const rendered of scenario.rendered) operator.render.remember(rendered);
    operator.start();
    this.operatorInstance = operator;
    for (const machineConfig of scenario.created) this.store.create(MACHINE_CONFIGS, machineConfig);
    cvo.start();
    this.cvoInstance = cvo;
    const pods = new PodController(this.context, (node) => operator.agent(node)?.day1);
    this.pods = pods;
    this.unsubscribePods = this.store.onChange((event) => {
      pods.onChange(event);
    });
  }
}
