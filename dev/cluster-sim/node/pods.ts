/**
 * Minimal pods: a created pod is scheduled (to its spec.nodeName, or to a ready worker), then goes
 * Pending → Running → Succeeded as a short-lived debug pod does. Its log is what its command prints on
 * the simulated node (node-shell.ts).
 */
import type { TimerId } from '../core/clock';
import type { NodeObject, PodObject } from '../core/kube-types';
import { NODES, PODS } from '../core/resources';
import type { StoreEvent } from '../core/store';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import type { Day1Node } from './day1-node';
import { containerScript, runOnNode } from './node-shell';

/** Ready and schedulable; a node without a readable status (malformed) is not a place for a pod. */
const ready = (node: NodeObject): boolean =>
  Array.isArray(node.status.conditions) &&
  node.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True') &&
  node.spec.unschedulable !== true;

/** Fills in what the API server and scheduler add to a new pod. Runs on the object before it is stored. */
export const defaultPod = (pod: PodObject, nodes: NodeObject[], now: string): void => {
  pod.spec.nodeName ??= nodes.find(
    (n) => ready(n) && n.metadata.labels?.['node-role.kubernetes.io/worker'] !== undefined,
  )?.metadata.name;
  pod.spec.restartPolicy ??= 'Always';
  pod.status = {
    phase: 'Pending',
    qosClass: 'BestEffort',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now },
    ],
  };
};

const containerStatuses = (pod: PodObject, state: Record<string, unknown>, isReady: boolean) =>
  (pod.spec.containers ?? []).map((c) => ({
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    ready: isReady,
    restartCount: 0,
    started: isReady,
    state,
  }));

export class PodController {
  private readonly timers = new Map<string, TimerId>();

  constructor(
    private readonly context: SimContext,
    private readonly day1Of: (node: string) => Day1Node | undefined,
  ) {}

  onChange(event: StoreEvent): void {
    if (event.resource !== PODS) return;
    const key = `${event.object.metadata.namespace ?? ''}/${event.object.metadata.name}`;
    if (event.type === 'DELETED') {
      this.context.timers.cancel(this.timers.get(key));
      this.timers.delete(key);
    } else if (event.type === 'ADDED') {
      const { namespace, name } = event.object.metadata;
      this.timers.set(
        key,
        this.context.timers.after(this.context.timings.podStart, () => {
          this.run(key, namespace, name);
        }),
      );
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) this.context.timers.cancel(timer);
    this.timers.clear();
  }

  /** The pod's log: its containers' command run on its node, or an API error message. */
  log(pod: PodObject): string {
    const nodeName = pod.spec.nodeName;
    const stored =
      nodeName === undefined ? undefined : this.context.store.get(NODES, undefined, nodeName);
    const node = this.context.wellFormed.node(stored) ? stored : undefined;
    const day1 = nodeName === undefined ? undefined : this.day1Of(nodeName);
    const container = pod.spec.containers?.[0];
    if (node === undefined || day1 === undefined || container === undefined) return '';
    return runOnNode(containerScript(container.command, container.args), node, day1);
  }

  private run(key: string, namespace: string | undefined, name: string): void {
    const startedAt = nowStamp(this.context);
    this.context.store.mutate<PodObject>(PODS, namespace, name, (pod) => {
      pod.status = {
        ...pod.status,
        phase: 'Running',
        startTime: startedAt,
        hostIP: '10.0.0.10',
        podIP: '10.128.2.15',
        containerStatuses: containerStatuses(pod, { running: { startedAt } }, true),
      };
    });
    this.timers.set(
      key,
      this.context.timers.after(this.context.timings.podRun, () => {
        this.timers.delete(key);
        const finishedAt = nowStamp(this.context);
        this.context.store.mutate<PodObject>(PODS, namespace, name, (pod) => {
          pod.status = {
            ...pod.status,
            phase: 'Succeeded',
            containerStatuses: containerStatuses(
              pod,
              { terminated: { exitCode: 0, reason: 'Completed', startedAt, finishedAt } },
              false,
            ),
          };
        });
      }),
    );
  }
}
