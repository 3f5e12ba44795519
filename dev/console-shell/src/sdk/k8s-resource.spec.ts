/** @jest-environment node */
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import type { SimCluster } from '../../test/sim-cluster';
import { NODES, startSimCluster } from '../../test/sim-cluster';
import { configureSDK, resetSDKConfig } from './config';
import { consoleFetch, consoleFetchJSON } from './console-fetch';
import { HttpError, TimeoutError } from './http-error';
import {
  k8sCreate,
  k8sDelete,
  k8sGet,
  k8sList,
  k8sListItems,
  k8sPatch,
  k8sUpdate,
} from './k8s-resource';
import { ImageStreamImportModel, MachineConfigModel, NodeModel } from './models';

const mc = (name: string) => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfig',
  metadata: { name, labels: { 'machineconfiguration.openshift.io/role': 'sfc' } },
  spec: { config: { ignition: { version: '3.2.0' } } },
});

let server: SimCluster;

const node = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: {},
  status: {},
});

beforeEach(async () => {
  server = await startSimCluster();
  configureSDK({ apiOrigin: server.url });
  server.add(NODES, node('worker-0', { 'node-role.kubernetes.io/worker': '' }));
  server.add(NODES, node('master-0'));
});

afterEach(async () => {
  resetSDKConfig();
  await server.close();
});

/** The rejection of a promise, for asserting on error objects. */
const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

describe('k8s CRUD helpers', () => {
  it('create, get, update, patch and delete go to console URLs with console payloads', async () => {
    const created = await k8sCreate<K8sResourceCommon>({
      model: MachineConfigModel,
      data: mc('99-sfc-day1'),
    });
    expect(created.metadata?.resourceVersion).toBeDefined();
    // The shell forwards only /api/kubernetes/* to the API server, without that prefix.
    const [post] = server.requestsTo('POST', /machineconfigs/);
    expect(post.path).toBe('/apis/machineconfiguration.openshift.io/v1/machineconfigs');
    expect(post.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(post.body).toEqual(mc('99-sfc-day1'));

    const fetched = await k8sGet({ model: MachineConfigModel, name: '99-sfc-day1' });
    expect(fetched).toMatchObject({ metadata: { name: '99-sfc-day1' } });

    const updated = await k8sUpdate({
      model: MachineConfigModel,
      data: {
        ...fetched,
        spec: { config: { ignition: { version: '3.2.0' } }, kernelArguments: ['a'] },
      },
    });
    expect(updated).toMatchObject({ spec: { kernelArguments: ['a'] } });
    expect(server.requestsTo('PUT', /machineconfigs\/99-sfc-day1$/)).toHaveLength(1);

    const patched = await k8sPatch({
      model: MachineConfigModel,
      resource: updated,
      data: [{ op: 'replace', path: '/spec/kernelArguments', value: ['b'] }],
    });
    expect(patched).toMatchObject({ spec: { kernelArguments: ['b'] } });
    const [patch] = server.requestsTo('PATCH', /machineconfigs/);
    expect(patch.headers['content-type']).toBe('application/json-patch+json;charset=UTF-8');

    await k8sDelete({ model: MachineConfigModel, resource: patched });
    expect(server.requestsTo('DELETE', /machineconfigs\/99-sfc-day1$/)).toHaveLength(1);
    const error = await rejectionOf(k8sGet({ model: MachineConfigModel, name: '99-sfc-day1' }));
    expect(error).toMatchObject({
      code: 404,
      message: 'machineconfigs.machineconfiguration.openshift.io "99-sfc-day1" not found',
    });
  });

  it('sends no request for a patch with no operations', async () => {
    const resource = { metadata: { name: 'x' } };
    await expect(k8sPatch({ model: MachineConfigModel, resource, data: [] })).resolves.toBe(
      resource,
    );
    expect(server.requestsTo('PATCH', /./)).toHaveLength(0);
  });

  it('passes path, namespace and query parameters (a dry-run create of a namespaced kind)', async () => {
    await k8sCreate({
      model: ImageStreamImportModel,
      data: {
        apiVersion: 'image.openshift.io/v1',
        kind: 'ImageStreamImport',
        metadata: { name: 'check', namespace: 'kmm-day1-checks' },
        spec: {
          import: false,
          images: [{ from: { kind: 'DockerImage', name: 'quay.io/acme/sfc-kmod:5.14.0' } }],
        },
      },
      queryParams: { dryRun: 'All' },
    });
    expect(server.requestsTo('POST', /imagestreamimports/)[0].path).toBe(
      '/apis/image.openshift.io/v1/namespaces/kmm-day1-checks/imagestreamimports?dryRun=All',
    );
  });

  it('lists with items typed, label selectors encoded, and k8sListItems as an array', async () => {
    const items = await k8sList({
      model: NodeModel,
      queryParams: { labelSelector: { matchLabels: { 'node-role.kubernetes.io/worker': '' } } },
    });
    expect(Array.isArray(items)).toBe(true);
    expect(items).toMatchObject([
      { kind: 'Node', apiVersion: 'v1', metadata: { name: 'worker-0' } },
    ]);
    expect(server.requestsTo('GET', /nodes\?/)[0].path).toBe(
      '/api/v1/nodes?labelSelector=node-role.kubernetes.io%2Fworker%3D',
    );
    const all = await k8sListItems({ model: NodeModel, queryParams: {} });
    expect(all.map((n) => n.metadata?.name).sort()).toEqual(['master-0', 'worker-0']);
  });
});

describe('console-style errors', () => {
  it('rejects with HttpError carrying code, message, json and response', async () => {
    server.sim.applyFaults({
      apiErrors: {
        count: 1,
        status: 422,
        method: 'POST',
        path: '/machineconfigs',
        message: 'MachineConfig.machineconfiguration.openshift.io "x" is invalid',
      },
    });
    const error = await rejectionOf(k8sCreate({ model: MachineConfigModel, data: mc('x') }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(Error);
    const httpError = error as HttpError;
    expect(httpError.name).toBe('HttpError');
    expect(httpError.code).toBe(422);
    expect(httpError.message).toBe(
      'MachineConfig.machineconfiguration.openshift.io "x" is invalid',
    );
    expect(httpError.json).toMatchObject({ kind: 'Status', code: 422 });
    expect(httpError.response?.status).toBe(422);
  });

  it('gives 403s the Status message, and 409s too', async () => {
    server.actAs('read-only');
    const forbidden = await rejectionOf(k8sCreate({ model: MachineConfigModel, data: mc('x') }));
    expect(forbidden).toMatchObject({ code: 403 });
    expect((forbidden as HttpError).message).toContain(
      'is forbidden: User "read-only" cannot create resource "machineconfigs"',
    );

    server.actAs('admin');
    await k8sCreate({ model: MachineConfigModel, data: mc('dup') });
    const conflict = await rejectionOf(k8sCreate({ model: MachineConfigModel, data: mc('dup') }));
    expect(conflict).toMatchObject({
      code: 409,
      message: 'machineconfigs.machineconfiguration.openshift.io "dup" already exists',
    });
  });

  it('uses the first field cause, as console does', async () => {
    const response = new Response(
      JSON.stringify({
        message: 'm',
        details: { causes: [{ field: 'spec.config', message: 'bad' }] },
      }),
      { status: 422, headers: { 'Content-Type': 'application/json' } },
    );
    const realFetch = global.fetch;
    global.fetch = () => Promise.resolve(response);
    try {
      const error = await rejectionOf(consoleFetch('/x'));
      expect(error).toMatchObject({ code: 422, message: 'Error "bad" for field "spec.config".' });
    } finally {
      global.fetch = realFetch;
    }
  });

  it('uses the status text for non-JSON errors', async () => {
    // A gateway between console and the API server, not the API server, answers in plain text.
    const response = new Response('upstream down', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'Content-Type': 'text/plain' },
    });
    const realFetch = global.fetch;
    global.fetch = () => Promise.resolve(response);
    try {
      const error = await rejectionOf(k8sGet({ model: NodeModel, name: 'worker-0' }));
      expect(error).toMatchObject({ code: 502, message: 'Bad Gateway' });
    } finally {
      global.fetch = realFetch;
    }
  });

  it('retries a 429 up to three attempts', async () => {
    server.sim.applyFaults({
      apiErrors: {
        count: 2,
        status: 429,
        method: 'GET',
        path: '/nodes/worker-0',
        message: 'slow down',
      },
    });
    await expect(k8sGet({ model: NodeModel, name: 'worker-0' })).resolves.toMatchObject({
      metadata: { name: 'worker-0' },
    });
    expect(server.requestsTo('GET', /nodes\/worker-0/)).toHaveLength(3);
  });

  it('times out with a TimeoutError', async () => {
    const realFetch = global.fetch;
    global.fetch = () => new Promise<Response>(() => undefined);
    try {
      const error = await rejectionOf(consoleFetchJSON('/slow', 'GET', {}, 20));
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as Error).message).toBe('Call to /slow timed out after 20ms.');
    } finally {
      global.fetch = realFetch;
    }
  });
});
