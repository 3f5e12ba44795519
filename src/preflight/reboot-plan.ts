import { DAY1_REBOOT_MINUTES, maxUnavailableCount, MCO_MINUTES_PER_NODE } from '../mco';
import type { MachineConfigPool } from '../k8s/types';
import type { ConfigChange } from './config-change';
import type { ImageCheck } from './image-checks';
import type { KernelGroup } from './kernel-groups';

export interface RebootPlan {
  nodeCount: number;
  /** Nodes MCO updates at once (spec.maxUnavailable, resolved as MCO does). */
  maxUnavailable: number;
  /** Rounds of MCO updates: nodes / maxUnavailable, rounded up. */
  batches: number;
  /**
   * Nodes whose image exists: they reboot twice (MCO, then after the pull), on first apply and after
   * an edit that brings a new image.
   */
  rebootTwice: string[];
  /**
   * After an edit that keeps the images: nodes that reboot once (MCO) and load the module from the
   * images already on them.
   */
  rebootOnce: string[];
  /** Nodes whose image is missing: one MCO reboot, then they keep the in-tree driver. */
  rebootOnceKeepInTree: string[];
  /** Nodes whose image could not be checked (unknown kernel, unauthorized, error): at least one reboot. */
  unchecked: string[];
  /** Rough time until every node has finished, in minutes. */
  estimatedMinutes: { low: number; high: number };
  /** A paused pool reboots nothing until it is resumed. */
  paused: boolean;
}

/**
 * What applying a Day 1 config to `pool` will do to its nodes, from the nodes' kernels and the image
 * checks. MCO reboots `maxUnavailable` nodes at a time; each node whose image exists reboots once more
 * after pulling the image, before its kubelet starts, so still within MCO's throttle. For an edit,
 * `change` says what changes: without a new image the nodes already have what they load, and reboot
 * once.
 */
export const rebootPlan = (
  pool: MachineConfigPool,
  groups: readonly KernelGroup[],
  checks: readonly ImageCheck[],
  change?: ConfigChange,
): RebootPlan => {
  const resultOf = new Map(checks.map((check) => [check.reference, check.result]));
  const plan: Pick<
    RebootPlan,
    'rebootTwice' | 'rebootOnce' | 'rebootOnceKeepInTree' | 'unchecked'
  > = {
    rebootTwice: [],
    rebootOnce: [],
    rebootOnceKeepInTree: [],
    unchecked: [],
  };
  const pulls = change === undefined || change.newImage;
  for (const group of groups) {
    const result =
      group.imageReference === undefined ? undefined : resultOf.get(group.imageReference);
    // Without a new image, a node whose image is missing has kept its in-tree driver so far, and still
    // does; the others have the images on them (or never will: the same one reboot either way).
    const bucket =
      result === 'Missing'
        ? 'rebootOnceKeepInTree'
        : !pulls
          ? 'rebootOnce'
          : result === 'Found'
            ? 'rebootTwice'
            : 'unchecked';
    plan[bucket].push(...group.nodeNames);
  }
  const nodeCount = groups.reduce((sum, group) => sum + group.nodeNames.length, 0);
  const maxUnavailable =
    maxUnavailableCount(pool.spec.maxUnavailable, pool.metadata.name, nodeCount) ?? 1;
  const batches = nodeCount === 0 ? 0 : Math.ceil(nodeCount / maxUnavailable);
  // The Day 1 pull and reboot happen before the node's kubelet starts, inside MCO's window for that
  // node: they lengthen its batch. At best the nodes that reboot twice share batches; at worst every
  // batch has one.
  const twiceBatches = Math.ceil(plan.rebootTwice.length / maxUnavailable);
  const mayRebootTwice = plan.rebootTwice.length + plan.unchecked.length > 0;
  return {
    nodeCount,
    maxUnavailable,
    batches,
    ...plan,
    estimatedMinutes: {
      low: batches * MCO_MINUTES_PER_NODE.low + twiceBatches * DAY1_REBOOT_MINUTES.low,
      high: batches * (MCO_MINUTES_PER_NODE.high + (mayRebootTwice ? DAY1_REBOOT_MINUTES.high : 0)),
    },
    paused: pool.spec.paused === true,
  };
};
