/**
 * @jest-environment node
 */
import { ManualClock } from '../core/clock';
import type {
  MachineConfigNodeObject,
  NodeObject,
  PoolObject,
  SimObject,
} from '../core/kube-types';
import {
  MACHINE_CONFIGS,
  MACHINE_CONFIG_NODES,
  MACHINE_CONFIG_POOLS,
  NODES,
} from '../core/resources';
import type { ResourceDef } from '../core/resources';
import type { StoreEvent } from '../core/store';
import { collectGarbage } from '../core/garbage-collector';
import { ANNOTATIONS } from '../mco/constants';
import { Simulation } from '../simulation';
import { day1MachineConfig } from './helpers';

const newSimulation = (scenario: 'demo' | 'empty' = 'demo') => {
  const clock = new ManualClock();
  const logs: string[] = [];
  const simulation = new Simulation({ clock, scenario, timeScale: 1, log: (m) => logs.push(m) });
  return { clock, simulation, logs };
};

let clock: ManualClock;
let simulation: Simulation;
let logs: string[];

beforeEach(() => {
  ({ clock, simulation, logs } = newSimulation());
});

afterEach(() => {
  simulation.stop();
});

const pool = (name: string) =>
  simulation.store.get(MACHINE_CONFIG_POOLS, undefined, name) as PoolObject;
const node = (name: string) => simulation.store.get(NODES, undefined, name) as NodeObject;
const mcn = (name: string) =>
  simulation.store.get(MACHINE_CONFIG_NODES, undefined, name) as MachineConfigNodeObject;
const condition = (p: PoolObject, type: string) =>
  p.status?.conditions?.find((c) => c.type === type);
const annotation = (n: NodeObject, key: string) => n.metadata.annotations?.[key];
const createMc = (mc: object) => simulation.store.create(MACHINE_CONFIGS, mc as SimObject);
const editPool = (name: string, edit: (p: PoolObject) => void) => {
  simulation.store.mutate<PoolObject>(MACHINE_CONFIG_POOLS, undefined, name, edit);
};

/** The pool targets a new rendered config and every member node is Done on it, daemons idle. */
const rolledOut = (poolName: string, from: string) => () => {
  const p = pool(poolName);
  const target = p.spec.configuration?.name ?? '';
  if (target === from || condition(p, 'Updated')?.status !== 'True') return false;
  return simulation.operator.allAgents
    .filter((a) => simulation.operator.nodes.poolOf(a.name) === poolName)
    .every((a) => a.idle && annotation(node(a.name), ANNOTATIONS.currentConfig) === target);
};

const recordEvents = () => {
  const events: StoreEvent[] = [];
  simulation.store.onChange((event) => events.push(event));
  return events;
};

describe('render', () => {
  it('renders a pool from the configs its selector picks, owned by the pool', () => {
    const before = pool('sfc').spec.configuration?.name ?? '';
    createMc(day1MachineConfig());
    clock.advance(2000);
    const configuration = pool('sfc').spec.configuration;
    expect(configuration?.name).toMatch(/^rendered-sfc-[0-9a-f]{32}$/);
    expect(configuration?.name).not.toBe(before);
    // Worker configs first, then the pool's own, each by name.
    expect(configuration?.source?.map((s) => s.name)).toEqual([
      '00-worker',
      '01-worker-container-runtime',
      '01-worker-kubelet',
      '97-worker-generated-kubelet',
      '98-worker-generated-kubelet',
      '99-worker-generated-registries',
      '99-worker-ssh',
      '99-sfc-day1',
    ]);
    const rendered = simulation.store.get(MACHINE_CONFIGS, undefined, configuration?.name ?? '');
    if (rendered === undefined) throw new Error('no rendered MachineConfig');
    expect(rendered.metadata.ownerReferences).toEqual([
      expect.objectContaining({
        kind: 'MachineConfigPool',
        name: 'sfc',
        uid: pool('sfc').metadata.uid,
        controller: true,
      }),
    ]);
    expect(rendered.metadata.annotations).toHaveProperty([
      ANNOTATIONS.generatedByControllerVersion,
    ]);
    expect(rendered.metadata.annotations).toHaveProperty([ANNOTATIONS.releaseImageVersion]);
    expect(
      (rendered.spec as { config: { ignition: { version: string } } }).config.ignition.version,
    ).toBe('3.5.0');
    // Worker and master are not selected by the sfc role.
    expect(pool('worker').spec.configuration?.name).toMatch(/^rendered-worker-/);
    expect(pool('worker').spec.configuration?.source?.map((s) => s.name)).not.toContain(
      '99-sfc-day1',
    );
  });

  it.each([
    [
      'an Ignition version MCO does not know',
      { ignition: { version: '3.6.0' } },
      'could not generate rendered MachineConfig: parsing Ignition config failed: unknown version. Supported spec versions: 2.2,3.0,3.1,3.2,3.3,3.4,3.5',
    ],
    [
      'a relative file path',
      {
        ignition: { version: '3.2.0' },
        storage: { files: [{ path: 'etc/x', contents: { source: 'data:,x' } }] },
      },
      'could not generate rendered MachineConfig: invalid ignition V3 config found: error at $.storage.files.0.path: path not absolute\n',
    ],
    [
      'a directories section (irreconcilable on a running cluster)',
      { ignition: { version: '3.2.0' }, storage: { directories: [{ path: '/var/lib/x' }] } },
      'ignition directories section contains changes',
    ],
  ])('marks RenderDegraded for %s and keeps the current config', (_what, config, message) => {
    const before = pool('sfc').spec.configuration?.name;
    createMc({
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: { name: '99-sfc-bad', labels: { 'machineconfiguration.openshift.io/role': 'sfc' } },
      spec: { config },
    });
    clock.advance(5000);
    const p = pool('sfc');
    expect(p.spec.configuration?.name).toBe(before);
    expect(condition(p, 'RenderDegraded')).toMatchObject({ status: 'True', reason: '' });
    expect(condition(p, 'RenderDegraded')?.message).toContain(
      `Failed to render configuration for pool sfc: `,
    );
    expect(condition(p, 'RenderDegraded')?.message).toContain(message);
    expect(condition(p, 'Degraded')?.status).toBe('True');
    expect(condition(pool('worker'), 'RenderDegraded')?.status).toBe('False');
    // Removing the bad config clears it on the next render.
    simulation.store.remove(MACHINE_CONFIGS, undefined, '99-sfc-bad');
    clock.advance(5000);
    expect(condition(pool('sfc'), 'RenderDegraded')?.status).toBe('False');
    expect(condition(pool('sfc'), 'Degraded')?.status).toBe('False');
  });

  it('names the irreconcilable source config', () => {
    const current = pool('sfc').spec.configuration?.name ?? '';
    createMc({
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: {
        name: '99-sfc-links',
        labels: { 'machineconfiguration.openshift.io/role': 'sfc' },
      },
      spec: {
        config: {
          ignition: { version: '3.2.0' },
          storage: { links: [{ path: '/etc/l', target: '/etc/t' }] },
        },
      },
    });
    clock.advance(5000);
    expect(condition(pool('sfc'), 'RenderDegraded')?.message).toBe(
      `Failed to render configuration for pool sfc: could not generate rendered MachineConfig: reconciliation failed between current config "${current}" and base config "99-sfc-links": ignition links section contains changes`,
    );
  });
});

describe('a Day 1 rollout of the sfc pool', () => {
  it('updates node by node, reboots each node twice and loads the module', () => {
    const events = recordEvents();
    const before = pool('sfc').spec.configuration?.name ?? '';
    const bootIdsAtStart = new Map(
      ['worker-4', 'worker-5'].map((name) => [name, node(name).status.nodeInfo.bootID]),
    );
    createMc(day1MachineConfig());
    clock.runUntil(() => {
      const s = simulation.day1Status('worker-5')?.['99-sfc-day1'];
      return (
        rolledOut('sfc', before)() &&
        s?.phase === 'Loaded' &&
        simulation.day1Status('worker-4')?.['99-sfc-day1']?.phase === 'Loaded'
      );
    });
    const target = pool('sfc').spec.configuration?.name ?? '';
    const status = pool('sfc').status;
    expect(status).toMatchObject({
      machineCount: 2,
      updatedMachineCount: 2,
      readyMachineCount: 2,
      unavailableMachineCount: 0,
      degradedMachineCount: 0,
    });
    expect(status?.configuration?.name).toBe(target);
    expect(condition(pool('sfc'), 'Updated')).toMatchObject({
      status: 'True',
      message: `All nodes are updated with MachineConfig ${target}`,
    });
    expect(condition(pool('sfc'), 'Updating')?.status).toBe('False');

    for (const name of ['worker-4', 'worker-5']) {
      const nodeEvents = events.filter(
        (e) => e.resource === NODES && e.object.metadata.name === name,
      );
      // The MCO reboot and the Day 1 pull reboot; the pull ran before the kubelet, so the boot between
      // the two never reached the API: the Node shows the boot before and the last one only.
      expect(simulation.operator.agent(name)?.reboots).toBe(2);
      expect(simulation.operator.agent(name)?.day1Reboots).toBe(1);
      expect(simulation.operator.agent(name)?.bootsWithoutKubelet).toBe(1);
      const bootIds = [
        ...new Set(nodeEvents.map((e) => (e.object as NodeObject).status.nodeInfo.bootID)),
      ];
      const n = node(name);
      expect(bootIds).toEqual([bootIdsAtStart.get(name), n.status.nodeInfo.bootID]);
      expect(annotation(n, ANNOTATIONS.state)).toBe('Done');
      expect(annotation(n, ANNOTATIONS.currentConfig)).toBe(target);
      expect(n.spec.unschedulable).toBeUndefined();
      expect(n.spec.taints ?? []).toEqual([]);
      // Ready went False once (the MCO reboot) and came back only after the Day 1 reboot.
      const readiness = nodeEvents.map(
        (e) => (e.object as NodeObject).status.conditions.find((c) => c.type === 'Ready')?.status,
      );
      expect(readiness.filter((r, i) => r === 'False' && readiness[i - 1] === 'True')).toHaveLength(
        1,
      );
      expect(readiness[readiness.length - 1]).toBe('True');

      const file = simulation.day1Status(name)?.['99-sfc-day1'];
      expect(file).toEqual({
        schemaVersion: 1,
        machineConfig: '99-sfc-day1',
        phase: 'Loaded',
        kernelVersion: n.status.nodeInfo.kernelVersion,
        kernelModule: 'sfc',
        kernelModuleImage: `quay.io/acme/sfc-kmod:${n.status.nodeInfo.kernelVersion}`,
        workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
        bootID: n.status.nodeInfo.bootID,
        moduleLoaded: true,
        inTreeRestored: null,
        rebootsUsed: 1,
        reason: null,
        blockingModule: null,
        lastError: null,
        loadedAt: expect.stringMatching(/Z$/) as unknown,
        updatedAt: expect.stringMatching(/Z$/) as unknown,
      });
      expect(simulation.operator.agent(name)?.day1.loadedModules.has('sfc')).toBe(true);

      // The Day 1 reboot happened inside MCO's update: once the node is Done it stays Ready.
      const objects = nodeEvents.map((e) => e.object as NodeObject);
      const doneAt = objects.findIndex((o) => annotation(o, ANNOTATIONS.currentConfig) === target);
      expect(doneAt).toBeGreaterThan(0);
      expect(objects.slice(doneAt).every((o) => annotation(o, ANNOTATIONS.state) === 'Done')).toBe(
        true,
      );
      expect(
        objects
          .slice(doneAt)
          .every((o) => o.status.conditions.find((c) => c.type === 'Ready')?.status === 'True'),
      ).toBe(true);
    }

    // Nodes of other pools are untouched.
    expect(simulation.operator.agent('worker-0')?.reboots).toBe(0);
  });

  it('sets the annotations, drain requests and MachineConfigNode phases in MCO order', () => {
    const events = recordEvents();
    createMc(day1MachineConfig());
    // The MCO reboot and, before the kubelet starts, the Day 1 reboot: neither shows in the annotations.
    clock.runUntil(
      () =>
        simulation.operator.agent('worker-4')?.reboots === 2 &&
        simulation.operator.agent('worker-4')?.idle === true,
    );
    const target = pool('sfc').spec.configuration?.name ?? '';
    const states = events
      .filter((e) => e.resource === NODES && e.object.metadata.name === 'worker-4')
      .map((e) => {
        const a = e.object.metadata.annotations ?? {};
        return `${a[ANNOTATIONS.state] ?? ''} ${a[ANNOTATIONS.desiredDrain] === `drain-${target}` ? 'drain' : 'uncordon'}/${a[ANNOTATIONS.lastAppliedDrain] === `drain-${target}` ? 'drain' : 'uncordon'}`;
      });
    const distinct = states.filter((s, i) => s !== states[i - 1]);
    expect(distinct).toEqual([
      'Done uncordon/uncordon',
      'Working uncordon/uncordon',
      'Working drain/uncordon',
      'Working drain/drain',
      'Working uncordon/drain',
      'Working uncordon/uncordon',
      'Done uncordon/uncordon',
    ]);

    // Each MachineConfigNode phase as `oc get machineconfignodes -o wide` shows it (§4.8).
    const phases = events
      .filter((e) => e.resource === MACHINE_CONFIG_NODES && e.object.metadata.name === 'worker-4')
      .map((e) => {
        const conditions = (e.object as MachineConfigNodeObject).status?.conditions ?? [];
        return conditions
          .filter((c) => c.status !== 'False')
          .map((c) => `${c.type}=${c.status}`)
          .sort()
          .join(' ');
      });
    expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual([
      // The node controller targets the node (spec.configVersion.desired), then the daemon starts.
      'Updated=True',
      '',
      'UpdatePrepared=True',
      'Cordoned=True UpdateExecuted=Unknown UpdatePrepared=True',
      'Cordoned=True Drained=Unknown UpdateExecuted=Unknown UpdatePrepared=True',
      'Cordoned=True Drained=True UpdateExecuted=Unknown UpdatePrepared=True',
      'AppliedFilesAndOS=Unknown Cordoned=True Drained=True UpdateExecuted=Unknown UpdatePrepared=True',
      'AppliedFilesAndOS=True Cordoned=True Drained=True UpdateExecuted=True UpdatePrepared=True',
      'AppliedFilesAndOS=True Cordoned=True Drained=True RebootedNode=Unknown UpdateExecuted=True UpdatePrepared=True',
      'AppliedFilesAndOS=True Cordoned=True Drained=True RebootedNode=True UpdateExecuted=True UpdatePrepared=True',
      'AppliedFilesAndOS=True Cordoned=True Drained=True RebootedNode=True Resumed=True UpdateExecuted=True UpdatePrepared=True',
      'AppliedFilesAndOS=True Cordoned=True Drained=True RebootedNode=True Resumed=True Uncordoned=True UpdateComplete=True UpdateExecuted=True UpdatePrepared=True',
      'Updated=True',
    ]);
    const final = mcn('worker-4');
    expect(final.spec.configVersion.desired).toBe(target);
    expect(final.status?.configVersion).toEqual({ current: target, desired: target });
    expect(final.status?.conditions?.find((c) => c.type === 'UpdatePrepared')?.message).toBe(
      `Action during update to ${target}: Update Compatible. Post Cfg Actions: [] Drain Required: true`,
    );
  });

  it('counts the pool mid-rollout as MCO does', () => {
    createMc(day1MachineConfig());
    clock.runUntil(() => annotation(node('worker-4'), ANNOTATIONS.state) === 'Working');
    clock.advance(1000);
    const p = pool('sfc');
    expect(p.status).toMatchObject({
      machineCount: 2,
      updatedMachineCount: 0,
      readyMachineCount: 0,
      unavailableMachineCount: 1,
    });
    expect(condition(p, 'Updated')?.status).toBe('False');
    expect(condition(p, 'Updating')).toMatchObject({
      status: 'True',
      message: `All nodes are updating to MachineConfig ${p.spec.configuration?.name ?? ''}`,
    });
    // The node waiting for its turn carries the UpdateInProgress taint.
    expect(node('worker-5').spec.taints).toEqual([
      { key: 'UpdateInProgress', effect: 'PreferNoSchedule' },
    ]);
  });

  it('leaves the in-tree driver when the tag is missing: PullFailed, no second reboot', () => {
    const before = pool('sfc').spec.configuration?.name ?? '';
    createMc(
      day1MachineConfig({
        machineConfigName: '99-ice-day1',
        kernelModuleImage: 'quay.io/acme/ice-kmod',
        kernelModuleName: 'ice',
        inTreeModulesToRemove: ['ice'],
      }),
    );
    clock.runUntil(
      () =>
        rolledOut('sfc', before)() &&
        simulation.day1Status('worker-5')?.['99-ice-day1']?.phase === 'PullFailed' &&
        simulation.day1Status('worker-4')?.['99-ice-day1']?.phase === 'Loaded',
    );
    clock.advance(60_000);
    // worker-5 runs kernel 284, for which the registry has no ice-kmod tag.
    const failed = simulation.day1Status('worker-5')?.['99-ice-day1'];
    expect(failed).toMatchObject({ phase: 'PullFailed', moduleLoaded: false, loadedAt: null });
    expect(failed?.lastError).toBe(
      'could not pull quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64 after 5 attempts: Error: initializing source docker://quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64: reading manifest 5.14.0-284.59.1.el9_2.x86_64 in quay.io/acme/ice-kmod: manifest unknown',
    );
    expect(simulation.operator.agent('worker-5')?.reboots).toBe(1);
    expect(simulation.operator.agent('worker-5')?.day1.loadedModules.has('sfc')).toBe(true);
    expect(simulation.operator.agent('worker-4')?.reboots).toBe(2);
    expect(condition(pool('sfc'), 'Updated')?.status).toBe('True');
  });

  it('refuses the load when the module is loaded in-tree and not listed for removal', () => {
    const before = pool('sfc').spec.configuration?.name ?? '';
    createMc(day1MachineConfig({ inTreeModulesToRemove: [] }));
    clock.runUntil(
      () =>
        rolledOut('sfc', before)() &&
        simulation.day1Status('worker-4')?.['99-sfc-day1']?.phase === 'LoadRefused',
    );
    expect(simulation.day1Status('worker-4')?.['99-sfc-day1']).toMatchObject({
      reason: 'ModuleAlreadyLoaded',
      blockingModule: 'sfc',
      moduleLoaded: false,
    });
    expect(simulation.day1Status('worker-4')?.['99-sfc-day1']?.lastError).toContain(
      'module sfc is already loaded, probably as the in-tree driver',
    );
    // Refused before unloading anything: the in-tree driver is still there.
    expect(simulation.operator.agent('worker-4')?.day1.loadedModules.has('mdio')).toBe(true);
  });
});

describe('node controller', () => {
  it('does not roll a paused pool, and rolls it once resumed', () => {
    editPool('sfc', (p) => {
      p.spec.paused = true;
    });
    const before = pool('sfc').spec.configuration?.name ?? '';
    createMc(day1MachineConfig());
    clock.advance(120_000);
    const p = pool('sfc');
    const target = p.spec.configuration?.name ?? '';
    expect(target).not.toBe(before);
    expect(annotation(node('worker-4'), ANNOTATIONS.desiredConfig)).toBe(before);
    expect(annotation(node('worker-5'), ANNOTATIONS.desiredConfig)).toBe(before);
    expect(condition(p, 'Updated')?.status).toBe('False');
    expect(condition(p, 'Updating')).toMatchObject({
      status: 'False',
      message: `Pool is paused; will not update to MachineConfig ${target}`,
    });
    expect(p.status?.configuration?.name).toBe(before);
    editPool('sfc', (draft) => {
      draft.spec.paused = false;
    });
    clock.runUntil(rolledOut('sfc', before));
  });

  it.each([
    [2, 2],
    ['50%', 2],
    ['10%', 1],
    [undefined, 1],
  ])(
    'keeps at most maxUnavailable=%s nodes unavailable (%s at once)',
    (maxUnavailable, expected) => {
      editPool('worker', (p) => {
        if (maxUnavailable === undefined) Reflect.deleteProperty(p.spec, 'maxUnavailable');
        else p.spec.maxUnavailable = maxUnavailable;
      });
      const before = pool('worker').spec.configuration?.name ?? '';
      createMc({
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfig',
        metadata: {
          name: '99-worker-kargs',
          labels: { 'machineconfiguration.openshift.io/role': 'worker' },
        },
        spec: { config: { ignition: { version: '3.2.0' } }, kernelArguments: ['nosmt'] },
      });
      let most = 0;
      const seen = new Set<number>();
      simulation.store.onChange((event) => {
        if (event.resource !== MACHINE_CONFIG_POOLS || event.object.metadata.name !== 'worker')
          return;
        const count = (event.object as PoolObject).status?.unavailableMachineCount ?? 0;
        most = Math.max(most, count);
        seen.add(count);
      });
      clock.runUntil(rolledOut('worker', before));
      expect(most).toBe(expected);
      expect(pool('worker').status).toMatchObject({ machineCount: 4, updatedMachineCount: 4 });
    },
  );

  it('refuses to manage a node that is in two custom pools', () => {
    simulation.store.create(MACHINE_CONFIG_POOLS, {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfigPool',
      metadata: { name: 'infra' },
      spec: {
        machineConfigSelector: {
          matchExpressions: [
            {
              key: 'machineconfiguration.openshift.io/role',
              operator: 'In',
              values: ['worker', 'infra'],
            },
          ],
        },
        nodeSelector: { matchLabels: { 'node-role.kubernetes.io/infra': '' } },
      },
    });
    simulation.store.mutate<NodeObject>(NODES, undefined, 'worker-5', (n) => {
      n.metadata.labels = { ...n.metadata.labels, 'node-role.kubernetes.io/infra': '' };
    });
    clock.advance(10_000);
    expect(pool('sfc').status?.machineCount).toBe(1);
    expect(pool('infra').status?.machineCount).toBe(0);
    expect(logs).toContain(
      'node controller: node worker-5 belongs to 2 custom roles, cannot proceed with this Node',
    );
  });

  it('moves a relabelled node to its new pool and its rendered config', () => {
    simulation.store.mutate<NodeObject>(NODES, undefined, 'worker-0', (n) => {
      n.metadata.labels = { ...n.metadata.labels, 'node-role.kubernetes.io/sfc': '' };
    });
    clock.runUntil(
      () =>
        simulation.operator.agent('worker-0')?.idle === true &&
        annotation(node('worker-0'), ANNOTATIONS.currentConfig) ===
          pool('sfc').spec.configuration?.name,
    );
    expect(pool('sfc').status?.machineCount).toBe(3);
    expect(pool('worker').status?.machineCount).toBe(3);
  });
});

/**
 * A custom pool as MCO's docs (custom-pools.md) and KMM's Day 1 docs show it, with worker-0 labelled
 * into it and a Day 1 config for it, rolled out.
 */
const rollOutIcePool = () => {
  const icePool: object = {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: { name: 'ice' },
    spec: {
      machineConfigSelector: {
        matchExpressions: [
          {
            key: 'machineconfiguration.openshift.io/role',
            operator: 'In',
            values: ['worker', 'ice'],
          },
        ],
      },
      nodeSelector: { matchLabels: { 'node-role.kubernetes.io/ice': '' } },
      maxUnavailable: 1,
    },
  };
  simulation.store.create(MACHINE_CONFIG_POOLS, icePool as SimObject);
  simulation.store.mutate<NodeObject>(NODES, undefined, 'worker-0', (n) => {
    n.metadata.labels = { ...n.metadata.labels, 'node-role.kubernetes.io/ice': '' };
  });
  createMc(
    day1MachineConfig({
      machineConfigName: '99-ice-day1',
      machineConfigPoolRef: 'ice',
      kernelModuleImage: 'quay.io/acme/ice-kmod',
      kernelModuleName: 'ice',
      inTreeModulesToRemove: ['ice'],
    }),
  );
  clock.runUntil(
    () =>
      condition(pool('ice'), 'Updated')?.status === 'True' &&
      simulation.day1Status('worker-0')?.['99-ice-day1']?.phase === 'Loaded',
  );
};

/** worker-0's daemon is idle and Done on `config`. */
const doneOn = (config: () => string | undefined) => () => {
  const n = node('worker-0');
  return (
    simulation.operator.agent('worker-0')?.idle === true &&
    annotation(n, ANNOTATIONS.state) === 'Done' &&
    annotation(n, ANNOTATIONS.currentConfig) === config() &&
    annotation(n, ANNOTATIONS.desiredConfig) === config()
  );
};

const reboots = () => simulation.operator.agent('worker-0')?.reboots ?? 0;

const removeIceLabel = () => {
  simulation.store.mutate<NodeObject>(NODES, undefined, 'worker-0', (n) => {
    const labels = { ...n.metadata.labels };
    Reflect.deleteProperty(labels, 'node-role.kubernetes.io/ice');
    n.metadata.labels = labels;
  });
};

const deleteObject = (resource: ResourceDef, name: string) => {
  const deleted = simulation.store.remove(resource, undefined, name);
  if (deleted) collectGarbage(simulation.store, deleted);
};

describe('a new custom pool', () => {
  it('renders, takes over its labelled node and rolls out its Day 1 config', () => {
    rollOutIcePool();
    expect(pool('ice').status).toMatchObject({ machineCount: 1, updatedMachineCount: 1 });
    expect(pool('ice').spec.configuration?.source?.map((s) => s.name)).toContain('99-ice-day1');
    expect(pool('worker').status?.machineCount).toBe(3);
    expect(mcn('worker-0').spec.pool.name).toBe('ice');
    expect(reboots()).toBe(2);
  });
});

describe('removing a custom pool with its Day 1 config', () => {
  const workerTarget = () => pool('worker').spec.configuration?.name;

  it("labels first: the node leaves the pool, moves to worker's config and reboots once", () => {
    rollOutIcePool();
    const before = reboots();
    removeIceLabel();
    clock.runUntil(doneOn(workerTarget));
    expect(annotation(node('worker-0'), ANNOTATIONS.currentConfig)).toMatch(/^rendered-worker-/);
    expect(pool('ice').status?.machineCount).toBe(0);
    expect(pool('worker').status?.machineCount).toBe(4);
    expect(mcn('worker-0').spec.pool.name).toBe('worker');
    // The config and the pool go once the node has moved: nothing reaches worker-0 any more.
    deleteObject(MACHINE_CONFIGS, '99-ice-day1');
    deleteObject(MACHINE_CONFIG_POOLS, 'ice');
    clock.advance(600_000);
    expect(doneOn(workerTarget)()).toBe(true);
    expect(reboots()).toBe(before + 1);
    expect(
      simulation.store
        .list(MACHINE_CONFIGS)
        .filter((mc) => mc.metadata.name.startsWith('rendered-ice-')),
    ).toEqual([]);
  });

  it("the config first: MCO reboots the node onto the pool's new config, then again onto worker's", () => {
    rollOutIcePool();
    const before = reboots();
    const iceTarget = pool('ice').spec.configuration?.name;
    deleteObject(MACHINE_CONFIGS, '99-ice-day1');
    clock.runUntil(
      doneOn(() => {
        const target = pool('ice').spec.configuration?.name;
        return target === iceTarget ? undefined : target;
      }),
    );
    expect(reboots()).toBe(before + 1);
    removeIceLabel();
    clock.runUntil(doneOn(workerTarget));
    expect(reboots()).toBe(before + 2);
  });
});

describe('faults', () => {
  it('degrades a node on its next update, reports it on the pool, and recovers when cleared', () => {
    simulation.applyFaults({ degradeNode: 'worker-4' });
    createMc(day1MachineConfig());
    clock.runUntil(() => annotation(node('worker-4'), ANNOTATIONS.state) === 'Degraded');
    clock.advance(3000);
    const current = annotation(node('worker-4'), ANNOTATIONS.currentConfig) ?? '';
    const reason = `unexpected on-disk state validating against ${current}: content mismatch for file "/etc/kubernetes/kubelet-ca.crt"`;
    expect(annotation(node('worker-4'), ANNOTATIONS.reason)).toBe(reason);
    const p = pool('sfc');
    expect(p.status?.degradedMachineCount).toBe(1);
    expect(condition(p, 'NodeDegraded')).toMatchObject({
      status: 'True',
      reason: '1 nodes are reporting degraded status on sync',
      message: `Node worker-4 is reporting: ${JSON.stringify(reason)}`,
    });
    expect(condition(p, 'Degraded')).toMatchObject({
      status: 'True',
      message: `Node worker-4 is reporting: ${JSON.stringify(reason)}`,
    });
    expect(condition(p, 'Updating')?.status).toBe('True');
    expect(
      mcn('worker-4').status?.conditions?.find((c) => c.type === 'NodeDegraded'),
    ).toMatchObject({
      status: 'True',
      message: `Node worker-4 upgrade failure. ${reason}`,
    });
    // A failing node counts against maxUnavailable: worker-5 waits.
    clock.advance(120_000);
    expect(annotation(node('worker-5'), ANNOTATIONS.desiredConfig)).toBe(current);

    simulation.applyFaults({ clear: true });
    clock.runUntil(
      () =>
        condition(pool('sfc'), 'Updated')?.status === 'True' &&
        simulation.operator.allAgents.every((a) => a.idle),
    );
    expect(annotation(node('worker-4'), ANNOTATIONS.state)).toBe('Done');
    expect(annotation(node('worker-4'), ANNOTATIONS.reason)).toBe('');
    expect(pool('sfc').status?.degradedMachineCount).toBe(0);
  });

  it('degrades a node whose drain hangs for an hour, and finishes once the drain is freed', () => {
    simulation.applyFaults({ hangDrain: 'worker-4' });
    const before = pool('sfc').spec.configuration?.name ?? '';
    createMc(day1MachineConfig());
    clock.runUntil(
      () =>
        mcn('worker-4').status?.conditions?.some(
          (c) =>
            c.type === 'Drained' && c.message.startsWith('Error: Node Drain has not succeeded'),
        ) === true,
    );
    expect(annotation(node('worker-4'), ANNOTATIONS.state)).toBe('Working');
    expect(node('worker-4').spec.unschedulable).toBe(true);
    clock.advance(3_600_000);
    expect(annotation(node('worker-4'), ANNOTATIONS.state)).toBe('Degraded');
    expect(annotation(node('worker-4'), ANNOTATIONS.reason)).toBe(
      'failed to drain node: worker-4 after 1 hour. Please see machine-config-controller logs for more information',
    );
    simulation.applyFaults({ clear: true });
    clock.runUntil(rolledOut('sfc', before));
    expect(annotation(node('worker-4'), ANNOTATIONS.state)).toBe('Done');
  });
});

describe('malformed objects', () => {
  it('are logged once and skipped; the rest of every step goes on', () => {
    const worker = { 'node-role.kubernetes.io/worker': '' };
    // Bypassing the API on purpose: objects no API server default would repair.
    simulation.store.create(NODES, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'bare-node', labels: worker },
      spec: {},
      status: {},
    });
    simulation.store.create(NODES, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'odd-node', labels: worker },
      spec: {},
      status: { conditions: 'Ready', nodeInfo: { kernelVersion: 42 } },
    });
    simulation.store.create(MACHINE_CONFIG_POOLS, {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfigPool',
      metadata: { name: 'odd-pool' },
      spec: {
        machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': 'odd' } },
        nodeSelector: { matchExpressions: [{ key: 'x', operator: 'Near' }] },
      },
    });
    simulation.store.create(MACHINE_CONFIGS, {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfig',
      metadata: { name: '99-odd', labels: { 'machineconfiguration.openshift.io/role': 7 } },
      spec: {},
    } as unknown as SimObject);
    const before = pool('sfc').spec.configuration?.name ?? '';
    createMc(day1MachineConfig());
    clock.runUntil(rolledOut('sfc', before));
    // Time for every controller to read the bad objects many times over.
    clock.advance(10 * 60_000);

    expect(logs.filter((line) => line.includes('simulation step failed'))).toEqual([]);
    expect(logs.filter((line) => line.startsWith('skipping malformed'))).toEqual([
      'skipping malformed Node bare-node: status.conditions is not a list of conditions',
      'skipping malformed Node odd-node: status.conditions is not a list of conditions',
      'skipping malformed MachineConfigPool odd-pool: spec.nodeSelector: "Near" is not a valid label selector operator',
      'skipping malformed MachineConfig 99-odd: metadata.labels["machineconfiguration.openshift.io/role"] is not a string',
    ]);
    expect(simulation.day1Status('worker-4')?.['99-sfc-day1']?.phase).toBe('Loaded');
    expect(pool('worker').status?.machineCount).toBe(4);
    expect(simulation.state().nodes).toContainEqual({ name: 'bare-node', malformed: true });
  });

  it('is reported again once it changes, and read again once repaired', () => {
    simulation.store.create(NODES, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'bare-node', labels: { 'node-role.kubernetes.io/worker': '' } },
      spec: {},
      status: {},
    });
    clock.advance(60_000);
    simulation.store.mutate<NodeObject>(NODES, undefined, 'bare-node', (n) => {
      n.metadata.annotations = { note: 'still bare' };
    });
    clock.advance(60_000);
    expect(
      logs.filter((line) => line.startsWith('skipping malformed Node bare-node')),
    ).toHaveLength(2);
    const worker0 = node('worker-0');
    simulation.store.mutate<NodeObject>(NODES, undefined, 'bare-node', (n) => {
      n.status = structuredClone(worker0.status);
    });
    clock.advance(60_000);
    expect(simulation.operator.nodes.poolOf('bare-node')).toBe('worker');
    expect(pool('worker').status?.machineCount).toBe(5);
  });
});
