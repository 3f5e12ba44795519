/**
 * How long MCO's steps take on real clusters, in minutes: OpenShift's "Understanding update duration"
 * puts cordon, drain, OS update, reboot and uncordon at "5 or more minutes" per node.
 * The preflight's reboot plan gives the range; the rollout's estimate starts from the midpoint.
 */
/** Per node: cordon, drain, update, reboot and uncordon. */
export const MCO_MINUTES_PER_NODE = { low: 4, high: 8 };
/** After MCO is done with a node: the Day 1 image pull and the second reboot. */
export const DAY1_REBOOT_MINUTES = { low: 2, high: 4 };

export const midpointMs = ({ low, high }: { low: number; high: number }): number =>
  ((low + high) / 2) * 60_000;
