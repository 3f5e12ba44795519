/**
 * One simulated node: its machine-config-daemon, its kubelet's Ready condition across reboots, and its
 * Day 1 units. The daemon follows MCD's update sequence (mco-rollout.md §4.4, §4.8): Working, drain
 * request, files and OS, reboot with `post-config-action: Rebooting`, resume, uncordon request, Done,
 * with the MachineConfigNode conditions MCO sets at each step.
 *
 * A boot, as systemd orders it: the Day 1 load units (before network-pre.target); then, if a Day 1 pull
 * unit is ordered before the kubelet (the product's units), network-online.target, those pull units, and
 * only once they have finished the kubelet — so a pull that reboots the node does it before the kubelet
 * ever posts Ready or the daemon (a DaemonSet pod) resumes: MCO still has the node cordoned and counts it
 * as updating. Otherwise (KMM's units) the kubelet starts at once and the pull units run once the node is
 * Ready, beside the daemon: their reboot comes after MCO marked the node Done and uncordoned it, with no
 * drain, while MCO is already updating the next node.
 */
import { randomUUID } from 'node:crypto';
import type { TimerId } from '../core/clock';
import type { NodeObject } from '../core/kube-types';
import { NODES } from '../core/resources';
import { Day1Node } from '../node/day1-node';
import type { Day1Scheduling, NodeEnvironment } from '../node/day1-node';
import type { Day1UnitConfig } from '../node/day1-config';
import {
  KUBELET_NETWORK_NOT_READY,
  KUBELET_READY,
  KUBELET_SHUTTING_DOWN,
  addTaint,
  removeTaint,
  setAnnotations,
  setReady,
} from '../node/node-edits';
import type { SimContext } from '../sim-context';
import { nowStamp } from '../sim-context';
import { ANNOTATIONS, NOT_READY_TAINT } from './constants';
import type { McnWriter } from './mcn-writer';
import { currentConfigOf, daemonState, desiredConfigOf } from './node-state';

type Phase =
  | 'idle'
  | 'starting'
  | 'preparing'
  | 'awaitingDrain'
  | 'applying'
  | 'rebooting'
  | 'awaitingUncordon'
  | 'completing'
  | 'degraded';

/** What the daemon needs from the rest of the operator. */
export interface NodeAgentHooks {
  mcn: McnWriter;
  /** Day 1 configs inside a rendered config. */
  day1ConfigsFor: (renderedConfig: string) => Day1UnitConfig[];
  /**
   * The OS a rendered config's `osImageURL` boots (its kernel and os-release name), when it is a known
   * release's; undefined keeps the kernel the node runs (a scenario's nodes start on their own kernels).
   */
  osFor?: (renderedConfig: string) => BootedOs | undefined;
}

/** What `uname -r` and os-release report after a boot into an OS image. */
export interface BootedOs {
  kernelVersion: string;
  osImage: string;
}

export interface NodeHardware {
  /** In-tree drivers loaded at every boot, e.g. ["sfc", "mdio"] on a node with a Solarflare NIC. */
  inTreeModules: string[];
}

/** The file MCD's config-drift check finds changed when a node is set to degrade. */
const DRIFTED_FILE = '/etc/kubernetes/kubelet-ca.crt';

export class NodeAgent {
  readonly day1: Day1Node;
  /** Reboots since the simulation started, of any kind. */
  reboots = 0;
  /** Of which Day 1 pull units asked for. */
  day1Reboots = 0;
  /** Boots since the simulation started in which the kubelet never started (a Day 1 pull rebooted). */
  bootsWithoutKubelet = 0;
  private phase: Phase = 'idle';
  private stepTimer?: TimerId;
  private drainTimeout?: TimerId;
  /** The rendered config being applied. */
  private target = '';
  /** The rendered config written to disk (what the node boots into). */
  private diskConfig: string;
  private rebootKind?: 'mco' | 'day1';
  private day1RebootPending = false;
  /** os-release's name of the OS this boot runs, when its image is a known release's. */
  private bootedOsImage?: string;
  private stopped = false;
  /** Whether the kubelet runs this boot (and so posts the node's status). */
  private kubeletRunning = true;
  /** Whether the machine is up (between a shutdown and the next boot it is not). */
  private hostUp = true;

  constructor(
    private readonly context: SimContext,
    readonly name: string,
    private readonly hooks: NodeAgentHooks,
    hardware: NodeHardware,
  ) {
    this.day1 = new Day1Node(hardware.inTreeModules, name);
    const node = this.node();
    this.diskConfig = node === undefined ? '' : currentConfigOf(node);
    if (node !== undefined) this.day1.journal.markBoot(node.status.nodeInfo.bootID);
  }

  /** Whether the daemon is between updates and reboots. */
  get idle(): boolean {
    return this.phase === 'idle';
  }

  get currentPhase(): string {
    return this.phase;
  }

  /**
   * What a connection to the kubelet's port finds: the kubelet (`up`), a machine whose kubelet is not
   * running (shutting down, or booting with Day 1 pulls ordered before the kubelet: refused), or no
   * machine at all (powered off between shutdown and boot).
   */
  get kubeletReachability(): 'up' | 'kubeletStopped' | 'down' {
    if (!this.hostUp) return 'down';
    return this.kubeletRunning ? 'up' : 'kubeletStopped';
  }

  stop(): void {
    this.stopped = true;
    this.context.timers.cancel(this.stepTimer);
    this.context.timers.cancel(this.drainTimeout);
  }

  /** Reacts to a change of the Node (called from a store listener: only schedules work). */
  onNodeChanged(): void {
    const node = this.node();
    if (node === undefined || this.stopped || this.stepTimer !== undefined) return;
    const annotations = node.metadata.annotations ?? {};
    const lastApplied = annotations[ANNOTATIONS.lastAppliedDrain] ?? '';
    switch (this.phase) {
      case 'idle':
        if (desiredConfigOf(node) !== '' && desiredConfigOf(node) !== currentConfigOf(node)) {
          this.phase = 'starting';
          this.step(this.context.timings.daemonPickup, () => {
            this.startUpdate();
          });
        } else if (this.day1RebootPending && daemonState(node) === 'Done') {
          this.day1RebootPending = false;
          this.step(0, () => {
            this.reboot('day1');
          });
        }
        break;
      case 'awaitingDrain':
        if (lastApplied === `drain-${this.target}`) {
          this.context.timers.cancel(this.drainTimeout);
          this.drainTimeout = undefined;
          this.phase = 'applying';
          this.step(this.context.timings.applyStart, () => {
            this.applyFiles();
          });
        }
        break;
      case 'awaitingUncordon':
        if (lastApplied === `uncordon-${this.diskConfig}`) {
          this.phase = 'completing';
          this.step(this.context.timings.done, () => {
            this.setDone();
          });
        }
        break;
      default:
        break;
    }
  }

  /** After faults are cleared: a degraded daemon retries now rather than at its next resync. */
  retryNow(): void {
    if (this.phase !== 'degraded') return;
    this.context.timers.cancel(this.stepTimer);
    this.stepTimer = undefined;
    this.phase = 'starting';
    this.step(0, () => {
      this.startUpdate();
    });
  }

  /** The node, unless it is gone or malformed (then the daemon waits for a readable one). */
  private node(): NodeObject | undefined {
    const node = this.context.store.get(NODES, undefined, this.name);
    return this.context.wellFormed.node(node) ? node : undefined;
  }

  private step(baseMs: number, action: () => void): void {
    this.stepTimer = this.context.timers.after(baseMs, () => {
      this.stepTimer = undefined;
      if (this.stopped || this.node() === undefined) return;
      action();
      // A change that arrived while a step was pending may call for the next one.
      this.onNodeChanged();
    });
  }

  private editNode(edit: (node: NodeObject) => void): void {
    this.context.store.mutate<NodeObject>(NODES, undefined, this.name, edit);
  }

  private annotate(annotations: Record<string, string>): void {
    this.editNode((node) => {
      setAnnotations(node, annotations);
    });
  }

  private degrade(reason: string): void {
    this.annotate({
      [ANNOTATIONS.state]: 'Degraded',
      // MCD truncates the reason so the annotation stays small.
      [ANNOTATIONS.reason]: reason.slice(0, 2000),
    });
    this.hooks.mcn.record(
      this.name,
      {
        type: 'NodeDegraded',
        reason: 'NodeDegraded',
        message: `Node ${this.name} upgrade failure. ${reason}`,
      },
      'True',
    );
  }

  private startUpdate(): void {
    const node = this.node();
    if (node === undefined) return;
    const desired = desiredConfigOf(node);
    if (desired === '' || desired === currentConfigOf(node)) {
      this.phase = 'idle';
      return;
    }
    this.target = desired;
    this.hooks.mcn.record(
      this.name,
      { type: 'Updated', reason: 'Updated', message: `Node ${this.name} needs an update` },
      'False',
    );
    if (this.context.faults.degradeNodes.has(this.name)) {
      // MCD's preflight config-drift check runs before every update.
      this.degrade(
        `unexpected on-disk state validating against ${currentConfigOf(node)}: content mismatch for file "${DRIFTED_FILE}"`,
      );
      this.phase = 'degraded';
      this.step(this.context.timings.daemonRetry, () => {
        this.phase = 'starting';
        this.startUpdate();
      });
      return;
    }
    // MCD leaves a Degraded state in place until the update completes.
    const state = daemonState(node);
    if (state !== 'Degraded' && state !== 'Unreconcilable') {
      this.annotate({ [ANNOTATIONS.state]: 'Working' });
    }
    this.phase = 'preparing';
    this.step(this.context.timings.prepare, () => {
      this.prepare();
    });
  }

  private prepare(): void {
    this.hooks.mcn.record(
      this.name,
      {
        type: 'UpdatePrepared',
        reason: 'UpdatePrepared',
        message: 'Update Compatible. Post Cfg Actions: [] Drain Required: true',
      },
      'True',
    );
    this.hooks.mcn.setDesired(this.name, this.target);
    const request = `drain-${this.target}`;
    this.phase = 'awaitingDrain';
    if (this.node()?.metadata.annotations?.[ANNOTATIONS.desiredDrain] !== request) {
      this.annotate({ [ANNOTATIONS.desiredDrain]: request });
    }
    this.drainTimeout = this.context.timers.after(this.context.timings.drainTimeout, () => {
      this.drainTimeout = undefined;
      this.degrade(
        `failed to drain node: ${this.name} after 1 hour. Please see machine-config-controller logs for more information`,
      );
    });
  }

  private applyFiles(): void {
    this.hooks.mcn.record(
      this.name,
      {
        type: 'UpdateExecuted',
        reason: 'AppliedFilesAndOS',
        message: 'Updating the Files and OS on disk as a part of the in progress phase',
      },
      'Unknown',
      {
        type: 'AppliedFilesAndOS',
        reason: 'UpdateExecutedAppliedFilesAndOS',
        message:
          'Applying files and new OS config to node. OS will not need an update. SSH Keys will not need an update',
      },
      'Unknown',
    );
    this.step(this.context.timings.apply, () => {
      this.hooks.mcn.record(
        this.name,
        {
          type: 'UpdateExecuted',
          reason: 'AppliedFilesAndOS',
          message: 'Updated the Files and OS on disk as a part of the in progress phase',
        },
        'True',
        {
          type: 'AppliedFilesAndOS',
          reason: 'UpdateExecutedAppliedFilesAndOS',
          message:
            'Applied files and new OS config to node. OS did not need an update. SSH Keys did not need an update',
        },
        'True',
      );
      this.diskConfig = this.target;
      this.hooks.mcn.record(
        this.name,
        { type: 'RebootedNode', reason: 'RebootedNode', message: 'Upgrade requires a reboot.' },
        'Unknown',
      );
      this.annotate({ [ANNOTATIONS.postConfigAction]: 'Rebooting' });
      this.hooks.mcn.record(
        this.name,
        {
          type: 'NodeDegraded',
          reason: 'NodeDegraded',
          message: `Node ${this.name} upgrade succeeded`,
        },
        'False',
      );
      this.reboot('mco');
    });
  }

  /** Asked by the Day 1 pull unit; waits until the daemon is idle and Done, as the scripts' timing makes it. */
  private requestDay1Reboot(): void {
    const node = this.node();
    if (
      this.phase === 'idle' &&
      this.stepTimer === undefined &&
      node &&
      daemonState(node) === 'Done'
    ) {
      this.reboot('day1');
    } else {
      this.day1RebootPending = true;
    }
  }

  private environment(node: NodeObject, bootID: string, os?: BootedOs): NodeEnvironment {
    return {
      kernelVersion: os?.kernelVersion ?? node.status.nodeInfo.kernelVersion,
      bootID,
      now: () => nowStamp(this.context),
      loadFails: this.context.faults.failLoad.has(this.name),
    };
  }

  private day1Scheduling(): Day1Scheduling {
    const { timers, timings } = this.context;
    return {
      after: (ms, callback) => {
        timers.after(ms, () => {
          if (!this.stopped) callback();
        });
      },
      loadMs: timings.day1Load,
      pullMs: timings.day1Pull,
      pullFailureMs: timings.day1PullFailure,
    };
  }

  private reboot(kind: 'mco' | 'day1'): void {
    const { timings } = this.context;
    this.phase = 'rebooting';
    this.rebootKind = kind;
    this.reboots++;
    if (kind === 'day1') this.day1Reboots++;
    this.step(timings.shutdown, () => {
      const now = nowStamp(this.context);
      // A kubelet that never started this boot has nothing to post: the node stays as it was.
      if (this.kubeletRunning) {
        this.editNode((node) => {
          setReady(node, false, KUBELET_SHUTTING_DOWN, now);
          addTaint(node, { key: NOT_READY_TAINT, effect: 'NoSchedule', timeAdded: now });
        });
      }
      this.kubeletRunning = false;
      this.hostUp = false;
      this.step(timings.reboot, () => {
        this.hostUp = true;
        this.boot();
      });
    });
  }

  /**
   * The kernel boots with a new boot ID. The Day 1 load units run first; the pull units ordered before
   * the kubelet run once the network is online, and the kubelet starts only after them (or never, this
   * boot, if they reboot the node).
   */
  private boot(): void {
    const { timings, faults } = this.context;
    const node = this.node();
    if (node === undefined) return;
    const bootID = randomUUID();
    const configs = this.hooks.day1ConfigsFor(this.diskConfig);
    // The OS image on disk decides the kernel this boot runs; the kubelet reports it when it starts.
    const os = this.hooks.osFor?.(this.diskConfig);
    this.bootedOsImage = os?.osImage;
    const env = this.environment(node, bootID, os);
    // Any reboot serves a pending Day 1 reboot request: the images are on disk now.
    this.day1RebootPending = false;
    if (faults.loseImagesOnReboot.has(this.name)) this.day1.loseImages(configs, env.kernelVersion);
    this.day1.resetModules();
    this.day1.boot(configs, env, this.day1Scheduling());
    const beforeKubelet = configs.filter((c) => c.hasPullUnit && c.pullBeforeKubelet);
    const besideKubelet = configs.filter((c) => c.hasPullUnit && !c.pullBeforeKubelet);
    if (beforeKubelet.length === 0) {
      this.startKubelet(env, besideKubelet);
      return;
    }
    this.step(timings.networkOnline, () => {
      this.day1.runPullUnits(
        beforeKubelet,
        env,
        this.context.registry,
        this.day1Scheduling(),
        (reboot) => {
          if (this.stopped || this.node() === undefined) return;
          if (reboot) {
            this.bootsWithoutKubelet++;
            this.reboot('day1');
          } else {
            this.startKubelet(env, besideKubelet);
          }
        },
      );
    });
  }

  /**
   * The kubelet starts: it posts the boot ID and NotReady until the network plugin is up, then Ready.
   * The pull units not ordered before it run then, and the daemon resumes.
   */
  private startKubelet(env: NodeEnvironment, pullUnits: Day1UnitConfig[]): void {
    const { timings } = this.context;
    this.kubeletRunning = true;
    this.editNode((node) => {
      node.status.nodeInfo.bootID = env.bootID;
      node.status.nodeInfo.kernelVersion = env.kernelVersion;
      if (this.bootedOsImage !== undefined) node.status.nodeInfo.osImage = this.bootedOsImage;
      setReady(node, false, KUBELET_NETWORK_NOT_READY, nowStamp(this.context));
    });
    this.step(timings.kubeletReady, () => {
      this.editNode((n) => {
        setReady(n, true, KUBELET_READY, nowStamp(this.context));
        removeTaint(n, NOT_READY_TAINT);
      });
      this.day1.runPullUnits(
        pullUnits,
        env,
        this.context.registry,
        this.day1Scheduling(),
        (reboot) => {
          if (reboot && !this.stopped) this.requestDay1Reboot();
        },
      );
      this.step(timings.daemonResume, () => {
        this.resume();
      });
    });
  }

  /** MCD starting after a reboot (checkStateOnFirstRun). */
  private resume(): void {
    const node = this.node();
    if (node === undefined) return;
    const annotations = node.metadata.annotations ?? {};
    if (annotations[ANNOTATIONS.postConfigAction] === 'Rebooting') {
      this.hooks.mcn.record(
        this.name,
        { type: 'RebootedNode', reason: 'RebootedNode', message: 'Node has rebooted' },
        'True',
      );
      this.annotate({ [ANNOTATIONS.postConfigAction]: '' });
    }
    this.hooks.mcn.record(
      this.name,
      {
        type: 'Resumed',
        reason: 'Resumed',
        message: `In desired config ${this.diskConfig}. Resumed normal operations. Applying proper annotations.`,
      },
      'True',
    );
    // completeUpdate: ask the drain controller to uncordon, and wait for it.
    const request = `uncordon-${this.diskConfig}`;
    this.phase = 'awaitingUncordon';
    if (annotations[ANNOTATIONS.desiredDrain] !== request) {
      this.annotate({ [ANNOTATIONS.desiredDrain]: request });
    }
  }

  private setDone(): void {
    this.annotate({
      [ANNOTATIONS.state]: 'Done',
      [ANNOTATIONS.currentConfig]: this.diskConfig,
      [ANNOTATIONS.reason]: '',
    });
    this.hooks.mcn.record(
      this.name,
      {
        type: 'Resumed',
        reason: 'Resumed',
        message: `In desired config ${this.diskConfig}. Resumed normal operations.`,
      },
      'True',
    );
    this.step(this.context.timings.updatedCondition, () => {
      this.hooks.mcn.record(
        this.name,
        { type: 'Updated', reason: 'Updated', message: `Node ${this.name} Updated` },
        'True',
      );
      this.phase = 'idle';
      this.rebootKind = undefined;
    });
  }

  /** For /sim/state. */
  describe(): { phase: string; reboots: number; day1Reboots: number; lastReboot?: string } {
    return {
      phase: this.phase,
      reboots: this.reboots,
      day1Reboots: this.day1Reboots,
      lastReboot: this.rebootKind,
    };
  }
}
