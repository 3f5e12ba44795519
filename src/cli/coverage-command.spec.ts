/**
 * @jest-environment node
 *
 * The built `day1-utility coverage`, run as a user runs it, against a registry served by this test: a
 * small v2 API (HEAD /v2/<repository>/manifests/<tag>) with a token service, an anonymous public
 * repository and a private one that needs the auth file's credentials.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import type { MachineConfigPool, Node } from '../k8s/types';
import { produceMachineConfig, produceMachineConfigPool } from '../producer';
import { node as rolloutNode } from '../../test/support/rollout-objects';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'day1-utility.cjs');
const EL94 = '5.14.0-427.13.1.el9_4.x86_64';
const EL92 = '5.14.0-284.59.1.el9_2.x86_64';
const DEBUG = '5.14.0-427.13.1.el9_4.x86_64+debug';

const USER = 'robot';
const PASSWORD = 's3cret';

/** What the registry holds: repository → tags. */
const TAGS: Partial<Record<string, string[]>> = {
  'acme/ice-kmod': [EL94],
  'acme/sfc-kmod': [EL94, EL92, '5.14.0-427.13.1.el9_4.x86_64_debug'],
  'acme-private/ice-kmod': [EL94, EL92],
};
const PRIVATE = new Set(['acme-private/ice-kmod']);

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

let server: Server;
let registry: string;
let scratch: string;
const seen: Seen[] = [];

/** Tokens name what they grant: "anonymous" or "robot". */
const startRegistry = () =>
  new Promise<void>((resolve) => {
    server = createServer((request, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers });
      const url = new URL(request.url ?? '/', `http://${registry}`);
      if (url.pathname === '/token') {
        // A token service that fails, and one that answers without a token.
        const scope = url.searchParams.get('scope') ?? '';
        if (scope.includes(':acme-token-down/')) {
          response.writeHead(503).end('token service unavailable');
          return;
        }
        if (scope.includes(':acme-no-token/')) {
          response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
          return;
        }
        const basic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
        const authorization = request.headers.authorization;
        if (authorization !== undefined && authorization !== basic) {
          response.writeHead(401).end();
          return;
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ token: authorization === undefined ? 'anonymous' : USER }));
        return;
      }
      const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
      if (match === null || request.method !== 'HEAD') {
        response.writeHead(404).end();
        return;
      }
      const [, repository, tag] = match;
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const challenge = `Bearer realm="http://${registry}/token",service="test-registry",scope="repository:${repository}:pull"`;
      if (token === undefined || (PRIVATE.has(repository) && token !== USER)) {
        response.writeHead(401, { 'WWW-Authenticate': challenge }).end();
        return;
      }
      const found = TAGS[repository]?.includes(decodeURIComponent(tag)) ?? false;
      response
        .writeHead(found ? 200 : 404, {
          'Content-Type': 'application/vnd.oci.image.index.v1+json',
        })
        .end();
    });
    server.listen(0, '127.0.0.1', () => {
      registry = `127.0.0.1:${String((server.address() as AddressInfo).port)}`;
      resolve();
    });
  });

beforeAll(async () => {
  // Test the CLI built from the current sources.
  execFileSync('node', [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  scratch = mkdtempSync(join(tmpdir(), 'day1-coverage-'));
  await startRegistry();
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
});

/** Runs the CLI without blocking this process, which serves the registry. */
const run = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      'node',
      [BIN, 'coverage', ...args],
      { encoding: 'utf8', env: { PATH: process.env.PATH, ...env } },
      (error, stdout, stderr) => {
        resolve({ status: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });

const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const workerPool: MachineConfigPool = {
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name: 'worker' },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': 'worker' } },
    nodeSelector: { matchLabels: { 'node-role.kubernetes.io/worker': '' } },
  },
};
const masterPool: MachineConfigPool = {
  ...workerPool,
  metadata: { name: 'master' },
  spec: {
    machineConfigSelector: { matchLabels: { 'machineconfiguration.openshift.io/role': 'master' } },
    nodeSelector: { matchLabels: { 'node-role.kubernetes.io/master': '' } },
  },
};

const node = (name: string, roles: string[], kernelVersion: string): Node =>
  rolloutNode(name, { roles, kernelVersion });

const config = (name: string, pool: string, repository: string) =>
  produceMachineConfig({
    machineConfigName: name,
    machineConfigPoolRef: pool,
    kernelModuleImage: `${registry}/${repository}`,
    kernelModuleName: 'ice',
  });

/** `oc get machineconfigs,machineconfigpools,nodes -o yaml`: one List. */
const clusterDump = (machineConfigs: object[], nodes: Node[]) =>
  dump({
    apiVersion: 'v1',
    kind: 'List',
    items: [...machineConfigs, masterPool, workerPool, produceMachineConfigPool('sfc'), ...nodes],
  });

const NODES = [
  node('master-0', ['master'], EL94),
  node('worker-0', ['worker'], EL94),
  node('worker-1', ['worker'], EL92),
  node('worker-5', ['worker', 'sfc'], EL92),
];

describe('day1-utility coverage against a registry', () => {
  it('says which kernels lack a tag, names the nodes on the in-tree driver, and exits 3', async () => {
    const input = file(
      'ice.yaml',
      clusterDump([config('99-ice-day1', 'worker', 'acme/ice-kmod')], NODES),
    );
    const result = await run(['-f', input, '--plain-http']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('MachineConfig 99-ice-day1');
    expect(result.stdout).toMatch(/Coverage:\s+1 of 2 kernels \(1 missing\)/);
    expect(result.stdout).toMatch(
      new RegExp(
        `${EL92.replaceAll('.', '\\.')}.*NO TAG: nodes on this kernel run the in-tree driver`,
      ),
    );
    expect(result.stdout).toMatch(new RegExp(`${EL94.replaceAll('.', '\\.')}.*tag found`));
    expect(result.stdout).toContain('sfc: worker-5');
    expect(result.stdout).toContain('worker: worker-1');
    // HEAD with the manifest types, after the anonymous token flow.
    const heads = seen.filter((s) => s.method === 'HEAD');
    expect(heads.map((s) => s.url)).toEqual(
      expect.arrayContaining([
        `/v2/acme/ice-kmod/manifests/${EL94}`,
        `/v2/acme/ice-kmod/manifests/${EL92}`,
      ]),
    );
    expect(heads[0].headers.accept).toContain('application/vnd.oci.image.index.v1+json');
    expect(heads[0].headers.accept).toContain(
      'application/vnd.docker.distribution.manifest.v2+json',
    );
    const tokenRequest = seen.find((s) => s.url?.startsWith('/token'));
    expect(tokenRequest?.url).toContain('service=test-registry');
    expect(tokenRequest?.headers.authorization).toBeUndefined();
  });

  it('checks the tag a "+" kernel maps to, and exits 0 when every kernel has one', async () => {
    const input = file(
      'sfc.yaml',
      clusterDump(
        [config('99-sfc-day1', 'worker', 'acme/sfc-kmod')],
        [...NODES, node('worker-9', ['worker'], DEBUG)],
      ),
    );
    const result = await run(['-f', input, '--plain-http', '-o', 'json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      configs: { state: string; covered: number; total: number; kernels: { tag: string }[] }[];
    };
    expect(output.configs[0]).toMatchObject({ state: 'full', covered: 3, total: 3 });
    expect(output.configs[0].kernels.map((k) => k.tag)).toContain(
      '5.14.0-427.13.1.el9_4.x86_64_debug',
    );
  });

  it('says "unknown" on a 401 without credentials (exit 4), and checks with the auth file', async () => {
    const input = file(
      'private.yaml',
      clusterDump([config('99-ice-day1', 'worker', 'acme-private/ice-kmod')], NODES),
    );
    const anonymous = await run(['-f', input, '--plain-http'], { XDG_RUNTIME_DIR: scratch });
    expect(anonymous.status).toBe(4);
    expect(anonymous.stdout).toContain(
      'unknown: the registry asks for credentials (401 without credentials: give them with --authfile)',
    );
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
    const authfile = file(
      'auth.json',
      JSON.stringify({ auths: { [`${registry}/acme-private`]: { auth } } }),
    );
    const withCredentials = await run(['-f', input, '--plain-http', '--authfile', authfile]);
    expect(withCredentials.stdout).toMatch(/Coverage:\s+2 of 2 kernels/);
    expect(withCredentials.status).toBe(0);
    // The same file found through REGISTRY_AUTH_FILE.
    const fromEnv = await run(['-f', input, '--plain-http'], { REGISTRY_AUTH_FILE: authfile });
    expect(fromEnv.status).toBe(0);
  });

  it("reports a failing token service as the token service's error, not as missing credentials (exit 4)", async () => {
    const down = file(
      'token-down.yaml',
      clusterDump([config('99-ice-day1', 'worker', 'acme-token-down/ice-kmod')], NODES),
    );
    const result = await run(['-f', down, '--plain-http'], { XDG_RUNTIME_DIR: scratch });
    expect(result.status).toBe(4);
    expect(result.stdout).toContain(
      `unknown: the check failed (the token service http://${registry} answered HTTP 503)`,
    );
    expect(result.stdout).not.toContain('--authfile');
    expect(result.stdout).not.toContain('asks for credentials');
    const json = await run(['-f', down, '--plain-http', '-o', 'json'], {
      XDG_RUNTIME_DIR: scratch,
    });
    const output = JSON.parse(json.stdout) as {
      configs: { kernels: { result: string; reason: string; detail: string }[] }[];
    };
    expect(output.configs[0].kernels.map(({ result: r, reason }) => `${r}/${reason}`)).toEqual([
      'unknown/error',
      'unknown/error',
    ]);

    const tokenless = file(
      'no-token.yaml',
      clusterDump([config('99-ice-day1', 'worker', 'acme-no-token/ice-kmod')], NODES),
    );
    const empty = await run(['-f', tokenless, '--plain-http'], { XDG_RUNTIME_DIR: scratch });
    expect(empty.status).toBe(4);
    expect(empty.stdout).toContain(
      `unknown: the check failed (the token service http://${registry} answered without a token)`,
    );
  });

  it('says why where it cannot ask: an unreachable registry, and --offline (both exit 4)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const mc = produceMachineConfig({
      machineConfigName: '99-ice-day1',
      machineConfigPoolRef: 'worker',
      kernelModuleImage: `127.0.0.1:${String(port)}/acme/ice-kmod`,
      kernelModuleName: 'ice',
    });
    const text = clusterDump([mc], NODES);
    const unreachable = await run(['-f', '-', '--plain-http'], {}, text);
    expect(unreachable.status).toBe(4);
    expect(unreachable.stdout).toContain('unknown: the registry cannot be reached');
    // Nothing was checked: a script must not read --offline's answer as "every tag is there".
    const offline = await run(['-f', '-', '--offline'], {}, text);
    expect(offline.status).toBe(4);
    expect(offline.stdout).toContain('unknown: not checked (--offline)');
    expect(offline.stdout).toMatch(/Coverage:\s+0 of 2 kernels \(2 unknown\)/);
  });

  it('refuses input without a Day 1 config, and a named auth file that does not exist', async () => {
    const noConfig = await run(['-f', file('none.yaml', clusterDump([], NODES))]);
    expect(noConfig.status).toBe(1);
    expect(noConfig.stderr).toContain('no Day 1 MachineConfig in the input');
    const input = file(
      'ice2.yaml',
      clusterDump([config('99-ice-day1', 'worker', 'acme/ice-kmod')], NODES),
    );
    const missingAuth = await run(['-f', input, '--authfile', join(scratch, 'nope.json')]);
    expect(missingAuth.status).toBe(1);
    expect(missingAuth.stderr).toContain('no such file');
    const usage = await run([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: day1-utility coverage');
  });
});
