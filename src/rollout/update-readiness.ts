/**
 * OpenShift update readiness: during an update (ClusterVersion `Progressing=True`) or when one is
 * available (`status.availableUpdates`), which kernels are new for each Day 1 config, whether its image
 * has their tags, and what to do. Every node reboots into the release's kernel, the control plane
 * first; a node whose kernel has no `<image>:<tag>` boots without the out-of-tree module. The next
 * kernel is known early from the Driver Toolkit image stream (`openshift/driver-toolkit`, whose images
 * declare `kernel-version`/`kernel-rt-version` from OpenShift 4.23), else once the first node runs it.
 * Pure: the list page's banner and the CLI word its codes.
 */
import { compareKernelVersions } from '../k8s/kernel-version';
import type { ClusterVersion, ImageStreamTag, MachineConfigPool, Node } from '../k8s/types';
import { kernelImageTag } from '../producer/kernel-image-tag';
import type { ConfigCoverage, TagCheck, TagCheckRequest } from './kernel-coverage';
import { tagCheckKey } from './kernel-coverage';

/** What the ClusterVersion and the pools say about updates. */
export type ClusterUpdate =
  | { state: 'none' }
  | { state: 'available'; versions: string[] }
  | { state: 'updating'; version: string; from?: string }
  /**
   * The ClusterVersion is done (`Progressing=False` once the control plane runs the release), but these
   * pools have not reached it yet: the worker and custom pools update after, and a paused pool waits.
   */
  | { state: 'poolsUpdating'; version: string; pools: string[] };

const conditionTrue = (cv: ClusterVersion, type: string): boolean =>
  (cv.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/**
 * From the ClusterVersion alone: updating when `Progressing=True`; else an update is available when
 * `availableUpdates` lists one. The pools may still be updating after that (see updateReadiness).
 */
export const clusterUpdate = (cv: ClusterVersion | undefined): ClusterUpdate => {
  if (cv === undefined) return { state: 'none' };
  const history = cv.status?.history ?? [];
  const target = cv.status?.desired?.version ?? history[0]?.version;
  if (conditionTrue(cv, 'Progressing') && target !== undefined && target !== '') {
    const from = history.find((h) => h.state === 'Completed' && h.version !== target)?.version;
    return from === undefined
      ? { state: 'updating', version: target }
      : { state: 'updating', version: target, from };
  }
  const versions = (cv.status?.availableUpdates ?? []).flatMap((u) =>
    typeof u.version === 'string' && u.version !== '' ? [u.version] : [],
  );
  return versions.length > 0 ? { state: 'available', versions } : { state: 'none' };
};

/** The release the cluster runs: the newest history entry, once Completed. */
const completedRelease = (cv: ClusterVersion | undefined): string | undefined => {
  const history = cv?.status?.history ?? [];
  if (history.length === 0) return undefined;
  const latest = history[0];
  return latest.state === 'Completed' && typeof latest.version === 'string' && latest.version !== ''
    ? latest.version
    : undefined;
};

/**
 * The pools that have not reached `version`, by the `release-image-version` MCO writes on each rendered
 * config: the config every node of the pool has completed (`status.configuration`) belongs to another
 * release; or, where that config's release is not known, the pool targets a config of `version`
 * (`spec.configuration`) that its nodes have not all completed (a paused pool too). A pool whose
 * rendered configs carry no release is not counted.
 */
const poolsBehind = (
  version: string,
  pools: readonly MachineConfigPool[],
  releaseOf: ReadonlyMap<string, string>,
): string[] =>
  pools
    .filter((pool) => {
      const done = pool.status?.configuration?.name;
      const target = pool.spec.configuration?.name;
      const reached = done === undefined ? undefined : releaseOf.get(done);
      if (reached !== undefined) return reached !== version;
      return target !== undefined && target !== done && releaseOf.get(target) === version;
    })
    .map((pool) => pool.metadata.name)
    .sort();

/** The kernels a Driver Toolkit image declares in its labels. */
export interface DriverToolkitKernels {
  kernelVersion?: string;
  rtKernelVersion?: string;
}

/** The labels of the Driver Toolkit's `latest` ImageStreamTag (the newest release's image). */
export const driverToolkitKernels = (tag: ImageStreamTag): DriverToolkitKernels => {
  const labels = tag.image?.dockerImageMetadata?.Config?.Labels ?? {};
  const read = (key: string): string | undefined => {
    const value = labels[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return { kernelVersion: read('kernel-version'), rtKernelVersion: read('kernel-rt-version') };
};

const ARCH_SUFFIX = /\.(x86_64|aarch64|ppc64le|s390x)(\+[A-Za-z0-9_]+)?$/;
const UNAME_ARCH: Record<string, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  ppc64le: 'ppc64le',
  s390x: 's390x',
};

/**
 * The `uname -r` values a declared kernel stands for. A label without the architecture
 * (`5.14.0-570.42.2.el9_6`) stands for that kernel on each architecture the nodes run. The real-time
 * kernel counts only where a node runs one (`…+rt`): pools without it never boot it.
 */
const declaredKernelVersions = (
  declared: DriverToolkitKernels,
  nodes: readonly Node[],
): string[] => {
  const kernels = nodes.flatMap((n) => {
    const k = n.status?.nodeInfo?.kernelVersion;
    return typeof k === 'string' && k !== '' ? [k] : [];
  });
  const arches = [
    ...new Set(
      nodes.map((n) => UNAME_ARCH[n.status?.nodeInfo?.architecture ?? 'amd64'] ?? 'x86_64'),
    ),
  ];
  const withArch = (label: string, suffix: string): string[] =>
    ARCH_SUFFIX.test(label)
      ? [label]
      : (arches.length > 0 ? arches : ['x86_64']).map((arch) => `${label}.${arch}${suffix}`);
  const result = declared.kernelVersion === undefined ? [] : withArch(declared.kernelVersion, '');
  if (declared.rtKernelVersion !== undefined && kernels.some((k) => k.endsWith('+rt'))) {
    const rt = declared.rtKernelVersion.replace(/\+rt$/, '');
    result.push(...withArch(rt, '+rt').map((k) => (k.endsWith('+rt') ? k : `${k}+rt`)));
  }
  return [...new Set(result)];
};

/**
 * The architecture and flavour a kernel is built for (`.x86_64`, `.x86_64+rt`, `.aarch64+64k`); empty
 * when the version does not say. A node only ever boots a kernel of its own: an `aarch64` or `+rt`
 * kernel elsewhere is no newer kernel for an `x86_64` node, whatever the version strings' order.
 */
const kernelVariant = (kernelVersion: string): string => ARCH_SUFFIX.exec(kernelVersion)?.[0] ?? '';

/** Whether `kernel` is newer than one of `running` of the same variant: those nodes would boot it. */
const newerThanSome = (kernel: string, running: readonly string[]): boolean =>
  running.some(
    (k) => kernelVariant(k) === kernelVariant(kernel) && compareKernelVersions(kernel, k) > 0,
  );

/** Whether `kernel` is newer than every one of `running` of its variant, and some of them run it. */
const newerThanAll = (kernel: string, running: readonly string[]): boolean => {
  const same = running.filter((k) => kernelVariant(k) === kernelVariant(kernel));
  return same.length > 0 && same.every((k) => compareKernelVersions(kernel, k) > 0);
};

/** A kernel of the update, for one config. */
export interface ReadinessKernel {
  kernelVersion: string;
  tag: string;
  /** `<image>:<tag>`. */
  reference: string;
  /** Declared by the Driver Toolkit for the newest release. */
  declared: boolean;
  /** Nodes of the whole cluster that run it. */
  clusterNodes: number;
  /** Nodes of the config's pools that run it. */
  configNodes: number;
  /**
   * Declared, or running elsewhere (the control plane), and newer than every kernel of its
   * architecture and flavour on the config's nodes: not on them yet.
   */
  isNew: boolean;
  check: TagCheck;
}

/** What the admin should do for one config. */
type ReadinessAction =
  /** Every new kernel has its tag, and nothing waits for it. */
  | { code: 'ready' }
  /** No new kernel known yet: see the note. */
  | { code: 'waitForNewKernel' }
  /** The registry's answers are not there, or cannot be had. */
  | { code: 'unknown'; check: TagCheck & { result: 'unknown' } }
  /** Push these tags; pause these pools until then, before their nodes reboot into the new kernel. */
  | { code: 'pushTagAndPause'; references: string[]; pools: string[] }
  /** Push these tags; `pausedPools` already wait (empty: no node of the config is left to protect). */
  | { code: 'pushTag'; references: string[]; pausedPools: string[] }
  /** Every new kernel has its tag now, and every other config of these paused pools too: resume. */
  | { code: 'resume'; pools: string[] }
  /**
   * This config's image has its tags, but these paused pools also take `configs`, whose images lack
   * a tag (or whose answers are not there): the pools stay paused for them.
   */
  | { code: 'waitForOtherConfigs'; pools: string[]; configs: string[] };

/** Why no new kernel is known. */
type ReadinessNote =
  /** No Driver Toolkit image stream (or one without kernel labels): the first node's reboot tells. */
  | 'knownAtFirstReboot'
  /** The Driver Toolkit declares the next kernel once the update has started. */
  | 'knownWhenUpdateStarts';

export interface ConfigReadiness {
  machineConfigName: string;
  image: string;
  pools: string[];
  /** The new kernels and any kernel whose tag is missing, by kernel version. */
  kernels: ReadinessKernel[];
  /** Nodes (anywhere) that run a kernel this config's image has no tag for, by name. */
  flaggedNodes: { node: string; kernelVersion: string }[];
  /** The config's pools that are paused. */
  pausedPools: string[];
  note?: ReadinessNote;
  action: ReadinessAction;
}

/**
 * What to do with one pool, across every Day 1 config that reaches it (its own and, for a custom pool,
 * worker's): a node that reboots boots all of them, so the pool may update only when each image has
 * a tag for the kernel its nodes reboot into.
 */
type PoolAction =
  /** These configs' images lack a tag for that kernel, and the pool has nodes that still load them. */
  | { code: 'pause'; configs: string[] }
  /** Paused, and these configs' images still lack a tag for that kernel: keep it paused. */
  | { code: 'keepPaused'; configs: string[] }
  /** Paused; the registry's answers for these configs' tags are not there (yet). */
  | { code: 'checking'; configs: string[] }
  /** Paused, and every config that reaches it has its tags now. */
  | { code: 'resume' };

export interface PoolReadiness {
  pool: string;
  paused: boolean;
  /** The Day 1 configs that reach the pool, by name. */
  configs: string[];
  action: PoolAction;
}

export interface UpdateReadiness {
  update: ClusterUpdate;
  /** Empty when the cluster is neither updating nor offered an update. */
  configs: ConfigReadiness[];
  /** The pools with something to do (Pause, Resume) or that wait, by name. */
  pools: PoolReadiness[];
}

export interface UpdateReadinessInput {
  clusterVersion: ClusterVersion | undefined;
  pools: readonly MachineConfigPool[];
  nodes: readonly Node[];
  /**
   * The release of each rendered MachineConfig (its `release-image-version` annotation), by name; empty
   * when the MachineConfigs cannot be read.
   */
  renderedReleases: ReadonlyMap<string, string>;
  /** Each config's kernel coverage (kernel-coverage.ts): every kernel the cluster runs, with answers. */
  coverage: readonly ConfigCoverage[];
  /** The Driver Toolkit's `latest` image labels; undefined without the image stream. */
  driverToolkit: DriverToolkitKernels | undefined;
  /** The registry's answers, for the declared kernels no node runs yet. */
  answer: (request: TagCheckRequest) => TagCheck | undefined;
}

const CHECKING: TagCheck = { result: 'unknown', reason: 'checking' };

/** The tags to ask about for the declared kernels, per config image (the running ones: coverage). */
export const declaredTagChecks = (
  images: readonly string[],
  driverToolkit: DriverToolkitKernels | undefined,
  nodes: readonly Node[],
): TagCheckRequest[] => {
  if (driverToolkit === undefined) return [];
  const kernels = declaredKernelVersions(driverToolkit, nodes);
  const requests = new Map<string, TagCheckRequest>();
  for (const image of images) {
    for (const kernel of kernels) {
      const request = { image, tag: kernelImageTag(kernel) };
      requests.set(tagCheckKey(request), request);
    }
  }
  return [...requests.values()].sort((a, b) => tagCheckKey(a).localeCompare(tagCheckKey(b)));
};

/** What one config means for one of its pools. */
interface ConfigInPool {
  /** A kernel newer than one its nodes run (they reboot into it) has no tag in the image. */
  missing: boolean;
  /** Such a kernel's answer is not known. */
  unknown: boolean;
  /** Some such kernel exists. */
  incoming: boolean;
  /** Some node of the pool runs a kernel whose tag the image has: it loads the module now. */
  loadsModule: boolean;
}

/** A config's kernels and what they mean for each of its pools, before the pools are decided. */
interface ConfigKernelsView {
  coverage: ConfigCoverage;
  /** Every kernel, running or declared, with its answer. */
  kernels: ReadinessKernel[];
  byPool: Map<string, ConfigInPool>;
}

/** The kernels each pool's nodes run now, from the configs' coverage (every config sees its pools). */
const poolKernels = (coverage: readonly ConfigCoverage[]): Map<string, string[]> => {
  const result = new Map<string, Set<string>>();
  for (const config of coverage) {
    for (const kernel of config.kernels) {
      for (const { pool, nodes } of kernel.configNodes) {
        if (nodes.length === 0) continue;
        const set = result.get(pool) ?? new Set<string>();
        set.add(kernel.kernelVersion);
        result.set(pool, set);
      }
    }
  }
  return new Map([...result.entries()].map(([pool, set]) => [pool, [...set]]));
};

const viewConfig = (
  coverage: ConfigCoverage,
  declared: readonly string[],
  kernelsOfPool: ReadonlyMap<string, string[]>,
  answer: UpdateReadinessInput['answer'],
): ConfigKernelsView => {
  const { image } = coverage;
  const running = new Map(coverage.kernels.map((k) => [k.kernelVersion, k]));
  const all = [...new Set([...running.keys(), ...declared])].sort(compareKernelVersions);
  // "New" means newer than every kernel of its kind the config's nodes run: an older kernel still on
  // other nodes mid-update is on its way out.
  const onConfigNodes = coverage.kernels
    .filter((k) => k.configNodes.some((p) => p.nodes.length > 0))
    .map((k) => k.kernelVersion);
  const kernels: ReadinessKernel[] = all.map((kernelVersion) => {
    const known = running.get(kernelVersion);
    const tag = known?.tag ?? kernelImageTag(kernelVersion);
    const configNodes = (known?.configNodes ?? []).reduce((n, p) => n + p.nodes.length, 0);
    const isDeclared = declared.includes(kernelVersion);
    return {
      kernelVersion,
      tag,
      reference: `${image}:${tag}`,
      declared: isDeclared,
      clusterNodes: known?.clusterNodeCount ?? 0,
      configNodes,
      isNew:
        configNodes === 0 &&
        (isDeclared || (known?.clusterNodeCount ?? 0) > 0) &&
        (onConfigNodes.length === 0 || newerThanAll(kernelVersion, onConfigNodes)),
      check: known?.check ?? answer({ image, tag }) ?? CHECKING,
    };
  });
  const checkOf = new Map(kernels.map((k) => [k.kernelVersion, k.check]));
  const byPool = new Map<string, ConfigInPool>();
  for (const pool of coverage.pools) {
    const now = kernelsOfPool.get(pool) ?? [];
    // The kernels the pool's nodes reboot into: newer than one of theirs, of the same kind.
    const incoming = kernels.filter(
      (k) => (k.declared || k.clusterNodes > 0) && newerThanSome(k.kernelVersion, now),
    );
    byPool.set(pool, {
      missing: incoming.some((k) => k.check.result === 'missing'),
      unknown: incoming.some((k) => k.check.result === 'unknown'),
      incoming: incoming.length > 0,
      loadsModule: now.some((k) => checkOf.get(k)?.result !== 'missing'),
    });
  }
  return { coverage, kernels, byPool };
};

/** Each pool that a Day 1 config reaches, decided across all of them. */
const decidePools = (
  views: readonly ConfigKernelsView[],
  paused: ReadonlySet<string>,
): PoolReadiness[] => {
  const names = [...new Set(views.flatMap((v) => v.coverage.pools))].sort();
  return names.flatMap((pool): PoolReadiness[] => {
    const reaching = views.filter((v) => v.byPool.has(pool));
    const configs = reaching.map((v) => v.coverage.machineConfigName).sort();
    const where = (test: (c: ConfigInPool) => boolean): string[] =>
      reaching
        .filter((v) => {
          const inPool = v.byPool.get(pool);
          return inPool !== undefined && test(inPool);
        })
        .map((v) => v.coverage.machineConfigName)
        .sort();
    const lacking = where((c) => c.missing);
    const unknown = where((c) => c.unknown);
    const incoming = where((c) => c.incoming);
    let action: PoolAction | undefined;
    if (paused.has(pool)) {
      if (lacking.length > 0) action = { code: 'keepPaused', configs: lacking };
      else if (unknown.length > 0) action = { code: 'checking', configs: unknown };
      else if (incoming.length > 0) action = { code: 'resume' };
    } else {
      // Pausing protects the nodes that load a lacking config's module now.
      const protect = where((c) => c.missing && c.loadsModule);
      if (protect.length > 0) action = { code: 'pause', configs: protect };
    }
    return action === undefined ? [] : [{ pool, paused: paused.has(pool), configs, action }];
  });
};

const configReadiness = (
  view: ConfigKernelsView,
  update: ClusterUpdate,
  hasDriverToolkit: boolean,
  pools: readonly PoolReadiness[],
  paused: ReadonlySet<string>,
  nodes: readonly Node[],
): ConfigReadiness => {
  const { coverage, kernels } = view;
  const shown = kernels.filter((k) => k.isNew || k.check.result === 'missing');
  const missing = shown.filter((k) => k.check.result === 'missing');
  const missingKernels = new Set(missing.map((k) => k.kernelVersion));
  const flaggedNodes = nodes
    .flatMap((n) => {
      const k = n.status?.nodeInfo?.kernelVersion;
      return k !== undefined && missingKernels.has(k)
        ? [{ node: n.metadata.name, kernelVersion: k }]
        : [];
    })
    .sort((a, b) => a.node.localeCompare(b.node));
  const pausedPools = coverage.pools.filter((p) => paused.has(p));
  const anyNew = shown.some((k) => k.isNew);
  const note: ReadinessNote | undefined = anyNew
    ? undefined
    : update.state === 'available'
      ? hasDriverToolkit
        ? 'knownWhenUpdateStarts'
        : 'knownAtFirstReboot'
      : hasDriverToolkit
        ? undefined
        : 'knownAtFirstReboot';
  const references = missing.map((k) => k.reference);
  const unknown = shown.flatMap((k) => (k.isNew && k.check.result === 'unknown' ? [k.check] : []));
  const poolOf = new Map(pools.map((p) => [p.pool, p]));
  const name = coverage.machineConfigName;
  let action: ReadinessAction;
  if (missing.length > 0) {
    const toPause = coverage.pools.filter((p) => {
      const decided = poolOf.get(p)?.action;
      return decided?.code === 'pause' && decided.configs.includes(name);
    });
    action =
      toPause.length > 0
        ? { code: 'pushTagAndPause', references, pools: toPause }
        : { code: 'pushTag', references, pausedPools };
  } else if (unknown.length > 0) {
    action = { code: 'unknown', check: unknown[0] };
  } else {
    const resumable = pausedPools.filter((p) => poolOf.get(p)?.action.code === 'resume');
    const waiting = pausedPools.filter((p) => {
      const code = poolOf.get(p)?.action.code;
      return (code === 'keepPaused' || code === 'checking') && view.byPool.get(p)?.incoming;
    });
    const others = [
      ...new Set(
        waiting.flatMap((p) => {
          const decided = poolOf.get(p)?.action;
          return decided !== undefined && 'configs' in decided ? decided.configs : [];
        }),
      ),
    ]
      .filter((c) => c !== name)
      .sort();
    if (resumable.length > 0) action = { code: 'resume', pools: resumable };
    else if (waiting.length > 0 && others.length > 0)
      action = { code: 'waitForOtherConfigs', pools: waiting, configs: others };
    else if (note !== undefined) action = { code: 'waitForNewKernel' };
    else action = { code: 'ready' };
  }
  return {
    machineConfigName: name,
    image: coverage.image,
    pools: coverage.pools,
    kernels: shown,
    flaggedNodes,
    pausedPools,
    ...(note === undefined ? {} : { note }),
    action,
  };
};

/**
 * Each config's readiness for the update the cluster shows, and each of their pools': while the
 * ClusterVersion progresses, when an update is available, and after the ClusterVersion is done while
 * a pool has not reached the release (its rendered configs say so) or a node runs a kernel newer than
 * a config's pools that its image has no tag for (the pools will boot it). No configs otherwise.
 */
export const updateReadiness = ({
  clusterVersion,
  pools,
  nodes,
  renderedReleases,
  coverage,
  driverToolkit,
  answer,
}: UpdateReadinessInput): UpdateReadiness => {
  const fromVersion = clusterUpdate(clusterVersion);
  const release = completedRelease(clusterVersion);
  const behind =
    fromVersion.state === 'updating' || release === undefined
      ? []
      : poolsBehind(release, pools, renderedReleases);
  const hasDriverToolkit = driverToolkit?.kernelVersion !== undefined;
  const paused = new Set(pools.filter((p) => p.spec.paused === true).map((p) => p.metadata.name));
  const kernelsOfPool = poolKernels(coverage);
  const derive = (update: ClusterUpdate): UpdateReadiness => {
    // Before the update starts, the Driver Toolkit still describes the running release.
    const declared =
      driverToolkit === undefined ||
      (update.state !== 'updating' && update.state !== 'poolsUpdating')
        ? []
        : declaredKernelVersions(driverToolkit, nodes);
    const views = coverage.map((c) => viewConfig(c, declared, kernelsOfPool, answer));
    const decided = decidePools(views, paused);
    return {
      update,
      configs: views.map((v) =>
        configReadiness(v, update, hasDriverToolkit, decided, paused, nodes),
      ),
      pools: decided,
    };
  };
  if (fromVersion.state === 'updating') return derive(fromVersion);
  if (release !== undefined) {
    // After an update (the history has an earlier release), a node that runs a kernel newer than some
    // of a config's pools, without its tag: those pools have still to boot it.
    const updated = (clusterVersion?.status?.history ?? []).length > 1;
    const waiting = (updated ? coverage : [])
      .map((c) => viewConfig(c, [], kernelsOfPool, answer))
      .flatMap((v) =>
        [...v.byPool.entries()].flatMap(([pool, inPool]) => (inPool.missing ? [pool] : [])),
      );
    const still = [...new Set([...behind, ...waiting])].sort();
    if (still.length > 0) return derive({ state: 'poolsUpdating', version: release, pools: still });
  }
  if (fromVersion.state === 'available') return derive(fromVersion);
  return { update: fromVersion, configs: [], pools: [] };
};
