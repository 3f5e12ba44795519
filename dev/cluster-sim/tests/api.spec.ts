/**
 * @jest-environment node
 */
import type { ClusterSim } from '../index';
import { MACHINE_CONFIG_POOLS } from '../core/resources';
import { MCP_PATH, MC_PATH, day1MachineConfig, request, startManualSim } from './helpers';
import type { ApiBody } from './helpers';
import type { ManualClock } from '../core/clock';

let sim: ClusterSim & { clock: ManualClock; logs: string[] };

beforeEach(async () => {
  sim = await startManualSim();
});

afterEach(async () => {
  await sim.close();
});

const simpleMachineConfig = (name: string, role = 'worker') => ({
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfig',
  metadata: { name, labels: { 'machineconfiguration.openshift.io/role': role } },
  spec: { config: { ignition: { version: '3.2.0' } }, kernelArguments: ['nosmt'] },
});

describe('discovery and public endpoints', () => {
  it('answers /version and /healthz without a token', async () => {
    const version = await request(sim, '/version', { token: null });
    expect(version.status).toBe(200);
    expect(version.body.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
    expect((await request(sim, '/healthz', { token: null })).text).toBe('ok');
  });

  it('lists groups and resources', async () => {
    const groups = await request(sim, '/apis');
    expect(groups.body.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'machineconfiguration.openshift.io',
        'image.openshift.io',
        'authorization.k8s.io',
      ]),
    );
    const core = await request(sim, '/api/v1');
    expect(core.body.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining(['nodes', 'nodes/status', 'namespaces', 'pods', 'pods/log']),
    );
    expect((await request(sim, '/api')).body.versions).toEqual(['v1']);
    expect(
      (await request(sim, '/apis/machineconfiguration.openshift.io')).body.preferredVersion.version,
    ).toBe('v1');
  });

  it('answers unknown paths with a NotFound Status', async () => {
    const result = await request(sim, '/apis/example.com/v1/widgets');
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
    });
  });
});

describe('authentication and authorization', () => {
  it('answers 401 without a token or with an unknown one', async () => {
    for (const token of [null, 'someone']) {
      const result = await request(sim, MCP_PATH, { token });
      expect(result.status).toBe(401);
      expect(result.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    }
  });

  it('lets read-only read but answers 403 with the API server wording on writes', async () => {
    expect((await request(sim, MCP_PATH, { token: 'read-only' })).status).toBe(200);
    const create = await request(sim, MC_PATH, {
      method: 'POST',
      token: 'read-only',
      body: simpleMachineConfig('99-worker-x'),
    });
    expect(create.status).toBe(403);
    expect(create.body.message).toBe(
      'machineconfigs.machineconfiguration.openshift.io is forbidden: User "read-only" cannot create resource "machineconfigs" in API group "machineconfiguration.openshift.io" at the cluster scope',
    );
    const patch = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      token: 'read-only',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: true } },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.message).toContain(
      'machineconfigpools.machineconfiguration.openshift.io "sfc" is forbidden',
    );
    const pods = await request(sim, '/api/v1/namespaces/default/pods', {
      method: 'POST',
      token: 'read-only',
      body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } },
    });
    expect(pods.body.message).toBe(
      'pods is forbidden: User "read-only" cannot create resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('answers access reviews per user', async () => {
    const review = (token: string, verb: string) =>
      request(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        token,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: {
            resourceAttributes: {
              group: 'machineconfiguration.openshift.io',
              resource: 'machineconfigs',
              verb,
            },
          },
        },
      });
    const adminCreate = await review('admin', 'create');
    expect(adminCreate.status).toBe(201);
    expect(adminCreate.body.status).toMatchObject({ allowed: true });
    expect((await review('read-only', 'create')).body.status).toEqual({ allowed: false });
    expect((await review('read-only', 'list')).body.status.allowed).toBe(true);
    const empty = await request(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      method: 'POST',
      body: { spec: {} },
    });
    expect(empty.status).toBe(422);
  });
});

describe('REST verbs', () => {
  it('creates, gets, lists, updates and deletes a MachineConfig', async () => {
    const created = await request(sim, MC_PATH, {
      method: 'POST',
      body: simpleMachineConfig('99-worker-kargs'),
    });
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: '99-worker-kargs', generation: 1 });
    expect(created.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const got = await request(sim, `${MC_PATH}/99-worker-kargs`);
    expect(got.body.metadata.resourceVersion).toBe(created.body.metadata.resourceVersion);

    const list = await request(sim, MC_PATH);
    expect(list.body.kind).toBe('MachineConfigList');
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThanOrEqual(
      Number(created.body.metadata.resourceVersion),
    );
    expect(list.body.items.map((i: ApiBody) => i.metadata.name)).toContain('99-worker-kargs');

    const updated = await request(sim, `${MC_PATH}/99-worker-kargs`, {
      method: 'PUT',
      body: {
        ...got.body,
        spec: { ...got.body.spec, kernelArguments: ['nosmt', 'mitigations=off'] },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.generation).toBe(2);
    expect(Number(updated.body.metadata.resourceVersion)).toBeGreaterThan(
      Number(got.body.metadata.resourceVersion),
    );

    // A label change is metadata: no new generation.
    const relabelled = await request(sim, `${MC_PATH}/99-worker-kargs`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { extra: 'yes' } } },
    });
    expect(relabelled.body.metadata.generation).toBe(2);

    const deleted = await request(sim, `${MC_PATH}/99-worker-kargs`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: '99-worker-kargs' },
    });
    expect((await request(sim, `${MC_PATH}/99-worker-kargs`)).status).toBe(404);
  });

  it('applies merge, JSON and strategic merge patches', async () => {
    const merge = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: true, maxUnavailable: null } },
    });
    expect(merge.status).toBe(200);
    expect(merge.body.spec.paused).toBe(true);
    expect(merge.body.spec).not.toHaveProperty('maxUnavailable');

    const json = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: [
        { op: 'test', path: '/spec/paused', value: true },
        { op: 'replace', path: '/spec/paused', value: false },
        { op: 'add', path: '/spec/maxUnavailable', value: '50%' },
      ],
    });
    expect(json.status).toBe(200);
    expect(json.body.spec).toMatchObject({ paused: false, maxUnavailable: '50%' });

    const strategic = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      body: { metadata: { annotations: { note: 'x' } } },
    });
    expect(strategic.body.metadata.annotations).toEqual({ note: 'x' });

    const failedTest = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      contentType: 'application/json-patch+json',
      body: [{ op: 'test', path: '/spec/paused', value: true }],
    });
    expect(failedTest.status).toBe(422);
    expect(failedTest.body.details.causes[0].message).toContain(
      'jsonpatch test operation does not apply',
    );

    const unsupported = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      contentType: 'application/apply-patch+yaml',
      body: 'spec: {}',
    });
    expect(unsupported.status).toBe(415);
  });

  it('keeps status on writes to the main resource and everything else on /status writes', async () => {
    const pool = (await request(sim, `${MCP_PATH}/sfc`)).body;
    const main = await request(sim, `${MCP_PATH}/sfc`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: true }, status: { machineCount: 99 } },
    });
    expect(main.body.status.machineCount).toBe(pool.status.machineCount);
    expect(main.body.metadata.generation).toBe(pool.metadata.generation + 1);
    const status = await request(sim, `${MCP_PATH}/sfc/status`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: false }, status: { machineCount: 99 } },
    });
    expect(status.body.status.machineCount).toBe(99);
    expect(status.body.spec.paused).toBe(true);
  });

  it('answers AlreadyExists, Conflict on a stale resourceVersion, and NotFound', async () => {
    await request(sim, MC_PATH, { method: 'POST', body: simpleMachineConfig('99-worker-a') });
    const again = await request(sim, MC_PATH, {
      method: 'POST',
      body: simpleMachineConfig('99-worker-a'),
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'machineconfigs.machineconfiguration.openshift.io "99-worker-a" already exists',
    });

    const current = (await request(sim, `${MC_PATH}/99-worker-a`)).body;
    await request(sim, `${MC_PATH}/99-worker-a`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { metadata: { labels: { bump: '1' } } },
    });
    const stale = await request(sim, `${MC_PATH}/99-worker-a`, {
      method: 'PUT',
      body: current,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(stale.body.message).toBe(
      'Operation cannot be fulfilled on machineconfigs.machineconfiguration.openshift.io "99-worker-a": the object has been modified; please apply your changes to the latest version and try again',
    );

    const missing = await request(sim, `${MC_PATH}/nope`);
    expect(missing.body).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'machineconfigs.machineconfiguration.openshift.io "nope" not found',
      details: { name: 'nope', group: 'machineconfiguration.openshift.io', kind: 'machineconfigs' },
    });
  });

  it('validates against the CRD schemas and MCO admission policy with 422 Invalid', async () => {
    const badMc = await request(sim, MC_PATH, {
      method: 'POST',
      body: {
        ...simpleMachineConfig('99-worker-bad'),
        spec: { kernelArguments: 'nosmt', fips: 'yes' },
      },
    });
    expect(badMc.status).toBe(422);
    expect(badMc.body.reason).toBe('Invalid');
    expect(badMc.body.message).toMatch(
      /^MachineConfig\.machineconfiguration\.openshift\.io "99-worker-bad" is invalid: \[/,
    );
    expect(badMc.body.details.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'spec.kernelArguments', reason: 'FieldValueTypeInvalid' }),
        expect.objectContaining({ field: 'spec.fips' }),
      ]),
    );

    const badPool = await request(sim, MCP_PATH, {
      method: 'POST',
      body: {
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfigPool',
        metadata: { name: 'infra' },
      },
    });
    expect(badPool.status).toBe(422);
    expect(badPool.body.details.causes).toEqual([
      expect.objectContaining({ field: 'spec', message: 'Required value' }),
    ]);

    const notInheriting = await request(sim, MCP_PATH, {
      method: 'POST',
      body: {
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfigPool',
        metadata: { name: 'infra' },
        spec: {
          machineConfigSelector: {
            matchLabels: { 'machineconfiguration.openshift.io/role': 'infra' },
          },
        },
      },
    });
    expect(notInheriting.status).toBe(422);
    expect(notInheriting.body.message).toContain(
      "ValidatingAdmissionPolicy 'custom-machine-config-pool-selector'",
    );

    const badName = await request(sim, MC_PATH, {
      method: 'POST',
      body: simpleMachineConfig('Bad_Name'),
    });
    expect(badName.status).toBe(422);
    expect(badName.body.message).toContain('a lowercase RFC 1123 subdomain must consist of');

    // A produced Day 1 MachineConfig passes.
    expect(
      (await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig() })).status,
    ).toBe(201);
  });

  it('validates, stores nothing and changes no resourceVersion on dryRun=All', async () => {
    const before = sim.simulation.store.resourceVersion;
    const dry = await request(sim, `${MC_PATH}?dryRun=All`, {
      method: 'POST',
      body: simpleMachineConfig('99-worker-dry'),
    });
    expect(dry.status).toBe(201);
    expect(dry.body.metadata.name).toBe('99-worker-dry');
    expect((await request(sim, `${MC_PATH}/99-worker-dry`)).status).toBe(404);
    const invalid = await request(sim, `${MC_PATH}?dryRun=All`, {
      method: 'POST',
      body: { ...simpleMachineConfig('99-worker-dry'), spec: { fips: 1 } },
    });
    expect(invalid.status).toBe(422);
    const patch = await request(sim, `${MCP_PATH}/sfc?dryRun=All`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { paused: true } },
    });
    expect(patch.body.spec.paused).toBe(true);
    expect((await request(sim, `${MCP_PATH}/sfc`)).body.spec.paused).toBe(false);
    expect((await request(sim, `${MCP_PATH}/sfc?dryRun=All`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await request(sim, `${MCP_PATH}/sfc`)).status).toBe(200);
    expect(sim.simulation.store.resourceVersion).toBe(before);
    expect(
      (
        await request(sim, `${MC_PATH}?dryRun=Some`, {
          method: 'POST',
          body: simpleMachineConfig('x'),
        })
      ).status,
    ).toBe(400);
  });

  it('names objects from generateName and checks the body against the URL', async () => {
    const generated = await request(sim, MC_PATH, {
      method: 'POST',
      body: { ...simpleMachineConfig(''), metadata: { generateName: '99-worker-', labels: {} } },
    });
    expect(generated.body.metadata.name).toMatch(/^99-worker-[a-z0-9]{5}$/);
    const wrongKind = await request(sim, MC_PATH, {
      method: 'POST',
      body: { ...simpleMachineConfig('x'), kind: 'Node' },
    });
    expect(wrongKind.status).toBe(400);
    const noName = await request(sim, MC_PATH, {
      method: 'POST',
      body: { ...simpleMachineConfig(''), metadata: {} },
    });
    expect(noName.status).toBe(422);
    const renamed = await request(sim, `${MC_PATH}/00-worker`, {
      method: 'PUT',
      body: simpleMachineConfig('other'),
    });
    expect(renamed.status).toBe(400);
    const badJson = await request(sim, MC_PATH, { method: 'POST', body: '{"metadata":' });
    expect(badJson.status).toBe(400);
    expect(
      (await request(sim, `${MC_PATH}/x`, { method: 'POST', body: simpleMachineConfig('x') }))
        .status,
    ).toBe(405);
  });
});

describe('struct defaults', () => {
  it('stores spec: {} and status: {} on a Node created or replaced without them, as the API server does', async () => {
    const created = await request(sim, '/api/v1/nodes', {
      method: 'POST',
      body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare', labels: {} } },
    });
    expect(created.status).toBe(201);
    expect(created.body.spec).toEqual({});
    expect(created.body.status).toEqual({});
    const replaced = await request(sim, '/api/v1/nodes/bare', {
      method: 'PUT',
      body: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare' }, spec: null },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.spec).toEqual({});
    expect(replaced.body.status).toEqual({});
    // The simulated controllers step over it without failing.
    sim.clock.advance(60_000);
    expect(sim.logs.filter((line) => line.includes('simulation step failed'))).toEqual([]);
  });
});

describe('selectors and paging', () => {
  it.each([
    ['node-role.kubernetes.io/sfc', ['worker-4', 'worker-5']],
    [
      'node-role.kubernetes.io/worker,!node-role.kubernetes.io/sfc',
      ['worker-0', 'worker-1', 'worker-2', 'worker-3'],
    ],
    ['topology.kubernetes.io/zone=us-east-2a', ['master-0', 'worker-0', 'worker-3']],
    ['topology.kubernetes.io/zone==us-east-2a,node-role.kubernetes.io/master', ['master-0']],
    [
      'topology.kubernetes.io/zone!=us-east-2a,node-role.kubernetes.io/sfc',
      ['worker-4', 'worker-5'],
    ],
    [
      'topology.kubernetes.io/zone in (us-east-2b, us-east-2c),node-role.kubernetes.io/worker',
      ['worker-1', 'worker-2', 'worker-4', 'worker-5'],
    ],
    [
      'topology.kubernetes.io/zone notin (us-east-2a,us-east-2b),node-role.kubernetes.io/worker',
      ['worker-2', 'worker-5'],
    ],
  ])('labelSelector=%s', async (selector, names) => {
    const result = await request(
      sim,
      `/api/v1/nodes?labelSelector=${encodeURIComponent(selector)}`,
    );
    expect(result.body.items.map((n: ApiBody) => n.metadata.name)).toEqual(names);
  });

  it('filters by field, pages with limit and continue, and rejects bad selectors', async () => {
    const one = await request(
      sim,
      `/api/v1/nodes?fieldSelector=${encodeURIComponent('metadata.name=worker-4')}`,
    );
    expect(one.body.items.map((n: ApiBody) => n.metadata.name)).toEqual(['worker-4']);
    // Built-in list items carry no kind; the list does.
    expect(one.body.kind).toBe('NodeList');
    expect(one.body.items[0]).not.toHaveProperty('kind');
    const ns = await request(
      sim,
      `/api/v1/namespaces?fieldSelector=${encodeURIComponent('metadata.name!=default')}`,
    );
    expect(ns.body.items.map((n: ApiBody) => n.metadata.name)).not.toContain('default');

    const first = await request(sim, '/api/v1/nodes?limit=4');
    expect(first.body.items).toHaveLength(4);
    expect(first.body.metadata.remainingItemCount).toBe(5);
    const rest = await request(
      sim,
      `/api/v1/nodes?limit=10&continue=${String(first.body.metadata.continue)}`,
    );
    expect(rest.body.items).toHaveLength(5);
    expect(rest.body.metadata).not.toHaveProperty('continue');

    expect((await request(sim, '/api/v1/nodes?labelSelector=%3D%3Dbad')).status).toBe(400);
    expect((await request(sim, '/api/v1/nodes?fieldSelector=spec.nope%3D1')).body.message).toBe(
      'field label not supported: spec.nope',
    );
  });
});

describe('image stream imports', () => {
  const importImage = (name: string, namespace = 'kmm-day1-checks') =>
    request(sim, `/apis/image.openshift.io/v1/namespaces/${namespace}/imagestreamimports`, {
      method: 'POST',
      body: {
        apiVersion: 'image.openshift.io/v1',
        kind: 'ImageStreamImport',
        metadata: { name: 'day1-check' },
        spec: {
          import: false,
          images: [{ from: { kind: 'DockerImage', name }, importPolicy: {} }],
        },
      },
    });

  it('resolves existing tags and reports missing and unauthorized ones', async () => {
    const found = await importImage('quay.io/acme/sfc-kmod:5.14.0-284.59.1.el9_2.x86_64');
    expect(found.status).toBe(201);
    expect(found.body.status.images[0].status).toEqual({ metadata: {}, status: 'Success' });
    expect(found.body.status.images[0].image.dockerImageReference).toMatch(
      /^quay\.io\/acme\/sfc-kmod@sha256:[0-9a-f]{64}$/,
    );

    const missing = await importImage('quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64');
    expect(missing.body.status.images[0].status).toMatchObject({
      status: 'Failure',
      reason: 'NotFound',
      message:
        'dockerimage.image.openshift.io "quay.io/acme/ice-kmod:5.14.0-284.59.1.el9_2.x86_64" not found',
    });
    const unauthorized = await importImage(
      'registry.example.com/acme-private/ice-kmod:5.14.0-284.59.1.el9_2.x86_64',
    );
    expect(unauthorized.body.status.images[0].status).toMatchObject({
      status: 'Failure',
      reason: 'Unauthorized',
    });

    // Nothing is stored, and the resource only supports create.
    expect(
      (
        await request(
          sim,
          '/apis/image.openshift.io/v1/namespaces/kmm-day1-checks/imagestreamimports',
        )
      ).status,
    ).toBe(405);
    expect((await importImage('quay.io/acme/sfc-kmod:x', 'no-such-namespace')).status).toBe(404);
  });
});

describe('pods', () => {
  it('runs a debug pod that reads the node, and serves its log', async () => {
    const created = await request(sim, '/api/v1/namespaces/kmm-day1-checks/pods', {
      method: 'POST',
      body: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'verify-worker-4' },
        spec: {
          nodeName: 'worker-4',
          restartPolicy: 'Never',
          containers: [
            {
              name: 'debug',
              image: 'registry.redhat.io/rhel9/support-tools',
              command: ['chroot', '/host', 'sh', '-c', 'uname -r; lsmod | head; hostname'],
            },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.status.phase).toBe('Pending');
    const logPath = '/api/v1/namespaces/kmm-day1-checks/pods/verify-worker-4/log';
    expect((await request(sim, logPath)).status).toBe(400);
    sim.clock.advance(10_000);
    const pod = await request(sim, '/api/v1/namespaces/kmm-day1-checks/pods/verify-worker-4');
    expect(pod.body.status.phase).toBe('Succeeded');
    const log = await request(sim, logPath);
    expect(log.status).toBe(200);
    expect(log.headers.get('content-type')).toBe('text/plain');
    expect(log.text).toContain('5.14.0-427.13.1.el9_4.x86_64');
    expect(log.text).toContain('sfc');
    expect(log.text).toContain('worker-4');
    // Deleting the namespace removes its pods.
    expect(
      (await request(sim, '/api/v1/namespaces/kmm-day1-checks', { method: 'DELETE' })).status,
    ).toBe(200);
    expect(
      (await request(sim, '/api/v1/namespaces/kmm-day1-checks/pods/verify-worker-4')).status,
    ).toBe(404);
  });
});

describe('store semantics', () => {
  it('gives every change a higher resourceVersion', async () => {
    const rv = (o: ApiBody) => Number(o.metadata.resourceVersion);
    const a = (
      await request(sim, MC_PATH, { method: 'POST', body: simpleMachineConfig('99-worker-1') })
    ).body;
    const b = (
      await request(sim, MC_PATH, { method: 'POST', body: simpleMachineConfig('99-worker-2') })
    ).body;
    expect(rv(b)).toBe(rv(a) + 1);
    const pool = sim.simulation.store.get(MACHINE_CONFIG_POOLS, undefined, 'sfc');
    expect(Number(pool?.metadata.resourceVersion)).toBeLessThan(rv(a));
  });
});
