/**
 * The scenarios `--scenario` picks: `demo` (3 masters, 6 workers, custom pool `sfc` with 2 of them, two
 * kernels), `coverage` (demo, then KMM's ice config for the worker pool, whose image lacks the el9_2
 * kernel's tag), `upgrade` (demo on one kernel, the sfc Day 1 config, and an OpenShift update to a new
 * kernel available), `large` (2,000 nodes in 10 pools) and `empty` (masters and workers only). Each starts as a
 * settled cluster: every pool rendered and Updated, every node Done on its pool's rendered config.
 * `bare` has namespaces only, for tests of API clients that bring their own objects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { clusterVersion, driverToolkitStream, driverToolkitTags } from '../cvo/objects';
import { INSTALLED, NEXT } from '../cvo/releases';
import type {
  MachineConfigNodeObject,
  MachineConfigObject,
  NodeObject,
  PoolObject,
  SimObject,
} from '../core/kube-types';
import { timestamp } from '../core/store';
import { KMM_DEFAULT_WORKER_IMAGE } from '../node/day1-config';
import { computeMembership } from '../mco/membership';
import { newMachineConfigNode } from '../mco/machine-config-node';
import { calculatePoolStatus, setPoolCondition } from '../mco/pool-status';
import { configurationFor, renderPool, renderedMachineConfig } from '../mco/render';
import type { RenderedConfig } from '../mco/render';
import type { NodeHardware } from '../mco/daemon';
import {
  KERNELS,
  ZONES,
  baseMachineConfigs,
  makeNamespace,
  makeNode,
  makePool,
  settleNode,
} from './objects';
import type { KernelChoice, PoolInput } from './objects';

export const SCENARIOS = ['demo', 'coverage', 'upgrade', 'large', 'empty', 'bare'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const isScenarioName = (name: unknown): name is ScenarioName =>
  typeof name === 'string' && (SCENARIOS as readonly string[]).includes(name);

export interface Scenario {
  name: ScenarioName;
  namespaces: SimObject[];
  machineConfigs: MachineConfigObject[];
  pools: PoolObject[];
  nodes: NodeObject[];
  machineConfigNodes: MachineConfigNodeObject[];
  /** Rendered configs with their sources, for the render controller's Day 1 bookkeeping. */
  rendered: RenderedConfig[];
  hardware: Map<string, NodeHardware>;
  registry: { images: string[]; private: string[] };
  /** ClusterVersion `version` (none in `bare`). */
  clusterVersions: SimObject[];
  /** `openshift/driver-toolkit` and its ImageStreamTags. */
  imageStreams: SimObject[];
  imageStreamTags: SimObject[];
  /** MachineConfigs created once the cluster runs, as a user would with `oc create`: MCO rolls them out. */
  created: MachineConfigObject[];
  /** KMM's BootModuleConfigs (KMM 2.5), stored only: KMM's controller is not simulated. */
  bootModuleConfigs: SimObject[];
}

interface NodePlan {
  name: string;
  roles: string[];
  kernel: KernelChoice;
  inTreeModules: string[];
}

const HOUR = 3_600_000;
const POOL_CONDITION_ORDER = ['RenderDegraded', 'NodeDegraded', 'Degraded', 'Updated', 'Updating'];

const masters = (): NodePlan[] =>
  [0, 1, 2].map((i) => ({
    name: `master-${String(i)}`,
    roles: ['control-plane', 'master'],
    kernel: KERNELS.rhel94,
    inTreeModules: [],
  }));

const demoPlan = (): { pools: Omit<PoolInput, 'created'>[]; nodes: NodePlan[] } => ({
  pools: [{ name: 'master' }, { name: 'worker' }, { name: 'sfc', custom: { maxUnavailable: 1 } }],
  nodes: [
    ...masters(),
    ...[0, 1, 2, 3, 4, 5].map((i) => ({
      name: `worker-${String(i)}`,
      roles: i >= 4 ? ['sfc', 'worker'] : ['worker'],
      // Two kernels across the workers, and both in the sfc pool (worker-4 and worker-5).
      kernel: i % 2 === 0 ? KERNELS.rhel94 : KERNELS.rhel92,
      // The sfc nodes have Solarflare NICs (in-tree sfc driver); the others Intel E810 (ice).
      inTreeModules: i >= 4 ? ['sfc', 'mdio'] : ['ice'],
    })),
  ],
});

/**
 * `demo`'s cluster with every node on the installed release's kernel, an update to a release with a new
 * kernel available, and the product's `99-sfc-day1` created at start (it rolls out to `sfc`). The
 * registry has `quay.io/acme/sfc-kmod` for the installed kernel only.
 */
const upgradePlan = (): { pools: Omit<PoolInput, 'created'>[]; nodes: NodePlan[] } => {
  const demo = demoPlan();
  return { pools: demo.pools, nodes: demo.nodes.map((n) => ({ ...n, kernel: KERNELS.rhel94 })) };
};

/** A checked-in MachineConfig (test/fixtures/machine-configs), as a user would `oc create` it. */
const machineConfigFixture = (file: string): MachineConfigObject =>
  load(
    readFileSync(
      join(__dirname, '..', '..', '..', 'test', 'fixtures', 'machine-configs', file),
      'utf8',
    ),
  ) as MachineConfigObject;

/** The product's Day 1 config for `sfc`, as `day1-utility` made it. */
const sfcDay1Config = (): MachineConfigObject => machineConfigFixture('99-sfc-day1.product.yaml');

const LARGE_POOLS: [string, number | string][] = [
  ['sfc', '10%'],
  ['ice', 2],
  ['infra', 1],
  ['storage', '5%'],
  ['gpu', 3],
  ['edge', '20%'],
  ['telco', 1],
  ['batch', 5],
];

const largePlan = (): { pools: Omit<PoolInput, 'created'>[]; nodes: NodePlan[] } => {
  const nodes = masters();
  const perCustomPool = 200;
  const workers = 2000 - nodes.length;
  for (let i = 0; i < workers; i++) {
    const custom = LARGE_POOLS[Math.floor(i / perCustomPool)] as
      [string, number | string] | undefined;
    nodes.push({
      name: `worker-${String(i).padStart(4, '0')}`,
      roles: custom === undefined ? ['worker'] : [custom[0], 'worker'],
      kernel: i % 2 === 0 ? KERNELS.rhel94 : KERNELS.rhel92,
      inTreeModules: custom?.[0] === 'sfc' ? ['sfc', 'mdio'] : ['ice'],
    });
  }
  return {
    pools: [
      { name: 'master' },
      { name: 'worker' },
      ...LARGE_POOLS.map(([name, maxUnavailable]) => ({ name, custom: { maxUnavailable } })),
    ],
    nodes,
  };
};

const emptyPlan = (): { pools: Omit<PoolInput, 'created'>[]; nodes: NodePlan[] } => ({
  pools: [{ name: 'master' }, { name: 'worker' }],
  nodes: [
    ...masters(),
    ...[0, 1, 2].map((i) => ({
      name: `worker-${String(i)}`,
      roles: ['worker'],
      kernel: i % 2 === 0 ? KERNELS.rhel94 : KERNELS.rhel92,
      inTreeModules: ['ice'],
    })),
  ],
});

/**
 * `coverage`: KMM's ice config for the worker pool (test/fixtures/machine-configs/99-ice-day1.kmm.yaml,
 * which the simulator's tests use too). Its image, quay.io/acme/ice-kmod, has a tag for the el9_4 kernel
 * only, so the workers on el9_2 keep the in-tree ice driver: coverage is 1 of 2 kernels.
 */
const iceDay1Config = (): MachineConfigObject => machineConfigFixture('99-ice-day1.kmm.yaml');

/**
 * In `coverage`, KMM 2.5 manages the ice config: a BootModuleConfig in `openshift-kmm` names it, so the
 * console shows it as managed by KMM and read-only.
 */
const KMM_NAMESPACE = 'openshift-kmm';
const iceBootModuleConfig = (created: string): SimObject => ({
  apiVersion: 'kmm.sigs.x-k8s.io/v1beta1',
  kind: 'BootModuleConfig',
  metadata: {
    name: 'ice-day1',
    namespace: KMM_NAMESPACE,
    uid: 'bmc-ice-day1',
    resourceVersion: '1',
    generation: 1,
    creationTimestamp: created,
  },
  spec: {
    machineConfigName: '99-ice-day1',
    machineConfigPoolName: 'worker',
    kernelModuleImage: 'quay.io/acme/ice-kmod',
    kernelModuleName: 'ice',
    inTreeModulesToRemove: ['ice'],
  },
});

/** Images the simulated registry starts with. */
const registryFor = (): Scenario['registry'] => ({
  images: [
    KMM_DEFAULT_WORKER_IMAGE,
    `quay.io/acme/sfc-kmod:${KERNELS.rhel94.kernelVersion}`,
    `quay.io/acme/sfc-kmod:${KERNELS.rhel92.kernelVersion}`,
    // The vendor's next driver release, for both kernels: a config edited to it pulls it.
    `quay.io/acme/sfc-kmod-v2:${KERNELS.rhel94.kernelVersion}`,
    `quay.io/acme/sfc-kmod-v2:${KERNELS.rhel92.kernelVersion}`,
    // Built for one kernel only: nodes on the other kernel fail to pull it.
    `quay.io/acme/ice-kmod:${KERNELS.rhel94.kernelVersion}`,
    `registry.example.com/acme-private/ice-kmod:${KERNELS.rhel94.kernelVersion}`,
    `registry.example.com/acme-private/ice-kmod:${KERNELS.rhel92.kernelVersion}`,
  ],
  // Needs credentials the ImageStreamImport does not have; nodes pull it with the cluster pull secret.
  private: ['registry.example.com/acme-private/ice-kmod'],
});

/** Builds a settled cluster for a scenario, with `now` as the current time. */
export const buildScenario = (name: ScenarioName, now: number): Scenario => {
  const plan =
    name === 'demo' || name === 'coverage'
      ? demoPlan()
      : name === 'large'
        ? largePlan()
        : name === 'upgrade'
          ? upgradePlan()
          : emptyPlan();
  const installed = now - 48 * HOUR;
  const installedAt = timestamp(installed);
  const namespaces = [
    'default',
    'kmm-day1-checks',
    'openshift',
    'openshift-machine-config-operator',
    ...(name === 'coverage' ? [KMM_NAMESPACE] : []),
  ].map((ns) => makeNamespace(ns, installedAt));
  // An API server with nothing in it yet: for tests of API clients that bring their own objects.
  if (name === 'bare') {
    return {
      name,
      namespaces,
      machineConfigs: [],
      pools: [],
      nodes: [],
      machineConfigNodes: [],
      rendered: [],
      hardware: new Map(),
      registry: registryFor(),
      clusterVersions: [],
      imageStreams: [],
      imageStreamTags: [],
      created: [],
      bootModuleConfigs: [],
    };
  }
  const machineConfigs = [
    ...baseMachineConfigs('master', installedAt),
    ...baseMachineConfigs('worker', installedAt),
  ];
  const pools = plan.pools.map((p) => makePool({ ...p, created: installedAt }));
  const nodes = plan.nodes.map((node, i) =>
    makeNode({
      name: node.name,
      roles: node.roles,
      zone: ZONES[i % ZONES.length],
      kernel: node.kernel,
      // Masters first, then workers a few minutes later, as an installer brings them up.
      created: installed + (node.roles.includes('master') ? 0 : 6 * 60_000) + i * 1000,
      ip: `10.0.${String(Math.floor(i / 250))}.${String((i % 250) + 4)}`,
    }),
  );

  const rendered: RenderedConfig[] = [];
  for (const pool of pools) {
    const outcome = renderPool(pool, machineConfigs, undefined);
    if (outcome.kind !== 'ok')
      throw new Error(`scenario ${name}: pool ${pool.metadata.name} does not render`);
    rendered.push(outcome.rendered);
    pool.spec.configuration = configurationFor(outcome.rendered);
  }
  // Identical specs give one rendered config name; MCO creates it once per pool that owns it.
  const renderedObjects = new Map<string, MachineConfigObject>();
  pools.forEach((pool, i) => {
    const mc = renderedMachineConfig(pool, rendered[i]);
    mc.metadata.creationTimestamp = timestamp(installed + 30_000);
    if (!renderedObjects.has(mc.metadata.name)) renderedObjects.set(mc.metadata.name, mc);
  });

  const membership = computeMembership(nodes, pools);
  const settledAt = timestamp(installed + 20 * 60_000);
  const machineConfigNodes: MachineConfigNodeObject[] = [];
  for (const node of nodes) {
    const pool = pools.find((p) => p.metadata.name === membership.poolOf.get(node.metadata.name));
    if (pool?.spec.configuration?.name === undefined) continue;
    settleNode(node, pool.spec.configuration.name);
    machineConfigNodes.push(newMachineConfigNode(node, pool.metadata.name, settledAt));
  }
  for (const pool of pools) {
    const status: PoolObject['status'] = {};
    setPoolCondition(status, 'RenderDegraded', 'False', '', '', timestamp(installed + 30_000));
    pool.status = status;
    pool.status = calculatePoolStatus(
      pool,
      membership.members.get(pool.metadata.name) ?? [],
      settledAt,
    );
    pool.status.conditions?.sort(
      (a, b) => POOL_CONDITION_ORDER.indexOf(a.type) - POOL_CONDITION_ORDER.indexOf(b.type),
    );
    pool.metadata.generation = 2;
    pool.status.observedGeneration = 2;
  }

  return {
    name,
    namespaces,
    machineConfigs: [...machineConfigs, ...renderedObjects.values()],
    pools,
    nodes,
    machineConfigNodes,
    rendered,
    hardware: new Map(plan.nodes.map((n) => [n.name, { inTreeModules: n.inTreeModules }])),
    registry: registryFor(),
    clusterVersions: [
      clusterVersion(INSTALLED, name === 'upgrade' ? [NEXT] : [], installedAt, settledAt),
    ],
    imageStreams: [driverToolkitStream([INSTALLED], installedAt)],
    imageStreamTags: driverToolkitTags([INSTALLED], installedAt),
    created: name === 'coverage' ? [iceDay1Config()] : name === 'upgrade' ? [sfcDay1Config()] : [],
    bootModuleConfigs: name === 'coverage' ? [iceBootModuleConfig(installedAt)] : [],
  };
};
