/**
 * The image tag for a kernel version. `uname -r` may hold characters an image tag cannot
 * (`5.14.0-427.13.1.el9_4.aarch64+64k`, `...x86_64+debug`); a tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
 * Each character outside `[A-Za-z0-9_.-]` becomes `_`, and so does a leading `.` or `-`. Kernel versions
 * that are valid tags already (all of RHCOS's default kernels) are unchanged. The node scripts
 * (image_tag_for_kernel in scripts/common.sh) apply the same rule.
 */
export const kernelImageTag = (kernelVersion: string): string =>
  kernelVersion.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.-]/, '_');

/** `<image>:<tag for the kernel>`, the reference a node with that kernel pulls. */
export const kernelModuleImageReference = (image: string, kernelVersion: string): string =>
  `${image}:${kernelImageTag(kernelVersion)}`;
