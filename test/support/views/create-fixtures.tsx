/**
 * Test fixtures for the create page: a small cluster shaped like the simulator's demo scenario, served
 * through the mocked SDK's watch hook, and a registry that answers ImageStreamImports.
 */
import { HttpError, k8sCreate, useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import type { ImageStreamImport, MachineConfigPool, Node } from '../../../src/k8s/types';
import { produceMachineConfigPool } from '../../../src/producer';
import Day1CreatePage from '../../../src/views/day1-create/Day1CreatePage';

export const EL9_4 = '5.14.0-427.13.1.el9_4.x86_64';
export const EL9_2 = '5.14.0-284.59.1.el9_2.x86_64';

const node = (name: string, roles: string[], kernelVersion: string): Node => ({
  metadata: {
    name,
    labels: Object.fromEntries(roles.map((role) => [`node-role.kubernetes.io/${role}`, ''])),
  },
  status: { nodeInfo: { kernelVersion } },
});

const builtInPool = (name: string, machineCount: number): MachineConfigPool => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': name } },
    nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${name}`]: '' } },
    maxUnavailable: 1,
  },
  status: { machineCount },
});

/** 3 masters, 6 workers; sfc holds worker-4 (el9_4) and worker-5 (el9_2). */
export const demoNodes = (): Node[] => [
  ...[0, 1, 2].map((i) => node(`master-${String(i)}`, ['master', 'control-plane'], EL9_4)),
  ...[0, 1, 2, 3].map((i) => node(`worker-${String(i)}`, ['worker'], i % 2 ? EL9_2 : EL9_4)),
  node('worker-4', ['worker', 'sfc'], EL9_4),
  node('worker-5', ['worker', 'sfc'], EL9_2),
];

export const demoPools = (): MachineConfigPool[] => [
  builtInPool('master', 3),
  builtInPool('worker', 4),
  { ...produceMachineConfigPool('sfc', { maxUnavailable: 1 }), status: { machineCount: 2 } },
];

type WatchAnswer = [unknown, boolean, unknown];

/** Answers the page's list watches by kind; a kind left out stays loading. */
export const serveCluster = (answers: Partial<Record<string, WatchAnswer>>): void => {
  jest.mocked(useK8sWatchResource).mockImplementation((resource) => {
    const kind = resource?.groupVersionKind?.kind ?? '';
    return (answers[kind] ?? [[], false, undefined]) as ReturnType<typeof useK8sWatchResource>;
  });
};

export const serveDemoCluster = (): void => {
  serveCluster({
    MachineConfigPool: [demoPools(), true, undefined],
    Node: [demoNodes(), true, undefined],
    Namespace: [
      [{ metadata: { name: 'default' } }, { metadata: { name: 'kmm-day1-checks' } }],
      true,
      undefined,
    ],
  });
};

/** What the simulator's registry holds: sfc-kmod for both kernels, ice-kmod for el9_4 only. */
const REGISTRY = new Set([
  `quay.io/acme/sfc-kmod:${EL9_4}`,
  `quay.io/acme/sfc-kmod:${EL9_2}`,
  `quay.io/acme/ice-kmod:${EL9_4}`,
  'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
]);

/** The registry's answer to an ImageStreamImport, worded as the openshift-apiserver words it. */
const registryAnswer = (request: ImageStreamImport): ImageStreamImport => ({
  ...request,
  status: {
    images: request.spec.images.map(({ from }) =>
      REGISTRY.has(from.name)
        ? { status: { status: 'Success' } }
        : from.name.startsWith('registry.example.com/acme-private/')
          ? {
              status: {
                status: 'Failure',
                reason: 'Unauthorized',
                code: 401,
                message: `you may not have access to the container image "${from.name}"`,
              },
            }
          : {
              status: {
                status: 'Failure',
                reason: 'NotFound',
                code: 404,
                message: `manifest unknown: the image "${from.name}" does not exist`,
              },
            },
    ),
  },
});

export interface CreateCall {
  kind: string;
  name?: string;
  dryRun: boolean;
}

/**
 * Programs k8sCreate: ImageStreamImports get the registry's answer; other objects are created, unless
 * `fail` returns an HttpError for them; `hold` may delay a create until a promise settles. Returns
 * the log of creates.
 */
export const serveCreates = (
  fail: (call: CreateCall) => HttpError | undefined = () => undefined,
  hold: (call: CreateCall) => Promise<void> | undefined = () => undefined,
): CreateCall[] => {
  const calls: CreateCall[] = [];
  jest.mocked(k8sCreate).mockImplementation(async (options) => {
    const data: K8sResourceCommon = options.data;
    if (options.model.kind === 'ImageStreamImport') {
      return registryAnswer(data as ImageStreamImport);
    }
    const call = {
      kind: options.model.kind,
      name: data.metadata?.name,
      dryRun: options.queryParams?.dryRun === 'All',
    };
    calls.push(call);
    await hold(call);
    const error = fail(call);
    if (error) throw error;
    return data;
  });
  return calls;
};

/** A Kubernetes Status error as console's HttpError carries it. */
export const statusError = (
  code: number,
  reason: string,
  message: string,
  causes: { field: string; message: string }[] = [],
): HttpError =>
  new HttpError(message, code, undefined, {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason,
    message,
    code,
    details: causes.length > 0 ? { causes } : undefined,
  });

const RolloutPage = () => <div data-test="rollout-page">{useParams().pool}</div>;

/** The create page at `url`, with the routes it leaves to: the list and the rollout view. */
export const renderCreatePage = (url = '/day1-kernel-modules/~new') =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/day1-kernel-modules/~new" element={<Day1CreatePage />} />
        <Route path="/day1-kernel-modules/rollout/:pool" element={<RolloutPage />} />
        <Route path="/day1-kernel-modules" element={<div data-test="list-page" />} />
      </Routes>
    </MemoryRouter>,
  );
