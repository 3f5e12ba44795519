import { produceMachineConfig, produceMachineConfigPool, readDay1MachineConfig } from '../producer';
import type { Day1ConfigSummary, Day1Options } from '../producer';
import { configChange, derivePreflight, isNoChange, rebootPlan } from '.';
import type { ImageCheck } from '.';

const OPTIONS: Day1Options = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: 'quay.io/acme/sfc-kmod',
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc'],
};
const EL94 = '5.14.0-427.13.1.el9_4.x86_64';
const EL92 = '5.14.0-284.59.1.el9_2.x86_64';

const before = (): Day1ConfigSummary => {
  const summary = readDay1MachineConfig(produceMachineConfig(OPTIONS));
  if (summary === null) throw new Error('the producer made a config it cannot read back');
  return summary;
};

const groupsFor = (image: string) => [
  { kernelVersion: EL94, imageReference: `${image}:${EL94}`, nodeNames: ['worker-4'] },
  { kernelVersion: EL92, imageReference: `${image}:${EL92}`, nodeNames: ['worker-5'] },
];
const pool = produceMachineConfigPool('sfc', { maxUnavailable: 1 });

describe('configChange', () => {
  it('finds no change for the same parameters and the same MachineConfig', () => {
    const change = configChange(before(), OPTIONS, true);
    expect(change).toEqual({ fields: [], newImage: false, rewritten: false });
    expect(isNoChange(change)).toBe(true);
  });

  it('counts an unchanged default worker image as unchanged, given or not', () => {
    expect(
      configChange(before(), { ...OPTIONS, workerImage: before().workerImage }, true).fields,
    ).toEqual([]);
  });

  it('says a new module or worker image needs a pull; other fields do not', () => {
    expect(
      configChange(before(), { ...OPTIONS, kernelModuleImage: 'quay.io/acme/sfc-kmod-v2' }, false),
    ).toEqual({ fields: ['kernelModuleImage'], newImage: true, rewritten: false });
    expect(
      configChange(before(), { ...OPTIONS, workerImage: 'quay.io/acme/worker:v2' }, false).newImage,
    ).toBe(true);
    const inTree = configChange(
      before(),
      { ...OPTIONS, inTreeModulesToRemove: ['sfc', 'mdio'] },
      false,
    );
    expect(inTree).toEqual({
      fields: ['inTreeModulesToRemove'],
      newImage: false,
      rewritten: false,
    });
    expect(
      configChange(before(), { ...OPTIONS, firmwareFilesPath: '/firmware' }, false).fields,
    ).toEqual(['firmwareFilesPath']);
  });

  it('says a config with the same parameters but another shape is rewritten (one reboot)', () => {
    const change = configChange(before(), OPTIONS, false);
    expect(change).toEqual({ fields: [], newImage: false, rewritten: true });
    expect(isNoChange(change)).toBe(false);
  });
});

describe('the reboot plan of an edit', () => {
  const newImage = 'quay.io/acme/sfc-kmod-v2';
  const found = (image: string, kernels: string[]): ImageCheck[] =>
    [EL94, EL92].map((kernel) => ({
      reference: `${image}:${kernel}`,
      result: kernels.includes(kernel) ? 'Found' : 'Missing',
    }));

  it('a new image: the nodes whose tag exists pull it and reboot twice, the others lose the module', () => {
    const change = configChange(before(), { ...OPTIONS, kernelModuleImage: newImage }, false);
    const plan = rebootPlan(pool, groupsFor(newImage), found(newImage, [EL94]), change);
    expect(plan.rebootTwice).toEqual(['worker-4']);
    expect(plan.rebootOnceKeepInTree).toEqual(['worker-5']);
    expect(plan.rebootOnce).toEqual([]);
    const preflight = derivePreflight(
      { poolName: 'sfc', nodes: [], groups: groupsFor(newImage), poolNotes: [] },
      pool,
      found(newImage, [EL94]),
      change,
    );
    expect(preflight.rebootNotes.map((note) => note.code)).toEqual([
      'reboots',
      'rounds',
      'pull-new-image',
      'lose-module',
      'estimate',
    ]);
    expect(preflight.warning).toBe(true);
  });

  it('only the in-tree list: every node reboots once, with the images it has', () => {
    const change = configChange(
      before(),
      { ...OPTIONS, inTreeModulesToRemove: ['sfc', 'mdio'] },
      false,
    );
    const image = OPTIONS.kernelModuleImage;
    // Checked or not, the nodes need no pull.
    for (const checks of [found(image, [EL94, EL92]), []]) {
      const plan = rebootPlan(pool, groupsFor(image), checks, change);
      expect(plan.rebootOnce).toEqual(['worker-4', 'worker-5']);
      expect(plan.rebootTwice).toEqual([]);
      expect(plan.unchecked).toEqual([]);
    }
    const preflight = derivePreflight(
      { poolName: 'sfc', nodes: [], groups: groupsFor(image), poolNotes: [] },
      pool,
      undefined,
      change,
    );
    expect(preflight.rebootNotes).toContainEqual({
      code: 'reboot-once',
      nodes: ['worker-4', 'worker-5'],
    });
    // One MCO reboot per node, one at a time, and no Day 1 reboot: shorter than a new image.
    const withImage = rebootPlan(
      pool,
      groupsFor(newImage),
      found(newImage, [EL94, EL92]),
      configChange(before(), { ...OPTIONS, kernelModuleImage: newImage }, false),
    );
    expect(preflight.plan?.estimatedMinutes.high).toBeLessThan(withImage.estimatedMinutes.high);
  });

  it('no change: no plan, one note, nothing reboots', () => {
    const preflight = derivePreflight(
      { poolName: 'sfc', nodes: [], groups: groupsFor(OPTIONS.kernelModuleImage), poolNotes: [] },
      pool,
      [],
      configChange(before(), OPTIONS, true),
    );
    expect(preflight.plan).toBeUndefined();
    expect(preflight.rebootNotes).toEqual([{ code: 'no-change' }]);
  });

  it('a new config keeps the create wording', () => {
    const preflight = derivePreflight(
      { poolName: 'sfc', nodes: [], groups: groupsFor(newImage), poolNotes: [] },
      pool,
      found(newImage, [EL94, EL92]),
    );
    expect(preflight.rebootNotes.map((note) => note.code)).toContain('reboot-twice');
  });
});
