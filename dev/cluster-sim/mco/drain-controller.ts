/**
 * The drain controller in machine-config-controller (pkg/controller/drain): it acts on a node's
 * `desiredDrain` annotation, cordons and drains (`drain-<config>`) or uncordons (`uncordon-<config>`),
 * then acknowledges with `lastAppliedDrain`. A drain that fails is retried every minute.
 */
import type { TimerId } from '../core/clock';
import type { NodeObject } from '../core/kube-types';
import { NODES } from '../core/resources';
import { addTaint, removeTaint, setAnnotations } from '../node/node-edits';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import { ANNOTATIONS, UNSCHEDULABLE_TAINT } from './constants';
import type { McnWriter } from './mcn-writer';

/** The eviction error of a drain blocked by a PodDisruptionBudget. */
const BLOCKED_DRAIN_ERROR =
  'error when evicting pods/"sfc-traffic-generator-7c9d5b8f6-q2x7n" -n "kmm-day1-demo" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.';

export class DrainController {
  /** The request being worked on per node, and its timer. */
  private readonly inFlight = new Map<string, { request: string; timer: TimerId }>();

  constructor(
    private readonly context: SimContext,
    private readonly mcn: McnWriter,
  ) {}

  private node(name: string): NodeObject | undefined {
    const node = this.context.store.get(NODES, undefined, name);
    return this.context.wellFormed.node(node) ? node : undefined;
  }

  /** Reacts to a node change (called from a store listener: only schedules). */
  onNodeChanged(name: string): void {
    const node = this.node(name);
    if (node === undefined) {
      this.forget(name);
      return;
    }
    const desired = node.metadata.annotations?.[ANNOTATIONS.desiredDrain] ?? '';
    const applied = node.metadata.annotations?.[ANNOTATIONS.lastAppliedDrain] ?? '';
    if (desired === '' || desired === applied) return;
    if (this.inFlight.get(name)?.request === desired) return;
    this.forget(name);
    const { timers, timings } = this.context;
    const timer = desired.startsWith('drain-')
      ? timers.after(timings.cordon, () => {
          this.cordonAndDrain(name, desired);
        })
      : timers.after(timings.uncordon, () => {
          this.uncordon(name, desired);
        });
    this.inFlight.set(name, { request: desired, timer });
  }

  /** Retries every blocked drain now (after faults are cleared). */
  retryNow(): void {
    for (const [name, { request }] of [...this.inFlight]) {
      if (!request.startsWith('drain-')) continue;
      this.context.timers.cancel(this.inFlight.get(name)?.timer);
      this.inFlight.set(name, {
        request,
        timer: this.context.timers.after(0, () => {
          this.finishDrain(name, request);
        }),
      });
    }
  }

  stop(): void {
    for (const name of [...this.inFlight.keys()]) this.forget(name);
  }

  private forget(name: string): void {
    this.context.timers.cancel(this.inFlight.get(name)?.timer);
    this.inFlight.delete(name);
  }

  private stillWanted(name: string, request: string): boolean {
    return this.node(name)?.metadata.annotations?.[ANNOTATIONS.desiredDrain] === request;
  }

  private drainMessage(name: string): string {
    const annotations = this.node(name)?.metadata.annotations ?? {};
    return `The drain will not be complete until desired drainer ${annotations[ANNOTATIONS.desiredDrain] ?? ''} matches current drainer ${annotations[ANNOTATIONS.lastAppliedDrain] ?? ''}`;
  }

  private cordonAndDrain(name: string, request: string): void {
    if (!this.stillWanted(name, request)) {
      this.inFlight.delete(name);
      return;
    }
    const now = nowStamp(this.context);
    this.context.store.mutate<NodeObject>(NODES, undefined, name, (node) => {
      node.spec.unschedulable = true;
      addTaint(node, { key: UNSCHEDULABLE_TAINT, effect: 'NoSchedule', timeAdded: now });
    });
    this.mcn.record(
      name,
      {
        type: 'UpdateExecuted',
        reason: 'Cordoned',
        message: 'Cordoned Node as part of update executed phase',
      },
      'Unknown',
      {
        type: 'Cordoned',
        reason: 'UpdateExecutedCordoned',
        message: 'Cordoned node. The node is reporting Unschedulable = true',
      },
      'True',
    );
    this.mcn.record(
      name,
      {
        type: 'UpdateExecuted',
        reason: 'Drained',
        message: 'Draining Node as part of update executed phase',
      },
      'Unknown',
      {
        type: 'Drained',
        reason: 'UpdateExecutedDrained',
        message: `Draining node. ${this.drainMessage(name)}`,
      },
      'Unknown',
    );
    this.inFlight.set(name, {
      request,
      timer: this.context.timers.after(this.context.timings.drain, () => {
        this.finishDrain(name, request);
      }),
    });
  }

  private finishDrain(name: string, request: string): void {
    if (!this.stillWanted(name, request)) {
      this.inFlight.delete(name);
      return;
    }
    if (this.context.faults.hangDrains.has(name)) {
      this.mcn.record(
        name,
        { type: 'UpdateExecuted', reason: 'Drained', message: 'Node Drain has not succeeded' },
        'Unknown',
        {
          type: 'Drained',
          reason: 'UpdateExecutedDrained',
          message: `Error: Node Drain has not succeeded. Error is: [${BLOCKED_DRAIN_ERROR}, global timeout reached: 1m30s] ${this.drainMessage(name)}`,
        },
        'Unknown',
      );
      this.inFlight.set(name, {
        request,
        timer: this.context.timers.after(this.context.timings.drainRetry, () => {
          this.finishDrain(name, request);
        }),
      });
      return;
    }
    this.inFlight.delete(name);
    this.context.store.mutate<NodeObject>(NODES, undefined, name, (node) => {
      setAnnotations(node, { [ANNOTATIONS.lastAppliedDrain]: request });
    });
    this.mcn.record(
      name,
      {
        type: 'UpdateExecuted',
        reason: 'Drained',
        message: 'Drained Node as part of update executed phase',
      },
      'Unknown',
      {
        type: 'Drained',
        reason: 'UpdateExecutedDrained',
        message: `Drained node. The drain is complete as the desired drainer matches current drainer: ${request}`,
      },
      'True',
    );
  }

  private uncordon(name: string, request: string): void {
    this.inFlight.delete(name);
    if (!this.stillWanted(name, request)) return;
    this.context.store.mutate<NodeObject>(NODES, undefined, name, (node) => {
      Reflect.deleteProperty(node.spec, 'unschedulable');
      removeTaint(node, UNSCHEDULABLE_TAINT);
      setAnnotations(node, { [ANNOTATIONS.lastAppliedDrain]: request });
    });
    this.mcn.record(
      name,
      {
        type: 'UpdateComplete',
        reason: 'Uncordoned',
        message: 'Uncordoned Node as part of completing upgrade phase',
      },
      'True',
      {
        type: 'Uncordoned',
        reason: 'UpdateCompleteUncordoned',
        message: 'UnCordoned node. The node is reporting Unschedulable = false',
      },
      'True',
    );
  }
}
