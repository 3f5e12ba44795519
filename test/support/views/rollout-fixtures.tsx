/**
 * Test fixtures for the rollout views: a cluster mid-rollout (MCO-shaped objects from
 * test/support/rollout-objects.ts) served through the mocked SDK's useK8sWatchResources, the page
 * rendered at its route, and the Verify pod's log as the simulator prints it.
 */
import {
  HttpError,
  consoleFetchText,
  useK8sWatchResources,
} from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { R1, R2, ago, condition, machineConfigNode, node, pool } from '../rollout-objects';
import type {
  MachineConfig,
  MachineConfigNode,
  MachineConfigPool,
  Node,
} from '../../../src/k8s/types';
import { produceMachineConfig } from '../../../src/producer';
import Day1RolloutPage from '../../../src/views/day1-rollout/Day1RolloutPage';
import { day1StatusFile } from '../day1-status-file';

export const SFC_TARGET = 'rendered-sfc-22222222222222222222222222222222';
const SFC_CURRENT = 'rendered-sfc-11111111111111111111111111111111';

/** The uid and resourceVersion the API server adds. */
const withRevision = <T extends { metadata: { name: string } }>(
  object: T,
  resourceVersion: string,
): T => ({
  ...object,
  metadata: { ...object.metadata, uid: `uid-${object.metadata.name}`, resourceVersion },
});

export const sfcDay1Config = (): MachineConfig =>
  withRevision(
    produceMachineConfig({
      machineConfigName: '99-sfc-day1',
      machineConfigPoolRef: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod',
      kernelModuleName: 'sfc',
      inTreeModulesToRemove: ['sfc', 'mdio'],
    }),
    '5',
  );

/** The sfc pool moving to a target that brings 99-sfc-day1, one node at a time. */
export const sfcPool = (paused = false): MachineConfigPool => ({
  ...pool({
    name: 'sfc',
    target: SFC_TARGET,
    current: SFC_CURRENT,
    sources: ['00-worker', '99-sfc-day1'],
    maxUnavailable: 1,
    paused,
  }),
  metadata: { name: 'sfc', uid: 'uid-sfc', resourceVersion: paused ? '11' : '10' },
});

const sfcRoles = ['sfc', 'worker'];

/** sfc-a done, sfc-b degraded on its way, sfc-c waiting. */
export const sfcNodes = (): Node[] =>
  [
    node('sfc-a', { current: SFC_TARGET, roles: sfcRoles, bootID: 'boot-sfc-a' }),
    node('sfc-b', {
      current: SFC_CURRENT,
      desired: SFC_TARGET,
      state: 'Degraded',
      reason:
        'unexpected on-disk state: content mismatch for file "/etc/kubernetes/kubelet-ca.crt"',
      roles: sfcRoles,
    }),
    node('sfc-c', { current: SFC_CURRENT, roles: sfcRoles }),
  ].map((n, i) => withRevision(n, String(20 + i)));

/** `count` worker nodes, all updated: enough for several pages. */
export const workerNodes = (count: number): Node[] =>
  Array.from({ length: count }, (_, i) =>
    node(`worker-${String(i).padStart(3, '0')}`, { current: R2 }),
  );

export const workerPool = (): MachineConfigPool =>
  pool({ name: 'worker', target: R2, current: R1 });

/** sfc-b's MachineConfigNode: prepared and drained, then degraded. */
export const sfcMachineConfigNodes = (): MachineConfigNode[] => [
  withRevision(
    machineConfigNode('sfc-b', { current: SFC_CURRENT, desired: SFC_TARGET }, [
      condition('UpdatePrepared', 'True', 'Update is compatible', ago(9)),
      condition('Drained', 'True', 'Drained node', ago(8)),
      condition(
        'NodeDegraded',
        'True',
        'unexpected on-disk state: content mismatch for file "/etc/kubernetes/kubelet-ca.crt"',
        ago(7),
      ),
      condition('Updated', 'False', 'Node sfc-b needs an update', ago(9)),
    ]),
    '30',
  ),
];

/** [data, loaded, loadError]; a kind left out stays loading. */
type Answer = [K8sResourceCommon[], boolean, unknown?];
export interface ClusterAnswers {
  pools?: Answer;
  nodes?: Answer;
  machineConfigNodes?: Answer;
  machineConfigs?: Answer;
}

const asList = (objects: object[]): K8sResourceCommon[] => objects;

export const loaded = (objects: object[]): Answer => [asList(objects), true];

/** Programs the mocked useK8sWatchResources per key, and checks the page asks for list watches only. */
export const serveCluster = (answers: ClusterAnswers): void => {
  jest.mocked(useK8sWatchResources).mockImplementation((resources) =>
    Object.fromEntries(
      Object.entries(resources).map(([key, resource]) => {
        if (!resource.isList) throw new Error(`${key}: the rollout page watches lists only`);
        const [data, isLoaded, loadError] = answers[key as keyof ClusterAnswers] ?? [[], false];
        return [key, { data, loaded: isLoaded, loadError }];
      }),
    ),
  );
};

/** The node proxy: sfc-a, which MCO is done with, has loaded the module; no other node has a file. */
export const serveSfcStatusFiles = (): void => {
  jest
    .mocked(consoleFetchText)
    .mockImplementation((url: string) =>
      url === '/api/kubernetes/api/v1/nodes/sfc-a/proxy/logs/kmm-day1/99-sfc-day1/status.json'
        ? Promise.resolve(statusFile())
        : Promise.reject(new HttpError('Not Found', 404)),
    );
};

export const serveSfcRollout = ({
  paused = false,
  workers = 0,
}: { paused?: boolean; workers?: number } = {}): void => {
  serveSfcStatusFiles();
  serveCluster({
    pools: loaded([sfcPool(paused), workerPool()]),
    nodes: loaded([...sfcNodes(), ...workerNodes(workers)]),
    machineConfigNodes: loaded(sfcMachineConfigNodes()),
    machineConfigs: loaded([sfcDay1Config()]),
  });
};

/** The rollout page at `path`, under the routes console-extensions.json declares. */
export const rolloutPage = (path = '/day1-kernel-modules/rollout/sfc') => (
  <MemoryRouter initialEntries={[path]}>
    <Routes>
      <Route path="/day1-kernel-modules/rollout" element={<Day1RolloutPage />} />
      <Route path="/day1-kernel-modules/rollout/:pool" element={<Day1RolloutPage />} />
    </Routes>
  </MemoryRouter>
);

export const renderRolloutPage = (path?: string) => render(rolloutPage(path));

/** A Day 1 status file as the node scripts write it, from this node's boot. */
export const statusFile = (changes: Record<string, unknown> = {}): string =>
  day1StatusFile({ bootID: 'boot-sfc-a', ...changes });

/** The Verify pod's log for 99-sfc-day1, as the simulator prints it. */
export const verifyLog = (status: string, modules: string[]): string =>
  [
    '--- kmm-day1-verify begin ---',
    '--- kmm-day1-verify status 99-sfc-day1 ---',
    status.trimEnd(),
    '--- kmm-day1-verify lsmod ---',
    'Module                  Size  Used by',
    ...modules.map((m) => `${m.padEnd(24)}200000  0`),
    '--- kmm-day1-verify journal 99-sfc-day1-replace-kernel-module.service ---',
    'kmm-day1[99-sfc-day1]: module sfc loaded from quay.io/acme/sfc-kmod',
    '--- kmm-day1-verify journal 99-sfc-day1-pull-kernel-module-image.service ---',
    '-- No entries --',
    '--- kmm-day1-verify end ---',
    '',
  ].join('\n');
