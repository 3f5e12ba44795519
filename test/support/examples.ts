import type { Day1Options } from '../../src/producer';

/** The running example: the and README's `day1-utility` command for the OOT sfc driver. */
export const SFC_EXAMPLE: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc', 'mdio'],
};
