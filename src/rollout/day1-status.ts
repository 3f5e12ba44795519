/**
 * The Day 1 status file each node writes at /var/log/kmm-day1/<mc>/status.json (write_status in
 * src/producer/scripts/common.sh), and what it says about a node once MCO is done with it.
 */
import type { Day1Message } from './messages';
import type { NodeRollout } from './types';

/** The version of the status file's schema; a file with another version is not read. */
export const DAY1_STATUS_SCHEMA_VERSION = 1;

export const DAY1_PHASES = [
  /** The load unit found the images missing; the pull unit will pull them. */
  'ImagesMissing',
  'Pulling',
  /** The pull failed; the node keeps its in-tree driver and tries again at its next boot. */
  'PullFailed',
  /** Both images pulled; the node reboots (before its kubelet starts) to load the module. */
  'RebootPending',
  'Loading',
  'Loaded',
  /** The out-of-tree module did not load; `inTreeRestored` says whether the in-tree driver is back. */
  'LoadFailed',
  /** Checked before unloading anything and refused (`reason`, `blockingModule`): nothing changed. */
  'LoadRefused',
  /** The previous boot died while loading: the in-tree driver is kept for this config, kernel and image. */
  'LoadSkippedAfterCrash',
  /** A Day 1 reboot was already made for this config, kernel and image: no more reboots. */
  'RebootBudgetExhausted',
] as const;

export type Day1Phase = (typeof DAY1_PHASES)[number];

/** Why a load was refused or failed, or a pull failed (the status file's `reason`). */
export const DAY1_REASONS = [
  /** An in-tree module to remove is used by a module that is not in the list (`blockingModule`). */
  'InTreeModuleHeld',
  /** The image's module was built for another kernel (`blockingModule` is the module). */
  'VermagicMismatch',
  /** The image has no such module under /opt/lib/modules/<kernel>. */
  'ModuleNotInImage',
  /** The module is loaded already, as the in-tree driver, and is not listed for removal. */
  'ModuleAlreadyLoaded',
  /** The KMM worker (or podman around it) failed. */
  'WorkerFailed',
  /** The worker succeeded but the loaded module is not the out-of-tree build. */
  'NotOutOfTreeBuild',
  'PullFailed',
  /** systemd stopped the unit (TimeoutSec) before it finished. */
  'Interrupted',
] as const;

export type Day1Reason = (typeof DAY1_REASONS)[number];

/**
 * The status file, field for field: `/var/log/kmm-day1/<mc>/status.json` on the node, written by
 * write_status in src/producer/scripts/common.sh, served by the kubelet through the API server.
 */
export interface Day1Status {
  schemaVersion: typeof DAY1_STATUS_SCHEMA_VERSION;
  machineConfig: string;
  phase: Day1Phase;
  /** `uname -r` of the boot that wrote the file. */
  kernelVersion: string;
  kernelModule: string;
  /** `<image>:<tag>`, the tag being the kernel version mapped to a valid image tag. */
  kernelModuleImage: string;
  workerImage: string;
  /** The boot that wrote the file; compare with the Node's `status.nodeInfo.bootID`. */
  bootID: string;
  /** Whether the out-of-tree build of the module is loaded (checked, not assumed). */
  moduleLoaded: boolean;
  /** After a failed load: whether every in-tree module unloaded for it is loaded again; else null. */
  inTreeRestored: boolean | null;
  /** Day 1 reboots made so far for this config, kernel and image (at most 1). */
  rebootsUsed: number;
  /** Why, for LoadRefused, LoadFailed, PullFailed and interrupted runs; null otherwise. */
  reason: Day1Reason | null;
  /** The module that blocks a refused load; null otherwise. */
  blockingModule: string | null;
  /** The scripts' own words about what went wrong; null when nothing did. */
  lastError: string | null;
  loadedAt: string | null;
  updatedAt: string;
}

export type Day1FollowUpState =
  /** MCO is not done with the node: the Day 1 units have not run on the new config yet. */
  | 'AwaitingMCO'
  /** The images are being pulled, or pulled and the node is about to reboot to load the module. */
  | 'WaitingForImagePullReboot'
  /** After that reboot, the load unit is loading the module. */
  | 'Loading'
  | 'ModuleLoaded'
  | 'ModuleNotLoaded'
  /** Not verified, or the status file is from another boot or kernel. */
  | 'Unknown';

export interface Day1FollowUp {
  state: Day1FollowUpState;
  /** What happened, or why the state is unknown. */
  message: Day1Message;
}

/**
 * What a node's Day 1 config did, from its rollout and its status file (undefined when not read yet,
 * e.g. before the console's Verify action). Only meaningful once MCO has updated the node.
 */
/** The status was written by another boot than the one the node reports (unknown on either side: no). */
export const isFromOtherBoot = (node: NodeRollout, status: Day1Status): boolean =>
  node.bootID !== undefined && status.bootID !== '' && status.bootID !== node.bootID;

/** The status is for another kernel than the node reports (unknown on either side: no). */
export const isForOtherKernel = (
  node: NodeRollout,
  status: Day1Status,
): node is NodeRollout & { kernelVersion: string } =>
  node.kernelVersion !== undefined &&
  status.kernelVersion !== '' &&
  status.kernelVersion !== node.kernelVersion;

export const day1FollowUp = (node: NodeRollout, status: Day1Status | undefined): Day1FollowUp => {
  if (node.phase !== 'Updated') {
    return {
      state: 'AwaitingMCO',
      message: { code: 'awaitingMCO', params: { phase: node.phase } },
    };
  }
  if (status === undefined)
    return { state: 'Unknown', message: { code: 'notVerified', params: {} } };
  // A file from an earlier boot or kernel says nothing about what runs now.
  if (isFromOtherBoot(node, status)) {
    return {
      state: 'Unknown',
      message: {
        code: 'statusFromEarlierBoot',
        params: { phase: status.phase, updatedAt: status.updatedAt },
      },
    };
  }
  if (isForOtherKernel(node, status)) {
    return {
      state: 'Unknown',
      message: {
        code: 'statusForOtherKernel',
        params: { statusKernel: status.kernelVersion, nodeKernel: node.kernelVersion },
      },
    };
  }
  switch (status.phase) {
    case 'ImagesMissing':
    case 'Pulling':
    case 'RebootPending':
      return {
        state: 'WaitingForImagePullReboot',
        message: { code: 'waitingForImagePullReboot', params: {} },
      };
    case 'Loading':
      return { state: 'Loading', message: { code: 'loading', params: {} } };
    case 'Loaded':
      return status.moduleLoaded
        ? { state: 'ModuleLoaded', message: { code: 'loaded', params: {} } }
        : { state: 'ModuleNotLoaded', message: { code: 'loadedButNotInKernel', params: {} } };
    case 'PullFailed':
      return {
        state: 'ModuleNotLoaded',
        message: {
          code: 'pullFailed',
          params: { image: status.kernelModuleImage, error: status.lastError },
        },
      };
    case 'LoadFailed':
      return {
        state: 'ModuleNotLoaded',
        message: {
          code: 'loadFailed',
          params: { error: status.lastError, inTreeRestored: status.inTreeRestored },
        },
      };
    case 'LoadRefused':
      return {
        state: 'ModuleNotLoaded',
        message: {
          code: 'loadRefused',
          params: {
            reason: status.reason,
            module: status.blockingModule ?? status.kernelModule,
            error: status.lastError,
          },
        },
      };
    case 'LoadSkippedAfterCrash':
      return {
        state: 'ModuleNotLoaded',
        message: { code: 'loadSkippedAfterCrash', params: { image: status.kernelModuleImage } },
      };
    case 'RebootBudgetExhausted':
      return {
        state: 'ModuleNotLoaded',
        message: {
          code: 'rebootBudgetExhausted',
          params: { rebootsUsed: status.rebootsUsed, error: status.lastError },
        },
      };
  }
};
