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

/** What the ClusterVersion says about updates. */
export type ClusterUpdate =
  | { state: 'none' }
  | { state: 'available'; versions: string[] }
  | { state: 'updating'; version: string; from?: string };

const conditionTrue = (cv: ClusterVersion, type: string): boolean =>
  (cv.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** Updating when `Progressing=True`; else an update is available when `availableUpdates` lists one. */
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
   * Declared, or running elsewhere (the control plane), and newer than every kernel of the config's
   * nodes: not on them yet.
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
  /** Every new kernel has its tag now: these paused pools can update. */
  | { code: 'resume'; pools: string[] };

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

export interface UpdateReadiness {
  update: ClusterUpdate;
  /** Empty when the cluster is neither updating nor offered an update. */
  configs: ConfigReadiness[];
}

export interface UpdateReadinessInput {
  clusterVersion: ClusterVersion | undefined;
  pools: readonly MachineConfigPool[];
  nodes: readonly Node[];
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

const configReadiness = (
  coverage: ConfigCoverage,
  update: ClusterUpdate,
  declared: readonly string[],
  hasDriverToolkit: boolean,
  pools: readonly MachineConfigPool[],
  nodes: readonly Node[],
  answer: UpdateReadinessInput['answer'],
): ConfigReadiness => {
  const { image } = coverage;
  const running = new Map(coverage.kernels.map((k) => [k.kernelVersion, k]));
  const all = [...new Set([...running.keys(), ...declared])].sort(compareKernelVersions);
  // "New" means newer than every kernel the config's nodes run: an older kernel still on other nodes
  // mid-update is on its way out.
  const newestOnConfigNodes = coverage.kernels
    .filter((k) => k.configNodes.some((p) => p.nodes.length > 0))
    .map((k) => k.kernelVersion)
    .sort(compareKernelVersions)
    .pop();
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
        (newestOnConfigNodes === undefined ||
          compareKernelVersions(kernelVersion, newestOnConfigNodes) > 0),
      check: known?.check ?? answer({ image, tag }) ?? CHECKING,
    };
  });
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
  const paused = new Set(pools.filter((p) => p.spec.paused === true).map((p) => p.metadata.name));
  const pausedPools = coverage.pools.filter((p) => paused.has(p));
  // A pool is worth pausing while some of its nodes still run a kernel that is not a missing one:
  // they would reboot into it.
  const poolsWithNodesToProtect = new Set(
    coverage.kernels
      .filter((k) => !missingKernels.has(k.kernelVersion))
      .flatMap((k) => k.configNodes.filter((p) => p.nodes.length > 0).map((p) => p.pool)),
  );
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
  let action: ReadinessAction;
  if (missing.length > 0) {
    const toPause = coverage.pools.filter((p) => !paused.has(p) && poolsWithNodesToProtect.has(p));
    action =
      toPause.length > 0
        ? { code: 'pushTagAndPause', references, pools: toPause }
        : { code: 'pushTag', references, pausedPools };
  } else if (unknown.length > 0) {
    action = { code: 'unknown', check: unknown[0] };
  } else if (anyNew && pausedPools.length > 0) {
    action = { code: 'resume', pools: pausedPools };
  } else if (note !== undefined) {
    action = { code: 'waitForNewKernel' };
  } else {
    action = { code: 'ready' };
  }
  return {
    machineConfigName: coverage.machineConfigName,
    image,
    pools: coverage.pools,
    kernels: shown,
    flaggedNodes,
    pausedPools,
    ...(note === undefined ? {} : { note }),
    action,
  };
};

/** Each config's readiness for the update the ClusterVersion shows; no configs when there is none. */
export const updateReadiness = ({
  clusterVersion,
  pools,
  nodes,
  coverage,
  driverToolkit,
  answer,
}: UpdateReadinessInput): UpdateReadiness => {
  const update = clusterUpdate(clusterVersion);
  if (update.state === 'none') return { update, configs: [] };
  // Before the update starts, the Driver Toolkit still describes the running release.
  const declared =
    driverToolkit === undefined || update.state !== 'updating'
      ? []
      : declaredKernelVersions(driverToolkit, nodes);
  const hasDriverToolkit = driverToolkit?.kernelVersion !== undefined;
  return {
    update,
    configs: coverage.map((c) =>
      configReadiness(c, update, declared, hasDriverToolkit, pools, nodes, answer),
    ),
  };
};
