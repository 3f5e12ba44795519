/**
 * The Day 1 units on one simulated node, behaving as the product's scripts are documented to:
 * at boot, the load unit loads the module from images already on the node or writes ImagesMissing;
 * once the network is up, the pull unit pulls `<image>:<tag for the kernel>` and the worker image and
 * reboots once for all configs, or writes PullFailed and leaves the in-tree driver alone. A pull unit
 * reboots the node at most once per (config, kernel, image): when the images are missing again after
 * that reboot it writes RebootBudgetExhausted and the node keeps running on its in-tree driver. Each run
 * writes the status file (schema 1); units that name no status directory (KMM's own) write none.
 *
 * When the pull units run (before the kubelet or beside it) is the daemon's business (mco/daemon.ts):
 * this class only runs the units it is handed.
 */
import type { Registry } from '../registry';
import { podmanPullError } from '../registry';
import type { Day1UnitConfig } from './day1-config';
import { statusFileOf } from './day1-config';
import { NodeJournal } from './node-journal';

// The status file's format is a contract with the console (a type only): the simulator writes what the
// scripts write, and the console's parser is tested against it from test/simulator/.
export type { Day1Phase, Day1Status } from '../../../src/rollout/day1-status';
import type { Day1Phase, Day1Reason, Day1Status } from '../../../src/rollout/day1-status';

/** What the units see of the node they run on. */
export interface NodeEnvironment {
  kernelVersion: string;
  /** /proc/sys/kernel/random/boot_id of the running boot (the kubelet reports it only once it runs). */
  bootID: string;
  now: () => string;
  /**
   * The `failLoad` fault: the KMM worker fails while loading the module, after the in-tree modules were
   * unloaded; the script reloads them (LoadFailed, WorkerFailed, inTreeRestored true).
   */
  loadFails?: boolean;
}

export interface Day1Scheduling {
  after: (baseMs: number, callback: () => void) => void;
  loadMs: number;
  pullMs: number;
  pullFailureMs: number;
}

/** The pull script's attempts before it gives up (KMM_DAY1_PULL_ATTEMPTS). */
const PULL_ATTEMPTS = 5;

/** Day 1 reboots allowed per (config, kernel, image). */
const DAY1_REBOOT_BUDGET = 1;

/** modprobe treats '-' and '_' alike; /sys/module lists '_'. */
const sysfsName = (module: string): string => module.replace(/-/g, '_');

/**
 * The image tag for a kernel version, as the scripts and the docs define it: every character outside
 * `[A-Za-z0-9_.-]` becomes `_` (`+64k`, `+debug` kernels), and so does a leading `.` or `-`, since a tag
 * may not start with either. Written here from that rule, not taken from the producer.
 */
export const kernelTag = (kernelVersion: string): string =>
  kernelVersion.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.-]/, '_');

/** The module image a node with this kernel pulls and loads. */
const kernelModuleImageRef = (config: Day1UnitConfig, kernelVersion: string): string =>
  `${config.kernelModuleImage}:${kernelTag(kernelVersion)}`;

/** What the status file says besides the phase. */
interface StatusDetails {
  moduleLoaded?: boolean;
  reason?: Day1Reason;
  blockingModule?: string;
  lastError?: string;
  inTreeRestored?: boolean;
}

export class Day1Node {
  /** Files the units wrote, by absolute path, with the exact text (the status files). */
  readonly files = new Map<string, string>();
  /** Images in the node's container storage. */
  readonly images = new Set<string>();
  /** Loaded kernel modules, by /sys/module name. */
  readonly loadedModules = new Set<string>();
  /** Of which loaded from a Day 1 image (the out-of-tree build, taint flag `O`), by /sys/module name. */
  readonly outOfTreeModules = new Set<string>();
  /**
   * Day 1 reboots made, by (config, kernel, image): the scripts' persistent state under
   * /var/lib/kmm-day1, which survives reboots as this object does.
   */
  private readonly rebootsUsed = new Map<string, number>();
  /** The journal of the Day 1 units, across boots. */
  readonly journal: NodeJournal;

  /** `inTreeModules` are the drivers udev loads at every boot (the node's hardware). */
  constructor(
    private readonly inTreeModules: string[],
    hostname = '',
  ) {
    this.journal = new NodeJournal(hostname);
    this.resetModules();
  }

  /** A unit run: systemd's Starting line; returns a logger for the script's own lines. */
  private startUnit(
    unit: string,
    script: string,
    config: Day1UnitConfig,
    env: NodeEnvironment,
  ): (message: string) => void {
    const time = Date.parse(env.now());
    const journal = this.journal;
    journal.add({
      time,
      unit,
      identifier: 'systemd',
      pid: 1,
      message: `Starting ${unit}...`,
    });
    const pid = journal.pid();
    return (message) => {
      journal.add({
        time: Date.parse(env.now()),
        unit,
        identifier: script,
        pid,
        message: `kmm-day1[${config.machineConfigName}]: ${message}`,
      });
    };
  }

  /** systemd's lines when a unit's main process ends. */
  private endUnit(unit: string, env: NodeEnvironment, ok: boolean): void {
    const time = Date.parse(env.now());
    const add = (message: string) => {
      this.journal.add({ time, unit, identifier: 'systemd', pid: 1, message });
    };
    if (ok) {
      add(`${unit}: Deactivated successfully.`);
      add(`Finished ${unit}.`);
    } else {
      add(`${unit}: Main process exited, code=exited, status=1/FAILURE`);
      add(`${unit}: Failed with result 'exit-code'.`);
      add(`Failed to start ${unit}.`);
    }
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

  /** Day 1 reboots made so far for this config on this kernel with its image. */
  rebootsUsedFor(config: Day1UnitConfig, kernelVersion: string): number {
    return this.rebootsUsed.get(this.budgetKey(config, kernelVersion)) ?? 0;
  }

  /** A new boot: only the hardware's in-tree drivers are loaded. */
  resetModules(): void {
    this.loadedModules.clear();
    this.outOfTreeModules.clear();
    for (const module of this.inTreeModules) this.loadedModules.add(sysfsName(module));
  }

  /** The node's container storage loses these configs' images (wiped or damaged storage, image GC). */
  loseImages(configs: Day1UnitConfig[], kernelVersion: string): void {
    for (const config of configs) {
      this.images.delete(kernelModuleImageRef(config, kernelVersion));
      this.images.delete(config.workerImage);
    }
  }

  /** The load unit of each config, before network-pre.target. */
  boot(configs: Day1UnitConfig[], env: NodeEnvironment, scheduling: Day1Scheduling): void {
    this.journal.markBoot(env.bootID);
    for (const config of configs) {
      const kmodImage = kernelModuleImageRef(config, env.kernelVersion);
      const unit = config.loadUnit;
      const log = this.startUnit(unit, unit.replace(/\.service$/, '.sh'), config, env);
      log(
        `kernel ${env.kernelVersion}, module ${config.kernelModuleName}, image ${kmodImage}, worker ${config.workerImage}`,
      );
      if (!this.images.has(kmodImage) || !this.images.has(config.workerImage)) {
        log(
          `${kmodImage} or ${config.workerImage} is not in local storage yet; keeping the in-tree driver until the pull service has pulled them`,
        );
        this.writeStatus(config, env, 'ImagesMissing');
        this.endUnit(unit, env, true);
        continue;
      }
      const module = sysfsName(config.kernelModuleName);
      const listed = config.inTreeModulesToRemove.some((m) => sysfsName(m) === module);
      if (this.loadedModules.has(module) && !listed) {
        const lastError = `module ${config.kernelModuleName} is already loaded, probably as the in-tree driver; add it to the in-tree modules to remove so the out-of-tree module can replace it`;
        log(`${lastError}; nothing was unloaded, the in-tree driver stays`);
        this.writeStatus(config, env, 'LoadRefused', {
          reason: 'ModuleAlreadyLoaded',
          blockingModule: config.kernelModuleName,
          lastError,
        });
        this.endUnit(unit, env, false);
        continue;
      }
      this.writeStatus(config, env, 'Loading');
      const unloaded = config.inTreeModulesToRemove
        .map(sysfsName)
        .filter((m) => this.loadedModules.has(m));
      for (const m of unloaded) log(`in-tree module ${m} is loaded and will be removed`);
      scheduling.after(scheduling.loadMs, () => {
        if (env.loadFails === true) {
          // The worker unloaded the in-tree modules and failed; the script reloads them.
          const lastError = `the KMM worker exited with status 1 while loading ${config.kernelModuleName}; see this unit's journal`;
          log(`worker output:`);
          log(
            `modprobe: ERROR: could not insert '${module}': Unknown symbol in module, or unknown parameter (see dmesg)`,
          );
          log(lastError);
          for (const m of [...unloaded].reverse()) log(`reloading in-tree module ${m}`);
          if (unloaded.length > 0) log(`in-tree modules reloaded: ${unloaded.join(' ')}`);
          this.writeStatus(config, env, 'LoadFailed', {
            reason: 'WorkerFailed',
            lastError,
            inTreeRestored: true,
          });
          this.endUnit(unit, env, false);
          return;
        }
        for (const inTree of config.inTreeModulesToRemove)
          this.loadedModules.delete(sysfsName(inTree));
        this.loadedModules.add(module);
        this.outOfTreeModules.add(module);
        log(`module ${config.kernelModuleName} loaded from ${kmodImage}`);
        this.writeStatus(config, env, 'Loaded', { moduleLoaded: true });
        this.endUnit(unit, env, true);
      });
    }
  }

  /**
   * The pull units of `configs`, started together once the network is online. Calls `finished` once,
   * when the last of them has finished (at once if none has anything to pull), with whether one of them
   * pulled both images and so reboots the node (the last pull to finish reboots for all of them).
   */
  runPullUnits(
    configs: Day1UnitConfig[],
    env: NodeEnvironment,
    registry: Registry,
    scheduling: Day1Scheduling,
    finished: (reboot: boolean) => void,
  ): void {
    let pending = 0;
    let reboot = false;
    const done = () => {
      pending--;
      if (pending === 0) finished(reboot);
    };
    const reboots: ((message: string) => void)[] = [];
    for (const config of configs) {
      if (!config.hasPullUnit) continue;
      const kmodImage = kernelModuleImageRef(config, env.kernelVersion);
      const unit =
        config.pullUnit ?? `${config.machineConfigName}-pull-kernel-module-image.service`;
      const log = this.startUnit(unit, unit.replace(/\.service$/, '.sh'), config, env);
      // podman image exists for both: nothing to pull, the unit exits at once without writing.
      if (this.images.has(kmodImage) && this.images.has(config.workerImage)) {
        log(`${kmodImage} and ${config.workerImage} are present; nothing to pull`);
        this.endUnit(unit, env, true);
        continue;
      }
      const key = this.budgetKey(config, env.kernelVersion);
      const used = this.rebootsUsed.get(key) ?? 0;
      if (used >= DAY1_REBOOT_BUDGET) {
        // The images are missing again after the reboot made for them: rebooting again would loop.
        const lastError = `${kmodImage} or ${config.workerImage} is missing again after the Day 1 reboot made for it (${String(used)} of ${String(DAY1_REBOOT_BUDGET)} used); not rebooting again, the node keeps its in-tree driver until the image or the config changes`;
        log(lastError);
        this.writeStatus(config, env, 'RebootBudgetExhausted', { lastError });
        this.endUnit(unit, env, true);
        continue;
      }
      pending++;
      this.writeStatus(config, env, 'Pulling');
      // The script pulls the worker image first, then the module image; the first failure stops it.
      const failure = [config.workerImage, kmodImage]
        .map((image) => ({ image, lookup: registry.lookup(image, true) }))
        .find(({ lookup }) => !lookup.found);
      scheduling.after(failure ? scheduling.pullFailureMs : scheduling.pullMs, () => {
        if (failure === undefined || failure.lookup.found) {
          log(`pulled ${config.workerImage}`);
          log(`pulled ${kmodImage}`);
          reboots.push(log);
          log(
            pending > 1
              ? 'another Day 1 pull is still running; it will reboot the node when it finishes'
              : 'rebooting so that the kernel modules load before networking',
          );
          this.images.add(config.workerImage);
          this.images.add(kmodImage);
          // The reboot is counted before it is made, so that a boot that dies on the way counts too.
          this.rebootsUsed.set(key, used + 1);
          this.writeStatus(config, env, 'RebootPending');
          reboot = true;
        } else {
          if (failure.image !== config.workerImage) this.images.add(config.workerImage);
          const error = podmanPullError(failure.image, failure.lookup);
          for (let attempt = 1; attempt <= PULL_ATTEMPTS; attempt++)
            log(
              `pull ${String(attempt)}/${String(PULL_ATTEMPTS)} of ${failure.image} failed: ${error}`,
            );
          const lastError = `could not pull ${failure.image} after ${String(PULL_ATTEMPTS)} attempts: ${error}`;
          log(`${lastError}; the node keeps its in-tree driver and retries at the next boot`);
          this.writeStatus(config, env, 'PullFailed', { reason: 'PullFailed', lastError });
          this.endUnit(unit, env, false);
          if (pending === 1 && reboot) {
            // The last pull to finish failed; one that succeeded before it reboots the node now.
            reboots[reboots.length - 1]?.(
              'rebooting so that the kernel modules load before networking',
            );
          }
        }
        done();
      });
    }
    if (pending === 0) finished(false);
  }

  private budgetKey(config: Day1UnitConfig, kernelVersion: string): string {
    return JSON.stringify([
      config.machineConfigName,
      kernelVersion,
      kernelModuleImageRef(config, kernelVersion),
      config.workerImage,
    ]);
  }

  private writeStatus(
    config: Day1UnitConfig,
    env: NodeEnvironment,
    phase: Day1Phase,
    details: StatusDetails = {},
  ): void {
    const statusFile = statusFileOf(config);
    if (statusFile === undefined) return;
    const now = env.now();
    const moduleLoaded = details.moduleLoaded ?? false;
    // Field for field and in the order of the schema (src/rollout/day1-status.ts), as the scripts write it.
    const status: Day1Status = {
      schemaVersion: 1,
      machineConfig: config.machineConfigName,
      phase,
      kernelVersion: env.kernelVersion,
      kernelModule: config.kernelModuleName,
      kernelModuleImage: kernelModuleImageRef(config, env.kernelVersion),
      workerImage: config.workerImage,
      bootID: env.bootID,
      moduleLoaded,
      // Only a failed load that unloaded in-tree modules says whether they are back.
      inTreeRestored: details.inTreeRestored ?? null,
      rebootsUsed: this.rebootsUsedFor(config, env.kernelVersion),
      reason: details.reason ?? null,
      blockingModule: details.blockingModule ?? null,
      lastError: details.lastError ?? null,
      loadedAt: moduleLoaded ? now : null,
      updatedAt: now,
    };
    // Two-space indented JSON with a trailing newline, as JSON.stringify prints it here.
    this.files.set(statusFile, `${JSON.stringify(status, null, 2)}\n`);
  }
}
