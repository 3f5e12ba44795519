/**
 * What a Verify run says about a node (./verify-pod runs it and reads its log): apart from the pod and
 * its script, so that a page shows a result without the code that makes the pod.
 */
import { day1FollowUp } from './day1-status';
import type { Day1FollowUp, Day1FollowUpState } from './day1-status';
import type { NodeRollout } from './types';
import type { VerifiedStatusFile, VerifyOutput } from './verify-pod';

/** One config's outcome on the node. */
interface VerifiedConfig {
  machineConfig: string;
  followUp: Day1FollowUp;
  /** Whether lsmod lists the config's module; undefined without a status file or lsmod output. */
  inLsmod?: boolean;
}

export interface VerifyOutcome extends Day1FollowUp {
  configs: VerifiedConfig[];
  /** With several configs: the one whose follow-up is the node's (the worst). */
  worstConfig?: string;
}

/** Worst first: the node's outcome is its worst config's. */
const SEVERITY: readonly Day1FollowUpState[] = [
  'ModuleNotLoaded',
  'Unknown',
  'Loading',
  'WaitingForImagePullReboot',
  'AwaitingMCO',
  'ModuleLoaded',
];

const sysfsName = (module: string): string => module.replace(/-/g, '_');

const verifiedConfig = (
  node: NodeRollout,
  file: VerifiedStatusFile,
  loadedModules: readonly string[] | undefined,
): VerifiedConfig => {
  const { machineConfig, status } = file;
  if (status === undefined) {
    return {
      machineConfig,
      followUp: {
        state: 'Unknown',
        message: {
          code: 'noStatusFile',
          params: { machineConfig, problem: file.problem ?? { code: 'notFound', params: {} } },
        },
      },
    };
  }
  const inLsmod = loadedModules?.includes(sysfsName(status.kernelModule));
  const followUp = day1FollowUp(node, status);
  // The status file is the units' word; lsmod is the kernel's, and wins.
  if (followUp.state === 'ModuleLoaded' && inLsmod === false) {
    return {
      machineConfig,
      inLsmod,
      followUp: {
        state: 'ModuleNotLoaded',
        message: { code: 'lsmodDoesNotList', params: { module: status.kernelModule } },
      },
    };
  }
  return { machineConfig, inLsmod, followUp };
};

/**
 * What the verification says about the node now: each config's follow-up from its status file (checked
 * against the node's current boot and kernel, and against lsmod), and the worst of them for the node.
 */
export const verifyOutcome = (node: NodeRollout, output: VerifyOutput): VerifyOutcome => {
  const configs = output.statusFiles.map((file) =>
    verifiedConfig(node, file, output.loadedModules),
  );
  if (configs.length === 0) {
    return {
      state: 'Unknown',
      message: output.complete
        ? { code: 'nothingToVerify', params: {} }
        : { code: 'noStatusPrinted', params: {} },
      configs,
    };
  }
  const worst = configs.reduce((a, b) =>
    SEVERITY.indexOf(b.followUp.state) < SEVERITY.indexOf(a.followUp.state) ? b : a,
  );
  return {
    state: worst.followUp.state,
    message: worst.followUp.message,
    configs,
    worstConfig: configs.length === 1 ? undefined : worst.machineConfig,
  };
};
