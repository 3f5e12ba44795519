import { DEFAULT_WORKER_IMAGE, readDay1MachineConfig, produceMachineConfig } from '../producer';
import type { Day1Options } from '../producer';
import { reapplyOnTop } from '.';

const ORIGINAL: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc'],
};

describe('reapplyOnTop', () => {
  it('changes nothing when neither side changed anything', () => {
    expect(reapplyOnTop(ORIGINAL, { ...ORIGINAL }, { ...ORIGINAL })).toEqual({
      options: ORIGINAL,
      fromTheirs: [],
      conflicts: [],
    });
  });

  it("takes the other person's change of a parameter the user left alone", () => {
    const theirs = { ...ORIGINAL, inTreeModulesToRemove: ['sfc', 'mdio'] };
    const reapplied = reapplyOnTop(ORIGINAL, { ...ORIGINAL }, theirs);
    expect(reapplied.options.inTreeModulesToRemove).toEqual(['sfc', 'mdio']);
    expect(reapplied.fromTheirs).toEqual(['inTreeModulesToRemove']);
    expect(reapplied.conflicts).toEqual([]);
  });

  it("keeps the user's change of a parameter the other person left alone", () => {
    const mine = { ...ORIGINAL, kernelModuleImage: 'quay.io/acme/sfc-kmod-v2' };
    expect(reapplyOnTop(ORIGINAL, mine, { ...ORIGINAL })).toEqual({
      options: mine,
      fromTheirs: [],
      conflicts: [],
    });
  });

  it('keeps both changes when each side changed a different parameter', () => {
    const mine = { ...ORIGINAL, kernelModuleImage: 'quay.io/acme/sfc-kmod-v2' };
    const theirs = {
      ...ORIGINAL,
      inTreeModulesToRemove: ['sfc', 'mdio'],
      firmwareFilesPath: '/fw',
    };
    const reapplied = reapplyOnTop(ORIGINAL, mine, theirs);
    expect(reapplied.options).toEqual({
      ...ORIGINAL,
      kernelModuleImage: 'quay.io/acme/sfc-kmod-v2',
      inTreeModulesToRemove: ['sfc', 'mdio'],
      firmwareFilesPath: '/fw',
    });
    expect(reapplied.fromTheirs).toEqual(['inTreeModulesToRemove', 'firmwareFilesPath']);
    expect(reapplied.conflicts).toEqual([]);
  });

  it('is no conflict when both sides made the same change', () => {
    const changed = { ...ORIGINAL, kernelModuleName: 'sfc_v2' };
    expect(reapplyOnTop(ORIGINAL, changed, { ...changed })).toEqual({
      options: changed,
      fromTheirs: [],
      conflicts: [],
    });
  });

  it("keeps the user's value where both changed a parameter differently, and names both values", () => {
    const mine = { ...ORIGINAL, kernelModuleImage: 'quay.io/acme/mine' };
    const theirs = {
      ...ORIGINAL,
      kernelModuleImage: 'quay.io/acme/theirs',
      inTreeModulesToRemove: ['mdio', 'sfc'],
    };
    const reapplied = reapplyOnTop(
      ORIGINAL,
      { ...mine, inTreeModulesToRemove: ['sfc', 'mdio'] },
      theirs,
    );
    expect(reapplied.options.kernelModuleImage).toBe('quay.io/acme/mine');
    // Another order is another value: the modules are unloaded in the listed order.
    expect(reapplied.options.inTreeModulesToRemove).toEqual(['sfc', 'mdio']);
    expect(reapplied.fromTheirs).toEqual([]);
    expect(reapplied.conflicts).toEqual([
      { field: 'kernelModuleImage', mine: 'quay.io/acme/mine', theirs: 'quay.io/acme/theirs' },
      { field: 'inTreeModulesToRemove', mine: ['sfc', 'mdio'], theirs: ['mdio', 'sfc'] },
    ]);
  });

  it('counts an absent optional parameter as its default, as the config in the cluster reads', () => {
    const summary = readDay1MachineConfig(produceMachineConfig(ORIGINAL));
    if (summary === null) throw new Error('the producer made a config it cannot read back');
    // Read back, the worker image is the default, given; in the form, it may be left out.
    expect(summary.workerImage).toBe(DEFAULT_WORKER_IMAGE);
    const theirs = { ...summary, firmwareFilesPath: '/fw' };
    const reapplied = reapplyOnTop(summary, { ...ORIGINAL }, theirs);
    expect(reapplied.fromTheirs).toEqual(['firmwareFilesPath']);
    expect(reapplied.options.firmwareFilesPath).toBe('/fw');
    expect(reapplied.options.workerImage).toBeUndefined();
    // The other person removing the firmware path, which the user left alone, removes it.
    const removed = reapplyOnTop(theirs, { ...ORIGINAL, firmwareFilesPath: '/fw' }, summary);
    expect(removed.fromTheirs).toEqual(['firmwareFilesPath']);
    expect(removed.options.firmwareFilesPath).toBeUndefined();
  });
});
