/**
 * The simulated Machine Config Operator: wires the render controller, node controller, drain controller
 * and one daemon per node to store changes. Store listeners run inside a write, so every reaction here
 * is scheduled, never written on the spot.
 */
import { isDeepStrictEqual } from 'node:util';
import type { MachineConfigObject, NodeObject, SimObject } from '../core/kube-types';
import {
  MACHINE_CONFIGS,
  MACHINE_CONFIG_NODES,
  MACHINE_CONFIG_POOLS,
  NODES,
} from '../core/resources';
import type { StoreEvent } from '../core/store';
import type { SimContext } from '../sim-context';
import { NodeAgent } from './daemon';
import type { BootedOs, NodeHardware } from './daemon';
import type { ReleaseImages } from './render';

/** What the cluster version operator tells MCO: the release per pool, and what each OS image boots. */
export interface OperatorReleases {
  releaseFor: (pool: string) => ReleaseImages;
  osFor: (osImageURL: string) => BootedOs | undefined;
}
import { DrainController } from './drain-controller';
import { McnWriter } from './mcn-writer';
import { NodeController } from './node-controller';
import { RenderController } from './render-controller';

const specOf = (object: SimObject | undefined): unknown => object?.spec;

export class MachineConfigOperator {
  readonly render: RenderController;
  readonly nodes: NodeController;
  readonly drains: DrainController;
  readonly mcn: McnWriter;
  private readonly agents = new Map<string, NodeAgent>();
  private unsubscribe?: () => void;

  constructor(
    private readonly context: SimContext,
    /** The hardware of a node (its in-tree drivers); nodes created later get none. */
    private readonly hardwareOf: (node: string) => NodeHardware,
    /** The release MCO renders each pool for, and the OS each known OS image boots. */
    private readonly releases?: OperatorReleases,
  ) {
    this.render = new RenderController(context, releases?.releaseFor);
    this.mcn = new McnWriter(context, (node) => this.nodes.poolOf(node));
    this.nodes = new NodeController(context, this.mcn);
    this.drains = new DrainController(context, this.mcn);
  }

  /** Creates a daemon for every node and starts reacting to changes. */
  start(): void {
    for (const node of this.context.store.list(NODES)) this.agentFor(node.metadata.name);
    this.unsubscribe = this.context.store.onChange((event) => {
      this.onChange(event);
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.render.stop();
    this.nodes.stop();
    this.drains.stop();
    for (const agent of this.agents.values()) agent.stop();
    this.agents.clear();
  }

  agent(name: string): NodeAgent | undefined {
    return this.agents.get(name);
  }

  get allAgents(): NodeAgent[] {
    return [...this.agents.values()];
  }

  /** After faults are cleared: blocked drains and degraded daemons try again now. */
  retryNow(): void {
    this.drains.retryNow();
    for (const agent of this.agents.values()) agent.retryNow();
  }

  private agentFor(name: string): NodeAgent {
    let agent = this.agents.get(name);
    if (agent === undefined) {
      agent = new NodeAgent(
        this.context,
        name,
        {
          mcn: this.mcn,
          day1ConfigsFor: (rendered) => this.render.day1ConfigsFor(rendered),
          osFor: (rendered) => this.osFor(rendered),
        },
        this.hardwareOf(name),
      );
      this.agents.set(name, agent);
    }
    return agent;
  }

  /** The OS a rendered config boots, from its `osImageURL`, when that is a known release's image. */
  private osFor(rendered: string): BootedOs | undefined {
    const mc = this.context.store.get(MACHINE_CONFIGS, undefined, rendered) as
      MachineConfigObject | undefined;
    const url = mc?.spec.osImageURL;
    return typeof url === 'string' ? this.releases?.osFor(url) : undefined;
  }

  private onChange(event: StoreEvent): void {
    const { resource, object, previous, type } = event;
    if (resource === MACHINE_CONFIGS) {
      // Rendered configs are the render controller's own output.
      const rendered = (object.metadata.ownerReferences ?? []).some(
        (o) => o.kind === 'MachineConfigPool',
      );
      if (!rendered) this.render.schedule();
    } else if (resource === MACHINE_CONFIG_POOLS) {
      if (type !== 'MODIFIED' || !isDeepStrictEqual(specOf(object), specOf(previous))) {
        this.render.schedule();
        this.nodes.poolsChanged();
      } else {
        // A status change: the node controller folds RenderDegraded into Degraded. Its own status
        // writes come back here and end in a sync that changes nothing.
        this.nodes.poolChanged(object.metadata.name);
      }
    } else if (resource === NODES) {
      this.onNodeChange(event);
    }
  }

  private onNodeChange({ type, object, previous }: StoreEvent): void {
    const name = object.metadata.name;
    const { timers } = this.context;
    if (type === 'DELETED') {
      this.agents.get(name)?.stop();
      this.agents.delete(name);
      // Garbage collection of the node's MachineConfigNode (it is owned by the node).
      timers.after(0, () => {
        if (this.context.store.get(NODES, undefined, name) === undefined) {
          this.context.store.remove(MACHINE_CONFIG_NODES, undefined, name);
        }
      });
    } else {
      const agent = this.agentFor(name);
      if (type === 'ADDED') {
        timers.after(0, () => {
          this.mcn.ensure(name);
        });
      }
      agent.onNodeChanged();
      this.drains.onNodeChanged((object as NodeObject).metadata.name);
    }
    const relabelled =
      type !== 'MODIFIED' || !isDeepStrictEqual(object.metadata.labels, previous?.metadata.labels);
    this.nodes.nodeChanged(name, relabelled);
  }
}
