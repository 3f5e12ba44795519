/**
 * KMM's worker image, which copies the module tree out of the module image on the node. In a module of
 * its own: pages that only read configs back need it, and nothing else of the options.
 */
export const DEFAULT_WORKER_IMAGE =
  'quay.io/edge-infrastructure/kernel-module-management-worker:latest';
