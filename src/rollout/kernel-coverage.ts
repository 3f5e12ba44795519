/**
 * Kernel coverage: whether a Day 1 config's image has a tag for every kernel that matters. A node
 * pulls `<image>:<tag for its kernel>` at boot; with no such tag it keeps the in-tree driver. The
 * kernels that matter for a config are the ones running in the pools it reaches, and every kernel
 * running anywhere in the cluster: during an OpenShift update the control plane gets the new kernel
 * first, before it reaches the config's workers. Pure: the console pages and `day1-utility coverage`
 * give it the registry's answers per (image, tag) and word its codes.
 */
import { compareKernelVersions } from '../k8s/kernel-version';
import type { MachineConfigPool, Node } from '../k8s/types';
import { poolOfNode, poolsTakingConfigsFor } from '../mco';
import { kernelImageTag } from '../producer/kernel-image-tag';
import type { Day1ConfigSummary } from '../producer/read-machine-config';

/** Why the answer for a tag is not known. */
type TagUnknownReason =
  /** Not asked yet, or the answer is on its way. */
  | 'checking'
  /** The user may not create ImageStreamImports in `namespace`. */
  | 'noAccess'
  /** The registry wants credentials that the checker does not have. */
  | 'unauthorized'
  /** The registry or the API server could not be reached. */
  | 'unreachable'
  /** Any other failure; `detail` has the words of whoever failed. */
  | 'error'
  /** The check was turned off (`day1-utility coverage --offline`). */
  | 'notChecked';

/** The answer for one `<image>:<tag>`. */
export type TagCheck =
  | { result: 'found' }
  | { result: 'missing' }
  | { result: 'unknown'; reason: TagUnknownReason; namespace?: string; detail?: string };

/** One image tag to ask the registry about. */
export interface TagCheckRequest {
  image: string;
  tag: string;
}

/** The key of a (image, tag) pair in caches and answers: the image reference. */
export const tagCheckKey = ({ image, tag }: TagCheckRequest): string => `${image}:${tag}`;

/** The nodes of one pool that run a kernel. */
interface PoolNodes {
  pool: string;
  nodes: string[];
}

/** A kernel to check for a config, and where it runs. */
interface KernelToCheck {
  /** `status.nodeInfo.kernelVersion`. */
  kernelVersion: string;
  /** The image tag nodes with that kernel pull (kernelImageTag). */
  tag: string;
  /** The nodes in the config's pools that run it, by pool (sorted); empty when only other nodes do. */
  configNodes: PoolNodes[];
  /** How many nodes in the whole cluster run it (Windows nodes aside). */
  clusterNodeCount: number;
}

/** The kernels one config must have tags for. */
interface ConfigKernels {
  config: Day1ConfigSummary;
  /** The pools the config reaches: its own and the custom pools that inherit it. */
  pools: string[];
  /** Sorted by kernel version. */
  kernels: KernelToCheck[];
}

interface KernelCoverageInput {
  configs: readonly Day1ConfigSummary[];
  pools: readonly MachineConfigPool[];
  nodes: readonly Node[];
}

const reportedKernel = (node: Node): string | undefined => {
  const kernel: unknown = node.status?.nodeInfo?.kernelVersion;
  return typeof kernel === 'string' && kernel !== '' ? kernel : undefined;
};

/**
 * For each config, the kernels to check: every kernel a Linux node of the cluster reports (a node in no
 * pool too: it may join one), with the nodes of the config's pools that run each. Nodes that report no
 * kernel yet are left out, and so are Windows nodes, which MCO does not manage.
 */
export const kernelsToCheck = ({ configs, pools, nodes }: KernelCoverageInput): ConfigKernels[] => {
  const membership = new Map<string, string | undefined>();
  const byKernel = new Map<string, Node[]>();
  for (const node of nodes) {
    const member = poolOfNode(node, pools);
    if ('windows' in member) continue;
    const kernel = reportedKernel(node);
    if (kernel === undefined) continue;
    membership.set(node.metadata.name, 'pool' in member ? member.pool : undefined);
    const running = byKernel.get(kernel);
    if (running === undefined) byKernel.set(kernel, [node]);
    else running.push(node);
  }
  const kernels = [...byKernel.keys()].sort(compareKernelVersions);
  return configs.map((config) => {
    const configPools = poolsTakingConfigsFor(config.machineConfigPoolRef, pools).sort();
    const reached = new Set(configPools);
    return {
      config,
      pools: configPools,
      kernels: kernels.map((kernelVersion) => {
        const running = byKernel.get(kernelVersion) ?? [];
        const perPool = new Map<string, string[]>();
        for (const node of running) {
          const pool = membership.get(node.metadata.name);
          if (pool === undefined || !reached.has(pool)) continue;
          const names = perPool.get(pool);
          if (names === undefined) perPool.set(pool, [node.metadata.name]);
          else names.push(node.metadata.name);
        }
        return {
          kernelVersion,
          tag: kernelImageTag(kernelVersion),
          configNodes: [...perPool.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([pool, names]) => ({ pool, nodes: names.sort() })),
          clusterNodeCount: running.length,
        };
      }),
    };
  });
};

/** Every (image, tag) the configs need an answer for, once each, in a stable order. */
export const tagChecksFor = (configs: readonly ConfigKernels[]): TagCheckRequest[] => {
  const requests = new Map<string, TagCheckRequest>();
  for (const { config, kernels } of configs) {
    for (const { tag } of kernels) {
      const request = { image: config.kernelModuleImage, tag };
      requests.set(tagCheckKey(request), request);
    }
  }
  return [...requests.values()].sort((a, b) => tagCheckKey(a).localeCompare(tagCheckKey(b)));
};

/** A kernel with the registry's answer for its tag. */
interface KernelCoverage extends KernelToCheck {
  /** `<image>:<tag>`. */
  reference: string;
  check: TagCheck;
}

/**
 * `full`: every kernel has its tag; `partial`: some tag is missing; `unknown`: none missing but some not
 * known; `noKernels`: no node reports a kernel yet.
 */
type CoverageState = 'full' | 'partial' | 'unknown' | 'noKernels';

export interface ConfigCoverage {
  machineConfigName: string;
  image: string;
  pools: string[];
  kernels: KernelCoverage[];
  state: CoverageState;
  /** "N of M kernels": `covered` of `total`. */
  covered: number;
  total: number;
  missing: number;
  unknown: number;
  /** The tags the image lacks, in kernel order. */
  missingTags: string[];
  /**
   * The nodes of the config's pools that run a kernel whose tag is missing, by pool: they boot without
   * the out-of-tree module and run the in-tree driver.
   */
  inTreeNodes: PoolNodes[];
  /** Why coverage is not known, when every unknown kernel shares one reason (e.g. `noAccess`). */
  unknownReason?: TagCheck & { result: 'unknown' };
}

const CHECKING: TagCheck = { result: 'unknown', reason: 'checking' };

const mergePoolNodes = (lists: PoolNodes[]): PoolNodes[] => {
  const byPool = new Map<string, Set<string>>();
  for (const { pool, nodes } of lists) {
    const set = byPool.get(pool) ?? new Set<string>();
    nodes.forEach((name) => set.add(name));
    byPool.set(pool, set);
  }
  return [...byPool.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pool, nodes]) => ({ pool, nodes: [...nodes].sort() }));
};

/**
 * Each config's coverage from the answers per (image, tag); `answer` returns undefined for pairs not
 * answered yet, which count as `checking`.
 */
export const kernelCoverage = (
  configs: readonly ConfigKernels[],
  answer: (request: TagCheckRequest) => TagCheck | undefined,
): ConfigCoverage[] =>
  configs.map(({ config, pools, kernels }) => {
    const image = config.kernelModuleImage;
    const checked: KernelCoverage[] = kernels.map((kernel) => ({
      ...kernel,
      reference: `${image}:${kernel.tag}`,
      check: answer({ image, tag: kernel.tag }) ?? CHECKING,
    }));
    const missing = checked.filter((k) => k.check.result === 'missing');
    const unknown = checked.flatMap((k) => (k.check.result === 'unknown' ? [k.check] : []));
    const covered = checked.filter((k) => k.check.result === 'found').length;
    const reasons = new Set(unknown.map((check) => check.reason));
    return {
      machineConfigName: config.machineConfigName,
      image,
      pools,
      kernels: checked,
      state:
        checked.length === 0
          ? 'noKernels'
          : missing.length > 0
            ? 'partial'
            : unknown.length > 0
              ? 'unknown'
              : 'full',
      covered,
      total: checked.length,
      missing: missing.length,
      unknown: unknown.length,
      missingTags: missing.map((k) => k.tag),
      inTreeNodes: mergePoolNodes(missing.flatMap((k) => k.configNodes)),
      unknownReason: reasons.size === 1 ? unknown[0] : undefined,
    };
  });
