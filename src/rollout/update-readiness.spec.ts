import type { ClusterVersion, ImageStreamTag, MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfigPool } from '../producer';
import type { Day1ConfigSummary } from '../producer';
import { kernelCoverage, kernelsToCheck, tagCheckKey } from './kernel-coverage';
import type { TagCheck, TagCheckRequest } from './kernel-coverage';
import {
  formatClusterUpdate,
  formatPoolReadiness,
  formatReadinessAction,
} from './update-readiness-english';
import {
  clusterUpdate,
  declaredTagChecks,
  driverToolkitKernels,
  updateReadiness,
} from './update-readiness';
import type { DriverToolkitKernels } from './update-readiness';

const OLD = '5.14.0-427.13.1.el9_4.x86_64';
const NEW = '5.14.0-570.42.2.el9_6.x86_64';
const IMAGE = 'quay.io/acme/sfc-kmod';

const pool = (name: string, paused = false): MachineConfigPool => {
  const base =
    name === 'sfc'
      ? produceMachineConfigPool('sfc')
      : {
          apiVersion: 'machineconfiguration.openshift.io/v1',
          kind: 'MachineConfigPool',
          metadata: { name },
          spec: {
            machineConfigSelector: {
              matchLabels: { 'machineconfiguration.openshift.io/role': name },
            },
            nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
          },
        };
  return { ...base, spec: { ...base.spec, paused } } as MachineConfigPool;
};

const node = (name: string, roles: string[], kernelVersion: string): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: {
      'kubernetes.io/os': 'linux',
      ...Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
    },
  },
  status: { nodeInfo: { kernelVersion, architecture: 'amd64' } },
});

const SFC: Day1ConfigSummary = {
  machineConfigName: '99-sfc-day1',
  machineConfigPoolRef: 'sfc',
  kernelModuleImage: IMAGE,
  kernelModuleName: 'sfc',
  inTreeModulesToRemove: ['sfc'],
  workerImage: 'w',
  producedBy: 'kmm-day1-console-plugin',
  pullRebootInMcoWindow: true,
};

const cv = (
  progressing: boolean,
  available: string[],
  history: [string, 'Completed' | 'Partial'][] = [['4.19.9', 'Completed']],
): ClusterVersion => ({
  apiVersion: 'config.openshift.io/v1',
  kind: 'ClusterVersion',
  metadata: { name: 'version' },
  status: {
    desired: { version: history[0][0] },
    history: history.map(([version, state]) => ({ version, state })),
    availableUpdates: available.map((version) => ({ version })),
    conditions: [
      { type: 'Available', status: 'True' },
      { type: 'Progressing', status: progressing ? 'True' : 'False' },
    ],
  },
});

const UPDATING = cv(
  false,
  [],
  [
    ['4.20.3', 'Partial'],
    ['4.19.9', 'Completed'],
  ],
);
UPDATING.status?.conditions?.splice(1, 1, { type: 'Progressing', status: 'True' });
const AVAILABLE = cv(false, ['4.20.3']);

const registry =
  (...references: string[]) =>
  (request: TagCheckRequest): TagCheck =>
    references.includes(tagCheckKey(request)) ? { result: 'found' } : { result: 'missing' };

/** KMM's ice config for `worker`: custom pools take worker's configs, so it reaches sfc too. */
const ICE_IMAGE = 'quay.io/acme/ice-kmod';
const ICE: Day1ConfigSummary = {
  ...SFC,
  machineConfigName: '99-ice-day1',
  machineConfigPoolRef: 'worker',
  kernelModuleImage: ICE_IMAGE,
  kernelModuleName: 'ice',
  inTreeModulesToRemove: ['ice'],
  producedBy: 'kmm',
};

/** The cluster: 3 masters, 2 workers, sfc with worker-4 and worker-5; kernels per node. */
const cluster = (kernels: Record<string, string>, pausedSfc = false) => {
  const nodes = [
    node('master-0', ['master', 'control-plane'], kernels['master-0'] ?? OLD),
    node('master-1', ['master', 'control-plane'], kernels['master-1'] ?? OLD),
    node('master-2', ['master', 'control-plane'], kernels['master-2'] ?? OLD),
    node('worker-0', ['worker'], kernels['worker-0'] ?? OLD),
    node('worker-4', ['sfc', 'worker'], kernels['worker-4'] ?? OLD),
    node('worker-5', ['sfc', 'worker'], kernels['worker-5'] ?? OLD),
  ];
  const pools = [pool('master'), pool('worker'), pool('sfc', pausedSfc)];
  return { nodes, pools };
};

const readiness = (
  clusterVersion: ClusterVersion | undefined,
  kernels: Record<string, string>,
  options: {
    tags?: string[];
    driverToolkit?: DriverToolkitKernels;
    pausedSfc?: boolean;
    answer?: (r: TagCheckRequest) => TagCheck | undefined;
    configs?: Day1ConfigSummary[];
    /** Per pool, the release of the rendered config its nodes completed and of the one it targets. */
    releases?: Record<string, { done: string; target: string }>;
    extraNodes?: Node[];
  } = {},
) => {
  const base = cluster(kernels, options.pausedSfc);
  const nodes = [...base.nodes, ...(options.extraNodes ?? [])];
  const renderedReleases = new Map<string, string>();
  const pools = base.pools.map((p) => {
    const release = options.releases?.[p.metadata.name];
    if (release === undefined) return p;
    const rendered = (version: string) => `rendered-${p.metadata.name}-${version}`;
    renderedReleases.set(rendered(release.done), release.done);
    renderedReleases.set(rendered(release.target), release.target);
    return {
      ...p,
      spec: { ...p.spec, configuration: { name: rendered(release.target) } },
      status: { configuration: { name: rendered(release.done) } },
    };
  });
  const answer = options.answer ?? registry(...(options.tags ?? [`${IMAGE}:${OLD}`]));
  const configs = options.configs ?? [SFC];
  const coverage = kernelCoverage(kernelsToCheck({ configs, pools, nodes }), answer);
  return updateReadiness({
    clusterVersion,
    pools,
    nodes,
    renderedReleases,
    coverage,
    driverToolkit: options.driverToolkit,
    answer,
  });
};

/** The update done by the ClusterVersion: Progressing=False, 4.20.3 Completed after 4.19.9. */
const DONE = cv(
  false,
  [],
  [
    ['4.20.3', 'Completed'],
    ['4.19.9', 'Completed'],
  ],
);

describe('clusterUpdate', () => {
  it('is updating while Progressing=True, to the desired version, from the last completed one', () => {
    expect(clusterUpdate(UPDATING)).toEqual({
      state: 'updating',
      version: '4.20.3',
      from: '4.19.9',
    });
    expect(formatClusterUpdate(clusterUpdate(UPDATING))).toBe('Updating to 4.20.3 (from 4.19.9)');
  });

  it('offers the available updates when not progressing', () => {
    expect(clusterUpdate(AVAILABLE)).toEqual({ state: 'available', versions: ['4.20.3'] });
  });

  it('is none without a ClusterVersion, or with neither', () => {
    expect(clusterUpdate(undefined)).toEqual({ state: 'none' });
    expect(clusterUpdate(cv(false, []))).toEqual({ state: 'none' });
    expect(readiness(cv(false, []), {}).configs).toEqual([]);
  });
});

describe('driverToolkitKernels', () => {
  it('reads the kernel labels of the image', () => {
    const tag: ImageStreamTag = {
      metadata: { name: 'driver-toolkit:latest' },
      image: {
        dockerImageMetadata: {
          Config: { Labels: { 'kernel-version': NEW, 'kernel-rt-version': `${NEW}+rt` } },
        },
      },
    };
    expect(driverToolkitKernels(tag)).toEqual({
      kernelVersion: NEW,
      rtKernelVersion: `${NEW}+rt`,
    });
    expect(driverToolkitKernels({ metadata: { name: 'driver-toolkit:latest' } })).toEqual({});
  });
});

describe('updateReadiness', () => {
  it('during an update with the Driver Toolkit: the new kernel is known before any node runs it', () => {
    const { configs } = readiness(UPDATING, {}, { driverToolkit: { kernelVersion: NEW } });
    const [sfc] = configs;
    expect(sfc.kernels).toEqual([
      expect.objectContaining({
        kernelVersion: NEW,
        reference: `${IMAGE}:${NEW}`,
        declared: true,
        clusterNodes: 0,
        isNew: true,
        check: { result: 'missing' },
      }),
    ]);
    // No node runs it yet: nothing flagged, but sfc should wait for the tag.
    expect(sfc.flaggedNodes).toEqual([]);
    expect(sfc.action).toEqual({
      code: 'pushTagAndPause',
      references: [`${IMAGE}:${NEW}`],
      pools: ['sfc'],
    });
    expect(formatReadinessAction(sfc)).toBe(
      `Push ${IMAGE}:${NEW}; until then pause sfc before its nodes update`,
    );
  });

  it('without the Driver Toolkit: the check starts when the first node reboots into the new kernel', () => {
    const before = readiness(UPDATING, {});
    expect(before.configs[0]).toMatchObject({
      kernels: [],
      note: 'knownAtFirstReboot',
      action: { code: 'waitForNewKernel' },
    });
    // The control plane updates first: the moment master-0 reports the new kernel, sfc is flagged.
    const after = readiness(UPDATING, { 'master-0': NEW });
    expect(after.configs[0].note).toBeUndefined();
    expect(after.configs[0].flaggedNodes).toEqual([{ node: 'master-0', kernelVersion: NEW }]);
    expect(after.configs[0].kernels[0]).toMatchObject({
      kernelVersion: NEW,
      declared: false,
      clusterNodes: 1,
      configNodes: 0,
      isNew: true,
    });
    expect(after.configs[0].action).toEqual({
      code: 'pushTagAndPause',
      references: [`${IMAGE}:${NEW}`],
      pools: ['sfc'],
    });
  });

  it('when an update is only available, the Driver Toolkit still describes the running release', () => {
    const withDtk = readiness(AVAILABLE, {}, { driverToolkit: { kernelVersion: OLD } });
    expect(withDtk.update).toEqual({ state: 'available', versions: ['4.20.3'] });
    expect(withDtk.configs[0]).toMatchObject({
      kernels: [],
      note: 'knownWhenUpdateStarts',
      action: { code: 'waitForNewKernel' },
    });
    expect(readiness(AVAILABLE, {}).configs[0].note).toBe('knownAtFirstReboot');
  });

  it('a tag that exists makes the config ready; a paused pool is then offered Resume', () => {
    const tags = [`${IMAGE}:${OLD}`, `${IMAGE}:${NEW}`];
    const ready = readiness(UPDATING, { 'master-0': NEW }, { tags });
    expect(ready.configs[0].action).toEqual({ code: 'ready' });
    expect(ready.configs[0].flaggedNodes).toEqual([]);
    const paused = readiness(UPDATING, { 'master-0': NEW }, { tags, pausedSfc: true });
    expect(paused.configs[0].pausedPools).toEqual(['sfc']);
    expect(paused.configs[0].action).toEqual({ code: 'resume', pools: ['sfc'] });
    expect(formatReadinessAction(paused.configs[0])).toBe('The tags exist now: resume sfc');
  });

  it('a paused pool without the tag: push it, then resume; nothing more to pause', () => {
    const { configs } = readiness(
      UPDATING,
      { 'master-0': NEW, 'worker-0': NEW },
      { pausedSfc: true },
    );
    expect(configs[0].action).toEqual({
      code: 'pushTag',
      references: [`${IMAGE}:${NEW}`],
      pausedPools: ['sfc'],
    });
    expect(configs[0].flaggedNodes.map((f) => f.node)).toEqual(['master-0', 'worker-0']);
  });

  it('once the config’s nodes run the kernel without its tag, pausing helps no more', () => {
    const kernels = { 'master-0': NEW, 'worker-4': NEW, 'worker-5': NEW };
    const { configs } = readiness(UPDATING, kernels);
    // No longer new for sfc, but still missing: shown and flagged.
    expect(configs[0].kernels).toEqual([
      expect.objectContaining({ kernelVersion: NEW, isNew: false, configNodes: 2 }),
    ]);
    expect(configs[0].flaggedNodes.map((f) => f.node)).toEqual([
      'master-0',
      'worker-4',
      'worker-5',
    ]);
    expect(configs[0].action).toEqual({
      code: 'pushTag',
      references: [`${IMAGE}:${NEW}`],
      pausedPools: [],
    });
  });

  it('says it cannot tell while the registry has not answered, or cannot be asked', () => {
    const checking = readiness(UPDATING, { 'master-0': NEW }, { answer: () => undefined });
    expect(checking.configs[0].action).toEqual({
      code: 'unknown',
      check: { result: 'unknown', reason: 'checking' },
    });
    const noAccess: TagCheck = { result: 'unknown', reason: 'noAccess', namespace: 'default' };
    const denied = readiness(UPDATING, { 'master-0': NEW }, { answer: () => noAccess });
    expect(denied.configs[0].action).toEqual({ code: 'unknown', check: noAccess });
  });

  it('the paused pool flagged during the update is offered Resume once the tag exists (one per pool)', () => {
    const tags = [`${IMAGE}:${OLD}`, `${IMAGE}:${NEW}`];
    const { pools } = readiness(UPDATING, { 'master-0': NEW }, { tags, pausedSfc: true });
    expect(pools).toEqual([
      { pool: 'sfc', paused: true, configs: ['99-sfc-day1'], action: { code: 'resume' } },
    ]);
    expect(formatPoolReadiness(pools[0])).toBe(
      'sfc: every Day 1 config that reaches it has its tags: resume it',
    );
    // Without the tag: one Pause for the pool.
    const missing = readiness(UPDATING, { 'master-0': NEW });
    expect(missing.pools).toEqual([
      {
        pool: 'sfc',
        paused: false,
        configs: ['99-sfc-day1'],
        action: { code: 'pause', configs: ['99-sfc-day1'] },
      },
    ]);
  });

  describe('two configs on one pool: worker’s ice config reaches sfc too', () => {
    const configs = [SFC, ICE];
    const sfcOnly = [`${IMAGE}:${OLD}`, `${IMAGE}:${NEW}`, `${ICE_IMAGE}:${OLD}`];

    it('no Resume for sfc while ice’s image lacks the new kernel’s tag, though sfc’s has it', () => {
      const { configs: byConfig, pools } = readiness(
        UPDATING,
        { 'master-0': NEW },
        { configs, tags: sfcOnly, pausedSfc: true },
      );
      const sfcPool = pools.find((p) => p.pool === 'sfc');
      expect(sfcPool).toEqual({
        pool: 'sfc',
        paused: true,
        configs: ['99-ice-day1', '99-sfc-day1'],
        action: { code: 'keepPaused', configs: ['99-ice-day1'] },
      });
      expect(pools.some((p) => p.action.code === 'resume')).toBe(false);
      const [sfc, ice] = byConfig;
      // sfc's own image is ready, but its pool waits for ice.
      expect(sfc.action).toEqual({
        code: 'waitForOtherConfigs',
        pools: ['sfc'],
        configs: ['99-ice-day1'],
      });
      expect(formatReadinessAction(sfc)).toBe('The tags exist; sfc stays paused for 99-ice-day1');
      // ice says what it lacks, and asks to pause worker (sfc waits already).
      expect(ice.action).toEqual({
        code: 'pushTagAndPause',
        references: [`${ICE_IMAGE}:${NEW}`],
        pools: ['worker'],
      });
      expect(formatPoolReadiness(sfcPool ?? pools[0])).toBe(
        "sfc: keep it paused until 99-ice-day1 has the new kernel's tag",
      );
    });

    it('one Pause per pool, however many configs reach it', () => {
      const tags = [`${IMAGE}:${OLD}`, `${ICE_IMAGE}:${OLD}`];
      const { pools } = readiness(UPDATING, { 'master-0': NEW }, { configs, tags });
      expect(pools).toEqual([
        {
          pool: 'sfc',
          paused: false,
          configs: ['99-ice-day1', '99-sfc-day1'],
          action: { code: 'pause', configs: ['99-ice-day1', '99-sfc-day1'] },
        },
        {
          pool: 'worker',
          paused: false,
          configs: ['99-ice-day1'],
          action: { code: 'pause', configs: ['99-ice-day1'] },
        },
      ]);
    });

    it('Resume once both images have the tag; an unknown answer holds it back', () => {
      const both = [...sfcOnly, `${ICE_IMAGE}:${NEW}`];
      const ready = readiness(
        UPDATING,
        { 'master-0': NEW },
        { configs, tags: both, pausedSfc: true },
      );
      expect(ready.pools).toEqual([
        {
          pool: 'sfc',
          paused: true,
          configs: ['99-ice-day1', '99-sfc-day1'],
          action: { code: 'resume' },
        },
      ]);
      expect(ready.configs.map((c) => c.action)).toEqual([
        { code: 'resume', pools: ['sfc'] },
        { code: 'resume', pools: ['sfc'] },
      ]);
      const unknownIce = (request: TagCheckRequest): TagCheck | undefined =>
        request.image === ICE_IMAGE && request.tag === NEW ? undefined : registry(...both)(request);
      const checking = readiness(
        UPDATING,
        { 'master-0': NEW },
        { configs, answer: unknownIce, pausedSfc: true },
      );
      expect(checking.pools).toEqual([
        expect.objectContaining({
          pool: 'sfc',
          action: { code: 'checking', configs: ['99-ice-day1'] },
        }),
      ]);
    });
  });

  describe('after the ClusterVersion is done (Progressing=False), while pools still update', () => {
    const controlPlaneDone = { 'master-0': NEW, 'master-1': NEW, 'master-2': NEW };
    const releases = {
      master: { done: '4.20.3', target: '4.20.3' },
      worker: { done: '4.19.9', target: '4.20.3' },
      sfc: { done: '4.19.9', target: '4.20.3' },
    };

    it('stays updating while pools have not reached the release: the paused sfc stays flagged', () => {
      const update = readiness(DONE, controlPlaneDone, { releases, pausedSfc: true });
      expect(update.update).toEqual({
        state: 'poolsUpdating',
        version: '4.20.3',
        pools: ['sfc', 'worker'],
      });
      expect(formatClusterUpdate(update.update)).toBe(
        'Updated to 4.20.3; pools still updating: sfc, worker',
      );
      expect(update.configs[0].flaggedNodes.map((f) => f.node)).toEqual([
        'master-0',
        'master-1',
        'master-2',
      ]);
      expect(update.pools).toEqual([
        expect.objectContaining({
          pool: 'sfc',
          action: { code: 'keepPaused', configs: ['99-sfc-day1'] },
        }),
      ]);
      // The tag pushed: Resume is still offered, with the ClusterVersion long done.
      const tagged = readiness(DONE, controlPlaneDone, {
        releases,
        pausedSfc: true,
        tags: [`${IMAGE}:${OLD}`, `${IMAGE}:${NEW}`],
      });
      expect(tagged.update.state).toBe('poolsUpdating');
      expect(tagged.pools).toEqual([
        expect.objectContaining({ pool: 'sfc', action: { code: 'resume' } }),
      ]);
      expect(tagged.configs[0].action).toEqual({ code: 'resume', pools: ['sfc'] });
    });

    it('a pool whose completed config’s release is unknown counts by its target’s', () => {
      const paused = readiness(DONE, controlPlaneDone, {
        releases: { ...releases, sfc: { done: 'unknown', target: '4.20.3' } },
      });
      expect(paused.update).toMatchObject({ pools: ['sfc', 'worker'] });
    });

    it('is done once every pool has reached the release', () => {
      const all = { done: '4.20.3', target: '4.20.3' };
      const kernels = Object.fromEntries(
        ['master-0', 'master-1', 'master-2', 'worker-0', 'worker-4', 'worker-5'].map((n) => [
          n,
          NEW,
        ]),
      );
      const done = readiness(DONE, kernels, {
        releases: { master: all, worker: all, sfc: all },
        tags: [`${IMAGE}:${NEW}`],
      });
      expect(done).toEqual({ update: { state: 'none' }, configs: [], pools: [] });
    });

    it('without the rendered configs’ releases: a node on a newer kernel without its tag keeps it updating', () => {
      const update = readiness(DONE, controlPlaneDone, { pausedSfc: true });
      expect(update.update).toEqual({ state: 'poolsUpdating', version: '4.20.3', pools: ['sfc'] });
      const tagged = readiness(DONE, controlPlaneDone, {
        pausedSfc: true,
        tags: [`${IMAGE}:${OLD}`, `${IMAGE}:${NEW}`],
      });
      // With the tag, nothing tells that sfc is behind: the banner has nothing to say.
      expect(tagged.update).toEqual({ state: 'none' });
      // A cluster never updated (one history entry): a newer kernel somewhere is not an update.
      expect(readiness(cv(false, []), controlPlaneDone).update).toEqual({ state: 'none' });
    });
  });

  it('a kernel of another architecture or flavour is not new for the config’s nodes', () => {
    const ARM_NEW = NEW.replace('x86_64', 'aarch64');
    const rt = node('rt-0', ['rt'], `${NEW}+rt`);
    const arm = node('arm-0', ['worker'], ARM_NEW);
    const { configs, pools } = readiness(UPDATING, {}, { extraNodes: [rt, arm] });
    // Newer versions, but sfc's x86_64 nodes never boot an rt or aarch64 kernel: nothing is new, and
    // their missing tags only flag the nodes that run them.
    expect(configs[0].kernels.map((k) => [k.kernelVersion, k.isNew])).toEqual([
      [ARM_NEW, false],
      [`${NEW}+rt`, false],
    ]);
    expect(configs[0].flaggedNodes.map((f) => f.node)).toEqual(['arm-0', 'rt-0']);
    expect(configs[0].action).toEqual({
      code: 'pushTag',
      references: [`${IMAGE}:${ARM_NEW}`, `${IMAGE}:${NEW}_rt`],
      pausedPools: [],
    });
    expect(pools).toEqual([]);
  });

  it('a declared kernel without the architecture stands for the nodes’ architecture; rt only where it runs', () => {
    const dtk = { kernelVersion: '5.14.0-570.42.2.el9_6', rtKernelVersion: `${NEW}+rt` };
    const { nodes } = cluster({});
    expect(declaredTagChecks([IMAGE], dtk, nodes)).toEqual([{ image: IMAGE, tag: NEW }]);
    const rtNodes = [...nodes, node('rt-0', ['worker'], `${OLD}+rt`)];
    expect(declaredTagChecks([IMAGE], dtk, rtNodes).map((r) => r.tag)).toEqual([NEW, `${NEW}_rt`]);
    expect(declaredTagChecks([IMAGE], undefined, nodes)).toEqual([]);
  });
});
