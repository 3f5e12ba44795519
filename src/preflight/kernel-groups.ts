import { compareKernelVersions } from '../k8s/kernel-version';
import type { Node } from '../k8s/types';
import { kernelModuleImageReference } from '../producer/kernel-image-tag';

export interface KernelGroup {
  /** `status.nodeInfo.kernelVersion`; undefined for nodes that do not report one yet. */
  kernelVersion?: string;
  /** The image each of these nodes pulls: `<image>:<kernel version>`. */
  imageReference?: string;
  nodeNames: string[];
}

/**
 * The nodes grouped by running kernel, each group with the image reference its nodes will pull, since
 * the tag is the kernel version. Sorted by kernel version, as versions; unknown kernels last.
 */
export const groupNodesByKernel = (nodes: Node[], kernelModuleImage: string): KernelGroup[] => {
  const groups = new Map<string | undefined, string[]>();
  for (const node of nodes) {
    // An empty kernelVersion, or one that is not a string (a malformed Node), is as unknown as a
    // missing one.
    const reported: unknown = node.status?.nodeInfo?.kernelVersion;
    const kernel = typeof reported === 'string' && reported !== '' ? reported : undefined;
    groups.set(kernel, [...(groups.get(kernel) ?? []), node.metadata.name]);
  }
  return [...groups.entries()]
    .map(([kernelVersion, nodeNames]) => ({
      kernelVersion,
      imageReference:
        kernelVersion === undefined
          ? undefined
          : kernelModuleImageReference(kernelModuleImage, kernelVersion),
      nodeNames: nodeNames.sort(),
    }))
    .sort((a, b) =>
      a.kernelVersion === undefined
        ? 1
        : b.kernelVersion === undefined
          ? -1
          : compareKernelVersions(a.kernelVersion, b.kernelVersion),
    );
};
