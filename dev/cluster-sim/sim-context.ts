/**
 * What the simulated controllers and nodes share: the store, the scaled timers, step timings, the image
 * registry and the active faults.
 */
import type { Clock, ScaledTimers } from './core/clock';
import type { ObjectStore } from './core/store';
import { timestamp } from './core/store';
import type { Faults } from './control/faults';
import type { WellFormed } from './core/well-formed';
import type { Registry } from './registry';

/**
 * How long each simulated step takes at time scale 1, in ms. MCO's real steps take minutes per node
 * (mco-rollout.md §7); these keep MCO's order and relative weight but run a demo node in about half a
 * minute. Timeouts (drain give-up, retries) keep their real length and are scaled like everything else.
 */
export interface Timings {
  /** MC or pool change → render controller (MCO: 5 s). */
  render: number;
  /** Node or pool change → node controller sync (MCO: 5 s). */
  nodeController: number;
  /** desiredConfig set → the daemon starts (Working). */
  daemonPickup: number;
  /** Working → UpdatePrepared, drain requested. */
  prepare: number;
  /** Drain requested → drain controller cordons. */
  cordon: number;
  /** Cordoned → drain complete. */
  drain: number;
  /** Drain controller retry after a failed drain (MCO: 1 min). */
  drainRetry: number;
  /** The daemon gives up waiting for a drain and goes Degraded (MCO: 1 hour). */
  drainTimeout: number;
  /** Drained → writing files and OS. */
  applyStart: number;
  /** Writing files and OS. */
  apply: number;
  /** Reboot requested → kubelet stops (node NotReady). */
  shutdown: number;
  /** Shutdown → kernel boots (new bootID, kubelet starts NotReady). */
  reboot: number;
  /**
   * Boot → network-online.target, when Day 1 pull units ordered before the kubelet start (the kubelet
   * starts once they have finished); without such units the kubelet starts at boot.
   */
  networkOnline: number;
  /** Kubelet start → Ready (the network plugin up); Day 1 pull units not ordered before it start then. */
  kubeletReady: number;
  /** Ready → the daemon resumes after a reboot. */
  daemonResume: number;
  /** Uncordon requested → drain controller uncordons. */
  uncordon: number;
  /** Uncordoned → state Done. */
  done: number;
  /** Done → MachineConfigNode Updated=True. */
  updatedCondition: number;
  /** A degraded daemon retries its update (MCD's sync backoff). */
  daemonRetry: number;
  /** Day 1 load unit: Loading → Loaded. */
  day1Load: number;
  /** Day 1 pull unit: a successful pull of both images. */
  day1Pull: number;
  /**
   * Day 1 pull unit: the attempts with backoff before PullFailed (10+20+40+80 s on a node), the bounded
   * budget by which a failing registry delays the kubelet when the unit is ordered before it.
   */
  day1PullFailure: number;
  /**
   * An OpenShift update accepted → MCO runs the new release (the operators before it update first), and
   * renders the control-plane pool with the new OS image.
   */
  releaseToMco: number;
  /** Pod: Pending → Running. */
  podStart: number;
  /** Pod: Running → Succeeded. */
  podRun: number;
}

export const DEFAULT_TIMINGS: Timings = {
  render: 2000,
  nodeController: 1000,
  daemonPickup: 1500,
  prepare: 1500,
  cordon: 2000,
  drain: 5000,
  drainRetry: 60_000,
  drainTimeout: 3_600_000,
  applyStart: 1000,
  apply: 4000,
  shutdown: 1500,
  reboot: 8000,
  networkOnline: 2000,
  kubeletReady: 3000,
  daemonResume: 1000,
  uncordon: 2000,
  done: 1000,
  updatedCondition: 500,
  daemonRetry: 10_000,
  day1Load: 1500,
  day1Pull: 6000,
  day1PullFailure: 15_000,
  releaseToMco: 6000,
  podStart: 1500,
  podRun: 2000,
};

export interface SimContext {
  store: ObjectStore;
  clock: Clock;
  timers: ScaledTimers;
  timings: Timings;
  registry: Registry;
  faults: Faults;
  log: (message: string) => void;
  /** Filters what the controllers read: malformed objects are logged once and skipped. */
  wellFormed: WellFormed;
}

/** The current time as a Kubernetes timestamp. */
export const nowStamp = (context: { clock: Clock }): string => timestamp(context.clock.now());
