/**
 * How long MCO's steps take on real clusters, in minutes. OpenShift's "Understanding update duration"
 * says cordon, drain, update, reboot and uncordon "might take 5 or more minutes to complete per node";
 * `oc adm upgrade status` estimates 5 to 10 minutes per phase. The preflight's reboot plan gives the
 * range; the rollout's estimate starts from the midpoint.
 */
/** Per node: cordon, drain, update, reboot and uncordon. */
export const MCO_MINUTES_PER_NODE = { low: 4, high: 8 };
/** The Day 1 image pull and the second reboot, before the node's kubelet starts (inside MCO's window). */
export const DAY1_REBOOT_MINUTES = { low: 2, high: 4 };

export const midpointMs = ({ low, high }: { low: number; high: number }): number =>
  ((low + high) / 2) * 60_000;
