/**
 * A simulated node for running the real Day 1 scripts: a temporary root holding the files a MachineConfig
 * writes, stub commands (podman, uname, systemctl, reboot, sleep, modprobe) first on PATH, and the units'
 * Environment= lines read the way systemd reads them. Nothing outside the temporary root is touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MachineConfig } from '../../src/k8s/types';
import { directives, parseUnitEnvironment } from './systemd-environment';

const STUBS = join(__dirname, '..', 'stubs');

export interface ServiceRun {
  unit: string;
  status: number;
  output: string;
}

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

  constructor(kernelVersion = '5.14.0-284.59.1.el9_2.x86_64') {
    mkdirSync(this.stub, { recursive: true });
    this.setKernel(kernelVersion);
    this.newBootID();
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

  failPulls(image: string, times: number | 'always'): void {
    writeFileSync(join(this.stub, 'pull-failures'), `${String(times)} ${image}\n`, { flag: 'a' });
  }

  /** Modules that the kernel module image ships under /opt/lib/modules/<kver>. */
  imageProvides(...modules: string[]): void {
    writeFileSync(join(this.stub, 'image-modules'), modules.map((m) => `${m}\n`).join(''));
  }

  /** A module file of the running kernel under /lib/modules, such as "kernel/drivers/net/sfc/sfc.ko.xz". */
  addHostModuleFile(relativePath: string): void {
    const path = this.path(`/lib/modules/${this.kernelVersion}/${relativePath}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
  }

  /** An in-tree module that udev loads at every boot. */
  loadInTreeAtBoot(name: string): void {
    this.inTreeLoadedAtBoot.add(name);
    this.markLoaded(name, 'in-tree');
  }

  isLoaded(name: string): boolean {
    return existsSync(this.path(`/sys/module/${name.replace(/-/g, '_')}/initstate`));
  }

  loadedFrom(name: string): string | undefined {
    const origin = this.path(`/sys/module/${name.replace(/-/g, '_')}/origin`);
    return existsSync(origin) ? readFileSync(origin, 'utf8').trim() : undefined;
  }

  failWorker(status: number): void {
    writeFileSync(join(this.stub, 'worker-exit'), String(status));
  }

  failInitContainer(): void {
    writeFileSync(join(this.stub, 'fail-init'), '');
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
   * Runs a unit's ExecStartPre and ExecStart commands as systemd would, stopping at the first failure.
   * `extra` adds environment variables, as a drop-in would.
   */
  async runService(unit: string, extra: Record<string, string> = {}): Promise<ServiceRun> {
    const contents = this.units.get(unit);
    if (contents === undefined) throw new Error(`no unit ${unit}`);
    const { variables, problems } = parseUnitEnvironment(contents);
    if (problems.length > 0) throw new Error(`${unit}: ${problems.join('; ')}`);
    const env: Record<string, string> = {
      PATH: `${STUBS}:${process.env.PATH ?? '/usr/bin:/bin'}`,
      KMM_DAY1_ROOT: this.root,
      ...variables,
      ...extra,
    };
    let output = '';
    for (const command of [
      ...directives(contents, 'ExecStartPre'),
      ...directives(contents, 'ExecStart'),
    ]) {
      const status = await new Promise<number>((resolve, reject) => {
        const child = spawn(this.path(command), [], { env, timeout: 30_000 });
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.on('error', reject);
        child.on('close', (code) => {
          resolve(code ?? -1);
        });
      });
      if (status !== 0) return { unit, status, output };
    }
    return { unit, status: 0, output };
  }

  /**
   * One boot: the load units run before networking, then the pull units run side by side; a reboot that
   * one of them asked for restarts the node.
   */
  async boot(): Promise<{ load: ServiceRun[]; pull: ServiceRun[]; rebooted: boolean }> {
    const rebootsBefore = this.reboots();
    const names = [...this.units.keys()];
    const load: ServiceRun[] = [];
    for (const name of names.filter((n) => n.endsWith('-replace-kernel-module.service'))) {
      load.push(await this.runService(name));
    }
    const pull = await Promise.all(
      names
        .filter((n) => n.endsWith('-pull-kernel-module-image.service'))
        .map((n) => this.runService(n)),
    );
    const rebooted = this.reboots() > rebootsBefore;
    if (rebooted) this.restart();
    return { load, pull, rebooted };
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

  /** What a reboot clears: loaded modules, /run and the boot ID; udev loads the in-tree modules again. */
  restart(): void {
    rmSync(this.path('/sys'), { recursive: true, force: true });
    rmSync(this.path('/run'), { recursive: true, force: true });
    this.newBootID();
    for (const name of this.inTreeLoadedAtBoot) this.markLoaded(name, 'in-tree');
  }

  status(machineConfigName: string): Record<string, unknown> {
    return JSON.parse(
      readFileSync(this.path(`/var/lib/kmm-day1/${machineConfigName}/status.json`), 'utf8'),
    ) as Record<string, unknown>;
  }

  hasStatus(machineConfigName: string): boolean {
    return existsSync(this.path(`/var/lib/kmm-day1/${machineConfigName}/status.json`));
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

  private markLoaded(name: string, origin: string): void {
    const dir = this.path(`/sys/module/${name.replace(/-/g, '_')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'initstate'), 'live\n');
    writeFileSync(join(dir, 'origin'), `${origin}\n`);
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
