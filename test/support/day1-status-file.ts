import type { Day1Status } from '../../src/rollout';

const KERNEL = '5.14.0-427.13.1.el9_4.x86_64';

/** A Day 1 status file as the node scripts write it: the sfc module loaded; `changes` override fields. */
export const day1StatusFile = (changes: Partial<Record<keyof Day1Status, unknown>> = {}): string =>
  `${JSON.stringify(
    {
      schemaVersion: 1,
      machineConfig: '99-sfc-day1',
      phase: 'Loaded',
      kernelVersion: KERNEL,
      kernelModule: 'sfc',
      kernelModuleImage: `quay.io/acme/sfc-kmod:${KERNEL}`,
      workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
      moduleLoaded: true,
      inTreeRestored: null,
      rebootsUsed: 1,
      reason: null,
      blockingModule: null,
      lastError: null,
      bootID: 'boot-a',
      loadedAt: '2026-11-24T03:00:00Z',
      updatedAt: '2026-11-24T03:00:00Z',
      ...changes,
    },
    null,
    2,
  )}\n`;
