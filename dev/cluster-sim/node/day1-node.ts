/**
 * The Day 1 units on one simulated node, behaving as the product's scripts are documented to:
 * at boot, the load unit loads the module from images already on the node or writes ImagesMissing;
 * once the network is up, the pull unit pulls `<image>:<kernel>` and the worker image and reboots once
 * for all configs, or writes PullFailed and leaves the in-tree driver alone. Each run writes the status
 * file in the scripts' exact format (units that name no state directory, KMM's own, write none).
 */
import type { Registry } from '../registry';
import { podmanPullError } from '../registry';
import type { Day1UnitConfig } from './day1-config';
import { statusFileOf } from './day1-config';

// The status file's format is a contract with the console (a type only): the simulator writes what the
// scripts write, and the console's parser is tested against it from test/simulator/.
export type { Day1Phase, Day1Status } from '../../../src/rollout/day1-status';
import type { Day1Phase, Day1Status } from '../../../src/rollout/day1-status';

/** What the units see of the node they run on. */
export interface NodeEnvironment {
  kernelVersion: string;
  bootID: string;
  now: () => string;
}

export interface Day1Scheduling {
  after: (baseMs: number, callback: () => void) => void;
  loadMs: number;
  pullMs: number;
  pullFailureMs: number;
}

/** The pull script's attempts before it gives up (KMM_DAY1_PULL_ATTEMPTS). */
const PULL_ATTEMPTS = 5;

/** modprobe treats '-' and '_' alike; /sys/module lists '_'. */
const sysfsName = (module: string): string => module.replace(/-/g, '_');

export class Day1Node {
  /** Files the units wrote, by absolute path, with the exact text (the status files). */
  readonly files = new Map<string, string>();
  /** Images in the node's container storage. */
  readonly images = new Set<string>();
  /** Loaded kernel modules, by /sys/module name. */
  readonly loadedModules = new Set<string>();
  /** Configs whose pull is still running this boot; the last one to finish decides the reboot. */
  private pendingPulls = 0;
  private rebootRequested = false;

  /** `inTreeModules` are the drivers udev loads at every boot (the node's hardware). */
  constructor(private readonly inTreeModules: string[]) {
    this.resetModules();
  }

  status(machineConfig: string): Day1Status | undefined {
    return this.statuses()[machineConfig];
  }

  /** Every status file on the node, by the MachineConfig it names. */
  statuses(): Record<string, Day1Status> {
    const result: Record<string, Day1Status> = {};
    for (const [path, text] of [...this.files].sort(([a], [b]) => a.localeCompare(b))) {
      if (!path.endsWith('/status.json')) continue;
      const status = JSON.parse(text) as Day1Status;
      result[status.machineConfig] = status;
    }
    return result;
  }

  /** A new boot: only the hardware's in-tree drivers are loaded. */
  resetModules(): void {
    this.loadedModules.clear();
    for (const module of this.inTreeModules) this.loadedModules.add(sysfsName(module));
    this.pendingPulls = 0;
    this.rebootRequested = false;
  }

  /** The load unit of each config, before network-pre.target. */
  boot(configs: Day1UnitConfig[], env: NodeEnvironment, scheduling: Day1Scheduling): void {
    for (const config of configs) {
      const kmodImage = `${config.kernelModuleImage}:${env.kernelVersion}`;
      if (!this.images.has(kmodImage) || !this.images.has(config.workerImage)) {
        this.writeStatus(config, env, 'ImagesMissing', false);
        continue;
      }
      const module = sysfsName(config.kernelModuleName);
      const listed = config.inTreeModulesToRemove.some((m) => sysfsName(m) === module);
      if (this.loadedModules.has(module) && !listed) {
        this.writeStatus(
          config,
          env,
          'LoadFailed',
          false,
          `module ${config.kernelModuleName} is already loaded, probably as the in-tree driver; add it to the in-tree modules to remove so the out-of-tree module can replace it`,
        );
        continue;
      }
      this.writeStatus(config, env, 'Loading', false);
      scheduling.after(scheduling.loadMs, () => {
        for (const inTree of config.inTreeModulesToRemove)
          this.loadedModules.delete(sysfsName(inTree));
        this.loadedModules.add(module);
        this.writeStatus(config, env, 'Loaded', true);
      });
    }
  }

  /**
   * The pull unit of each config, after network-online.target. Calls `reboot` once, after the last pull
   * of this boot, if any pull succeeded.
   */
  networkOnline(
    configs: Day1UnitConfig[],
    env: NodeEnvironment,
    registry: Registry,
    scheduling: Day1Scheduling,
    reboot: () => void,
  ): void {
    for (const config of configs) {
      const kmodImage = `${config.kernelModuleImage}:${env.kernelVersion}`;
      if (!config.hasPullUnit) continue;
      if (this.images.has(kmodImage) && this.images.has(config.workerImage)) continue;
      this.pendingPulls++;
      this.writeStatus(config, env, 'Pulling', false);
      // The script pulls the worker image first, then the module image; the first failure stops it.
      const failure = [config.workerImage, kmodImage]
        .map((image) => ({ image, lookup: registry.lookup(image, true) }))
        .find(({ lookup }) => !lookup.found);
      scheduling.after(failure ? scheduling.pullFailureMs : scheduling.pullMs, () => {
        if (failure === undefined || failure.lookup.found) {
          this.images.add(config.workerImage);
          this.images.add(kmodImage);
          this.writeStatus(config, env, 'RebootPending', false);
          this.rebootRequested = true;
        } else {
          if (failure.image !== config.workerImage) this.images.add(config.workerImage);
          const error = podmanPullError(failure.image, failure.lookup);
          this.writeStatus(
            config,
            env,
            'PullFailed',
            false,
            `could not pull ${failure.image} after ${String(PULL_ATTEMPTS)} attempts: ${error}`,
          );
        }
        this.pendingPulls--;
        if (this.pendingPulls === 0 && this.rebootRequested) reboot();
      });
    }
  }

  private writeStatus(
    config: Day1UnitConfig,
    env: NodeEnvironment,
    phase: Day1Phase,
    moduleLoaded: boolean,
    lastError?: string,
  ): void {
    const now = env.now();
    const status: Day1Status = {
      machineConfig: config.machineConfigName,
      phase,
      kernelVersion: env.kernelVersion,
      kernelModule: config.kernelModuleName,
      kernelModuleImage: `${config.kernelModuleImage}:${env.kernelVersion}`,
      workerImage: config.workerImage,
      moduleLoaded,
      lastError: lastError ?? null,
      bootID: env.bootID,
      loadedAt: moduleLoaded ? now : null,
      updatedAt: now,
    };
    const statusFile = statusFileOf(config);
    if (statusFile === undefined) return;
    // common.sh prints two-space indented JSON with a trailing newline, as JSON.stringify does here.
    this.files.set(statusFile, `${JSON.stringify(status, null, 2)}\n`);
  }
}
