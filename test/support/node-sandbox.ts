/**
 * A simulated node for running the real Day 1 scripts: a temporary root holding the files a MachineConfig
 * writes, stub commands (podman, uname, systemctl, reboot, sleep, timeout, udevadm, sync, modprobe,
 * modinfo) first on PATH, and the units' Environment= lines read the way systemd reads them. Nothing
 * outside the temporary root is touched.
 *
 * Time is virtual: /proc/uptime under the root is a clock that only the waiting stubs advance (sleep, a
 * hung pull, udevadm settle). Each unit gets its TimeoutSec against that clock, as systemd enforces it:
 * a stub that would wait past it sends SIGTERM to the unit's process group, and SIGKILL 90 s later.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MachineConfig } from '../../src/k8s/types';
import { directives, parseUnitEnvironment } from './systemd-environment';

const STUBS = join(__dirname, '..', 'stubs');
const signalNumbers: Partial<Record<string, number>> = constants.signals;

/** A module's name as /sys/module spells it: '-' and '_' are the same to the kernel. */
const sysfsName = (name: string): string => name.replace(/-/g, '_');

/** The module a file under /lib/modules holds: "kernel/drivers/net/mdio.ko.xz" is mdio. */
const moduleName = (path: string): string =>
  sysfsName((path.split('/').pop() ?? '').replace(/\.ko.*$/, ''));

export interface ServiceRun {
  unit: string;
  status: number;
  output: string;
  /** systemd stopped the unit at its TimeoutSec (SIGTERM to its processes). */
  timedOut: boolean;
  /** Virtual seconds the unit ran. */
  seconds: number;
}

/** The uptime a node's units start at: what the kernel and early boot take. */
const BOOT_UPTIME = 10;
/** How long a unit may take in real time before the sandbox gives up on it. */
const REAL_TIME_LIMIT_MS = 30_000;

export const decodeDataURL = (source: string): string => {
  const match = /^data:[^,]*;base64,(.*)$/.exec(source);
  if (!match) throw new Error(`not a base64 data URL: ${source.slice(0, 40)}`);
  return Buffer.from(match[1], 'base64').toString('utf8');
};

export class NodeSandbox {
  readonly root = mkdtempSync(join(tmpdir(), 'kmm-day1-node-'));
  readonly stub = join(this.root, '.stub');
  private readonly units = new Map<string, string>();
  private readonly inTreeLoadedAtBoot = new Set<string>();
  /** Host modules by name (as /sys/module spells them): their dependencies, as modules.dep has them. */
  private readonly hostDependencies = new Map<string, string[]>();
  private imagesLostAtBoot = false;
  private readonly timeoutOverrides = new Map<string, number>();

  constructor(kernelVersion = '5.14.0-284.59.1.el9_2.x86_64') {
    mkdirSync(this.stub, { recursive: true });
    this.setKernel(kernelVersion);
    this.newBootID();
    this.setClock(BOOT_UPTIME);
  }

  /** Writes a MachineConfig's files and remembers its units, as MCO does on the node. */
  apply(machineConfig: MachineConfig): this {
    for (const file of machineConfig.spec.config.storage?.files ?? []) {
      const path = this.path(file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, decodeDataURL(file.contents?.source ?? ''));
      chmodSync(path, file.mode ?? 0o644);
    }
    for (const unit of machineConfig.spec.config.systemd?.units ?? []) {
      if (unit.contents !== undefined) this.units.set(unit.name, unit.contents);
    }
    return this;
  }

  path(hostPath: string): string {
    return join(this.root, hostPath);
  }

  setKernel(kernelVersion: string): void {
    writeFileSync(join(this.stub, 'kernel-version'), kernelVersion);
  }

  get kernelVersion(): string {
    return readFileSync(join(this.stub, 'kernel-version'), 'utf8');
  }

  addImages(...images: string[]): void {
    writeFileSync(join(this.stub, 'images'), images.map((i) => `${i}\n`).join(''), { flag: 'a' });
  }

  images(): string[] {
    return this.readLines('images');
  }

  /** Pulls of the image fail, with podman's error after "Error: initializing source docker://<image>: ". */
  failPulls(image: string, times: number | 'always', error = ''): void {
    writeFileSync(join(this.stub, 'pull-failures'), `${String(times)} ${image} ${error}\n`, {
      flag: 'a',
    });
  }

  /** Inserting this host module fails (a corrupt file, say), so it cannot be reloaded. */
  breakHostModule(name: string): void {
    writeFileSync(join(this.stub, 'broken-host-modules'), `${name}\n`, { flag: 'a' });
  }

  /** A drop-in that changes a unit's TimeoutSec. */
  overrideTimeout(unit: string, seconds: number): void {
    this.timeoutOverrides.set(unit, seconds);
  }

  /** Modules that the kernel module image ships under /opt/lib/modules/<kver>. */
  imageProvides(...modules: string[]): void {
    writeFileSync(join(this.stub, 'image-modules'), modules.map((m) => `${m}\n`).join(''));
  }

  /**
   * A module file of the running kernel under /lib/modules, such as "kernel/drivers/net/sfc/sfc.ko.xz",
   * with the module files it depends on (its modules.dep line).
   */
  addHostModuleFile(relativePath: string, dependsOn: string[] = []): void {
    const tree = this.path(`/lib/modules/${this.kernelVersion}`);
    const path = join(tree, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    const line = `${relativePath}:${dependsOn.map((d) => ` ${d}`).join('')}\n`;
    writeFileSync(join(tree, 'modules.dep'), line, { flag: 'a' });
    this.hostDependencies.set(moduleName(relativePath), dependsOn.map(moduleName));
  }

  /** An in-tree module that udev loads at every boot, with what it depends on. */
  loadInTreeAtBoot(name: string): void {
    this.inTreeLoadedAtBoot.add(name);
    this.loadInTree(name);
  }

  /** Something other than a module (an open device, a mount) holds a reference on a loaded module. */
  useModule(name: string): void {
    const refcnt = this.path(`/sys/module/${sysfsName(name)}/refcnt`);
    writeFileSync(refcnt, `${String(Number(readFileSync(refcnt, 'utf8')) + 1)}\n`);
  }

  /** The modules loaded now, as /sys/module names, sorted. */
  loadedModules(): string[] {
    const dir = this.path('/sys/module');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((m) => existsSync(join(dir, m, 'initstate')))
      .sort();
  }

  /** The taint flags of a loaded module ("O" for an out-of-tree build). */
  taint(name: string): string | undefined {
    const file = this.path(`/sys/module/${sysfsName(name)}/taint`);
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  }

  isLoaded(name: string): boolean {
    return existsSync(this.path(`/sys/module/${sysfsName(name)}/initstate`));
  }

  loadedFrom(name: string): string | undefined {
    const origin = this.path(`/sys/module/${sysfsName(name)}/origin`);
    return existsSync(origin) ? readFileSync(origin, 'utf8').trim() : undefined;
  }

  failWorker(status: number): void {
    writeFileSync(join(this.stub, 'worker-exit'), String(status));
  }

  failInitContainer(): void {
    writeFileSync(join(this.stub, 'fail-init'), '');
  }

  /** The image's module was built for another kernel: modinfo reports this vermagic. */
  imageVermagic(vermagic: string): void {
    writeFileSync(join(this.stub, 'image-vermagic'), vermagic);
  }

  /** The taint flags the image's module gets when loaded ("" for a copy of the in-tree build). */
  imageTaint(flags: string): void {
    writeFileSync(join(this.stub, 'image-taint'), `${flags}\n`);
  }

  /** Inserting this module panics the kernel: everything the unit runs dies at once. */
  panicOnLoad(name: string): void {
    writeFileSync(join(this.stub, 'panic-on-load'), `${name}\n`);
  }

  /** A new build pushed under the same tag: the image gets a new ID once pulled again. */
  pushNewBuild(image: string, build: string): void {
    writeFileSync(join(this.stub, 'image-builds'), `${build} ${image}\n`, { flag: 'a' });
  }

  /** Kubelet image garbage collection (or anything else) removes the images at every boot. */
  loseImagesAtEveryBoot(): void {
    this.imagesLostAtBoot = true;
  }

  /** Container storage is damaged: `podman image exists` and `image inspect` fail with 125, pulls succeed. */
  damageStorage(): void {
    writeFileSync(join(this.stub, 'storage-damaged'), '');
  }

  /** A pull of this image never finishes; only a timeout or the unit's TimeoutSec stops it. */
  hangPulls(image: string): void {
    writeFileSync(join(this.stub, 'pull-hangs'), `${image}\n`, { flag: 'a' });
  }

  /** udev's queue never drains: `udevadm settle` waits its timeout out and fails. */
  udevBusy(): void {
    writeFileSync(join(this.stub, 'udev-busy'), '');
  }

  /** The virtual uptime in seconds. */
  clock(): number {
    return Number(readFileSync(this.path('/proc/uptime'), 'utf8').split(' ')[0]);
  }

  /**
   * Markers left under /run/kmm-day1 (relative), such as "pending/99-sfc-day1"; the lock file the pulls
   * take in turn is not one.
   */
  runMarkers(): string[] {
    const dir = this.path('/run/kmm-day1');
    if (!existsSync(dir)) return [];
    return (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f !== 'lock' && !statSync(join(dir, f)).isDirectory())
      .sort();
  }

  /** Every file in a Day 1 state or status directory (relative to /var), temporary ones included. */
  day1Files(): string[] {
    const found: string[] = [];
    for (const top of ['/var/lib/kmm-day1', '/var/log/kmm-day1']) {
      const dir = this.path(top);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir, { recursive: true }) as string[]) {
        if (!lstatSync(join(dir, f)).isDirectory()) found.push(`${top.slice('/var/'.length)}/${f}`);
      }
    }
    return found.sort();
  }

  /** Leaves podman objects behind, as an interrupted boot does. */
  leaveStalePodmanObjects(name: string): void {
    mkdirSync(join(this.stub, 'pods'), { recursive: true });
    mkdirSync(join(this.stub, 'volumes'), { recursive: true });
    writeFileSync(join(this.stub, 'pods', name), '');
    writeFileSync(join(this.stub, 'volumes', name), '');
  }

  podmanObjects(): { pods: string[]; volumes: string[] } {
    const list = (kind: string) =>
      spawnSync('ls', [join(this.stub, kind)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
    return { pods: list('pods'), volumes: list('volumes') };
  }

  /**
   * Runs a unit's ExecStartPre and ExecStart commands as systemd would, stopping at the first failure,
   * each in its own process group (systemd's cgroup), within the unit's TimeoutSec of virtual time for
   * all of them together (stricter than systemd, which allows it per command). `extra` adds environment
   * variables and `timeoutSec` replaces the unit's TimeoutSec, as a drop-in would.
   */
  async runService(
    unit: string,
    extra: Record<string, string> = {},
    timeoutSec?: number,
  ): Promise<ServiceRun> {
    const contents = this.units.get(unit);
    if (contents === undefined) throw new Error(`no unit ${unit}`);
    const { variables, problems } = parseUnitEnvironment(contents);
    if (problems.length > 0) throw new Error(`${unit}: ${problems.join('; ')}`);
    const limit =
      timeoutSec ??
      this.timeoutOverrides.get(unit) ??
      Number(directives(contents, 'TimeoutSec').at(-1));
    if (!Number.isInteger(limit) || limit <= 0) throw new Error(`${unit}: no TimeoutSec`);
    const started = this.clock();
    const env: Record<string, string> = {
      PATH: `${STUBS}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      KMM_DAY1_ROOT: this.root,
      KMM_STUB_UNIT_DEADLINE: String(started + limit),
      KMM_STUB_UNIT: unit,
      ...variables,
      ...extra,
    };
    const timedOutFile = join(this.stub, 'timed-out', unit);
    rmSync(timedOutFile, { force: true });
    let output = '';
    let status = 0;
    for (const command of [
      ...directives(contents, 'ExecStartPre'),
      ...directives(contents, 'ExecStart'),
    ]) {
      status = await new Promise<number>((resolve, reject) => {
        const child = spawn(this.path(command), [], { env, detached: true });
        const killGroup = () => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // The group is gone already.
          }
        };
        const timer = setTimeout(killGroup, REAL_TIME_LIMIT_MS);
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', reject);
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          // systemd stops whatever is left in the unit's cgroup once the main process has exited.
          killGroup();
          resolve(code ?? (signal === null ? -1 : 128 + (signalNumbers[signal] ?? 0)));
        });
      });
      if (status !== 0 || this.crashed()) break;
    }
    const timedOut = existsSync(timedOutFile);
    rmSync(timedOutFile, { force: true });
    return { unit, status, output, timedOut, seconds: this.clock() - started };
  }

  /**
   * One boot: the load units run before networking, then the pull units run side by side; a reboot that
   * one of them asked for restarts the node. A module that panics the kernel while loading stops the boot
   * there and restarts the node.
   */
  async boot(): Promise<{
    load: ServiceRun[];
    pull: ServiceRun[];
    rebooted: boolean;
    crashed: boolean;
  }> {
    const rebootsBefore = this.reboots();
    const names = [...this.units.keys()];
    const load: ServiceRun[] = [];
    for (const name of names.filter((n) => n.endsWith('-replace-kernel-module.service'))) {
      load.push(await this.runService(name));
      if (this.crashed()) {
        rmSync(join(this.stub, 'crashed'));
        this.restart();
        return { load, pull: [], rebooted: false, crashed: true };
      }
    }
    const pull = await Promise.all(
      names
        .filter((n) => n.endsWith('-pull-kernel-module-image.service'))
        .map((n) => this.runService(n)),
    );
    const rebooted = this.reboots() > rebootsBefore;
    if (rebooted) this.restart();
    return { load, pull, rebooted, crashed: false };
  }

  /** Values systemctl reports for a unit property, one per call; the last one repeats. */
  setUnitProperty(unit: string, property: string, values: string[]): void {
    mkdirSync(join(this.stub, 'units', unit), { recursive: true });
    writeFileSync(join(this.stub, 'units', unit, property), values.map((v) => `${v}\n`).join(''));
  }

  /** Makes `podman pull` of this image take real time, so that concurrent pulls overlap. */
  slowPull(image: string, seconds: number): void {
    writeFileSync(join(this.stub, 'pull-delays'), `${String(seconds)} ${image}\n`, { flag: 'a' });
  }

  /**
   * What a reboot clears: loaded modules, /run, the uptime and the boot ID; udev loads the in-tree
   * modules again.
   */
  restart(): void {
    rmSync(this.path('/sys'), { recursive: true, force: true });
    rmSync(this.path('/run'), { recursive: true, force: true });
    this.newBootID();
    this.setClock(BOOT_UPTIME);
    if (this.imagesLostAtBoot) writeFileSync(join(this.stub, 'images'), '');
    for (const name of this.inTreeLoadedAtBoot) this.loadInTree(name);
  }

  statusPath(machineConfigName: string): string {
    return this.path(`/var/log/kmm-day1/${machineConfigName}/status.json`);
  }

  status(machineConfigName: string): Record<string, unknown> {
    return JSON.parse(readFileSync(this.statusPath(machineConfigName), 'utf8')) as Record<
      string,
      unknown
    >;
  }

  hasStatus(machineConfigName: string): boolean {
    return existsSync(this.statusPath(machineConfigName));
  }

  bootID(): string {
    return readFileSync(this.path('/proc/sys/kernel/random/boot_id'), 'utf8').trim();
  }

  /** Every stub call so far, as argument lists. */
  calls(command?: string): string[][] {
    const file = join(this.stub, 'calls');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\x1e')
      .filter(Boolean)
      .map((call) => call.split('\x1f').slice(0, -1))
      .filter((args) => command === undefined || args[0] === command);
  }

  /** The config the worker stub read, as parsed YAML. */
  workerConfig(): Record<string, unknown> {
    return JSON.parse(readFileSync(join(this.stub, 'worker-config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
  }

  reboots(): number {
    return this.readLines('reboots').length;
  }

  sleeps(): number[] {
    return this.readLines('sleeps').map(Number);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private crashed(): boolean {
    return existsSync(join(this.stub, 'crashed'));
  }

  private setClock(seconds: number): void {
    mkdirSync(this.path('/proc'), { recursive: true });
    writeFileSync(this.path('/proc/uptime'), `${String(seconds)}.00 0.00\n`);
  }

  /** Loads an in-tree module as the kernel would: its dependencies first, each held by it. */
  private loadInTree(name: string): void {
    const module = sysfsName(name);
    const dir = this.path(`/sys/module/${module}`);
    if (existsSync(join(dir, 'initstate'))) return;
    const dependencies = this.hostDependencies.get(module) ?? [];
    for (const dependency of dependencies) this.loadInTree(dependency);
    mkdirSync(join(dir, 'holders'), { recursive: true });
    writeFileSync(join(dir, 'initstate'), 'live\n');
    writeFileSync(join(dir, 'refcnt'), '0\n');
    writeFileSync(join(dir, 'taint'), '\n');
    writeFileSync(join(dir, 'origin'), 'in-tree\n');
    for (const dependency of dependencies) {
      const used = this.path(`/sys/module/${dependency}`);
      writeFileSync(join(used, 'holders', module), '');
      this.useModule(dependency);
    }
  }

  private newBootID(): void {
    const path = this.path('/proc/sys/kernel/random/boot_id');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomUUID()}\n`);
  }

  private readLines(name: string): string[] {
    const file = join(this.stub, name);
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  }
}
