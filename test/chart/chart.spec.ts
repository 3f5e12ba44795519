/**
 * @jest-environment node
 *
 * The Helm chart, rendered by Go's text/template with sprig (test/chart/render, as helm does), validated
 * against the Kubernetes and OpenShift schemas; and its nginx.conf served by Debian's real nginx.
 */
import Ajv from 'ajv';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll, load } from 'js-yaml';
import { consolePluginSchema } from './consoleplugin-schema';

const ROOT = join(__dirname, '..', '..');
const CHART = join(ROOT, 'charts', 'kmm-day1-console-plugin');
const RENDER = join(ROOT, 'build', 'helm-render');
const IMAGE = 'quay.io/acme/kmm-day1-console-plugin:0.1.0';

type Values = Record<string, unknown>;
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

beforeAll(() => {
  // Debian's Go and sprig live in GOPATH; sprig/v3 resolves through the unversioned path.
  execFileSync('go', ['build', '-o', RENDER, '.'], {
    cwd: join(__dirname, 'render'),
    env: { ...process.env, GO111MODULE: 'off', GOPATH: '/usr/share/gocode', GOFLAGS: '' },
  });
}, 120_000);

/** Helm's value merge: maps merge recursively, everything else is replaced. */
const merge = (base: Values, override: Values): Values => {
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? merge(current as Values, value as Values)
        : value;
  }
  return out;
};

const valuesSchema = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(CHART, 'values.schema.json'), 'utf8')) as object,
);

const render = (
  overrides: Values,
  namespace = 'kmm-day1',
): { objects: K8sObject[]; notes: string; error: string } => {
  const values = merge(load(readFileSync(join(CHART, 'values.yaml'), 'utf8')) as Values, overrides);
  if (!valuesSchema(values)) {
    return { objects: [], notes: '', error: JSON.stringify(valuesSchema.errors) };
  }
  const chart = load(readFileSync(join(CHART, 'Chart.yaml'), 'utf8')) as Record<string, string>;
  const input = {
    chartDir: CHART,
    values,
    release: {
      Name: 'kmm-day1',
      Namespace: namespace,
      Service: 'Helm',
      IsInstall: true,
      IsUpgrade: false,
      Revision: 1,
    },
    chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const result = spawnSync(RENDER, [], { input: JSON.stringify(input), encoding: 'utf8' });
  if (result.status !== 0) return { objects: [], notes: '', error: result.stderr };
  const templates = JSON.parse(result.stdout) as Record<string, string>;
  const objects = Object.entries(templates)
    .filter(([name]) => name.endsWith('.yaml'))
    .flatMap(([, text]) => loadAll(text))
    .filter((doc): doc is K8sObject => doc !== null && doc !== undefined);
  return { objects, notes: templates['kmm-day1-console-plugin/templates/NOTES.txt'], error: '' };
};

const consolePluginValidator = new Ajv({ allErrors: true, strict: false }).compile(
  consolePluginSchema,
);

/**
 * Schema errors of the rendered objects: ConsolePlugin against its CRD schema, the rest against the
 * Kubernetes OpenAPI schemas of kubernetes-models (run in a process of its own by validate-kubernetes-objects.mjs).
 */
const schemaErrors = (objects: K8sObject[]): string[] => {
  const plugins = objects.filter((o) => o.kind === 'ConsolePlugin');
  const pluginErrors = plugins.flatMap((plugin) =>
    consolePluginValidator(plugin)
      ? []
      : (consolePluginValidator.errors ?? []).map(
          (e) => `ConsolePlugin${e.instancePath} ${e.message ?? ''}`,
        ),
  );
  const result = spawnSync('node', [join(__dirname, 'validate-kubernetes-objects.mjs')], {
    input: JSON.stringify(objects.filter((o) => o.kind !== 'ConsolePlugin')),
    encoding: 'utf8',
  });
  if (result.status !== 0) return [...pluginErrors, `validator failed: ${result.stderr}`];
  return [...pluginErrors, ...(JSON.parse(result.stdout) as string[])];
};

const find = (objects: K8sObject[], kind: string, name?: string): K8sObject => {
  const found = objects.find(
    (o) => o.kind === kind && (name === undefined || o.metadata.name === name),
  );
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
};
const at = (object: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);

describe('rendered with default values', () => {
  let objects: K8sObject[] = [];
  let notes = '';
  let error = '';
  beforeAll(() => {
    ({ objects, notes, error } = render({ plugin: { image: IMAGE } }));
  });

  it('renders every object, each valid against its schema', () => {
    expect(error).toBe('');
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ClusterRole/kmm-day1-console-plugin-patcher',
      'ClusterRoleBinding/kmm-day1-console-plugin-patcher',
      'ConfigMap/kmm-day1-console-plugin',
      'ConsolePlugin/kmm-day1-console-plugin',
      'Deployment/kmm-day1-console-plugin',
      'Job/kmm-day1-console-plugin-patcher',
      'Service/kmm-day1-console-plugin',
      'ServiceAccount/kmm-day1-console-plugin',
      'ServiceAccount/kmm-day1-console-plugin-patcher',
    ]);
    expect(schemaErrors(objects)).toEqual([]);
  });

  it('declares a cluster-scoped ConsolePlugin that preloads translations from the Service', () => {
    const plugin = find(objects, 'ConsolePlugin');
    expect(plugin.metadata.namespace).toBeUndefined();
    expect(plugin.spec).toEqual({
      displayName: 'Load out-of-tree kernel modules at boot (KMM Day 1) and watch the rollout.',
      i18n: { loadType: 'Preload' },
      backend: {
        type: 'Service',
        service: {
          name: 'kmm-day1-console-plugin',
          namespace: 'kmm-day1',
          port: 9443,
          basePath: '/',
        },
      },
    });
  });

  it('runs two restricted nginx replicas with probes, resources and the serving certificate', () => {
    const deployment = find(objects, 'Deployment');
    expect(at(deployment, 'spec.replicas')).toBe(2);
    const pod = at(deployment, 'spec.template.spec') as Record<string, unknown>;
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const [container] = pod.containers as Record<string, unknown>[];
    expect(container.image).toBe(IMAGE);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(at(container, 'readinessProbe.httpGet')).toEqual({
      path: '/plugin-manifest.json',
      port: 'https',
      scheme: 'HTTPS',
    });
    expect(at(container, 'livenessProbe.httpGet.scheme')).toBe('HTTPS');
    expect(container.resources).toEqual({
      requests: { cpu: '10m', memory: '50Mi' },
      limits: { memory: '128Mi' },
    });
    expect(pod.volumes).toContainEqual({
      name: 'serving-cert',
      secret: { secretName: 'kmm-day1-console-plugin-cert', defaultMode: 420 },
    });
    expect(at(deployment, 'spec.template.metadata.annotations')).toHaveProperty(
      'checksum/nginx-conf',
    );
  });

  it('annotates the Service for a service-ca serving certificate', () => {
    const service = find(objects, 'Service');
    expect(service.metadata.annotations).toEqual({
      'service.beta.openshift.io/serving-cert-secret-name': 'kmm-day1-console-plugin-cert',
    });
    expect(at(service, 'spec.ports')).toEqual([
      { name: 'https', protocol: 'TCP', port: 9443, targetPort: 'https' },
    ]);
  });

  it('enables the plugin with a hook Job that may only get and patch the cluster Console config', () => {
    expect(at(find(objects, 'ClusterRole'), 'rules')).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const job = find(objects, 'Job');
    expect(job.metadata.annotations?.['helm.sh/hook']).toBe('post-install,post-upgrade');
    expect(at(job, 'spec.template.spec.serviceAccountName')).toBe(
      'kmm-day1-console-plugin-patcher',
    );
  });

  it('says how to verify the install', () => {
    expect(notes).toContain('oc -n kmm-day1 rollout status deployment/kmm-day1-console-plugin');
    expect(notes).toContain('oc get consoleplugin kmm-day1-console-plugin');
  });
});

describe('rendered with other values', () => {
  it('requires the image, with a message saying where it comes from', () => {
    expect(render({}).error).toContain('plugin.image is required');
  });

  it('rejects values that do not fit values.schema.json', () => {
    expect(render({ plugin: { image: IMAGE, replicas: 0 } }).error).toContain('must be >= 1');
    expect(render({ plugin: { image: IMAGE, imagePullPolicy: 'Sometimes' } }).error).toContain(
      'must be equal to one of the allowed values',
    );
    expect(render({ plugin: { image: IMAGE, replica: 3 } }).error).toContain(
      'must NOT have additional properties',
    );
  });

  it('uses a given certificate secret, port, pull secret and service account, without the patch job', () => {
    const { objects, notes, error } = render(
      {
        plugin: {
          name: 'day1',
          image: IMAGE,
          port: 8443,
          replicas: 3,
          certificateSecretName: 'my-cert',
          imagePullSecrets: [{ name: 'quay-pull' }],
          serviceAccount: { create: false, name: 'existing' },
          securityContext: { enabled: false },
          podSecurityContext: { enabled: false },
          jobs: { patchConsoles: { enabled: false } },
        },
      },
      'plugins',
    );
    expect(error).toBe('');
    expect(schemaErrors(objects)).toEqual([]);
    expect(objects.map((o) => o.kind).sort()).toEqual([
      'ConfigMap',
      'ConsolePlugin',
      'Deployment',
      'Service',
    ]);
    const deployment = find(objects, 'Deployment', 'day1');
    const pod = at(deployment, 'spec.template.spec') as Record<string, unknown>;
    expect(pod.serviceAccountName).toBe('existing');
    expect(pod.imagePullSecrets).toEqual([{ name: 'quay-pull' }]);
    expect(pod.securityContext).toBeUndefined();
    expect(pod.volumes).toContainEqual({
      name: 'serving-cert',
      secret: { secretName: 'my-cert', defaultMode: 420 },
    });
    expect(at(deployment, 'spec.replicas')).toBe(3);
    expect(find(objects, 'Service').metadata.annotations).toBeUndefined();
    expect(at(find(objects, 'ConsolePlugin'), 'spec.backend.service')).toEqual({
      name: 'day1',
      namespace: 'plugins',
      port: 8443,
      basePath: '/',
    });
    expect((find(objects, 'ConfigMap').data as Record<string, string>)['nginx.conf']).toContain(
      'listen [::]:8443 ssl',
    );
    expect(notes).toContain('The plugin is not enabled yet');
  });
});

describe('nginx serving the built plugin with the chart nginx.conf', () => {
  let nginx: ChildProcess | undefined;
  let port = 0;
  let work = '';
  const DIST = join(ROOT, 'dist');
  const manifest = JSON.parse(readFileSync(join(DIST, 'plugin-manifest.json'), 'utf8')) as {
    loadScripts: string[];
  };

  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => {
          resolve(typeof address === 'object' && address ? address.port : 0);
        });
      });
    });

  const get = (host: string, path: string) =>
    new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: string;
    }>((resolve, reject) => {
      const req = request({ host, port, path, rejectUnauthorized: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    port = await freePort();
    work = mkdtempSync(join(tmpdir(), 'kmm-day1-nginx-'));
    chmodSync(work, 0o755);
    const certDir = join(work, 'cert');
    mkdirSync(certDir);
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(certDir, 'tls.key'),
        '-out',
        join(certDir, 'tls.crt'),
      ],
      { stdio: 'ignore' },
    );
    const { objects } = render({ plugin: { image: IMAGE, port } });
    const conf = (find(objects, 'ConfigMap').data as Record<string, string>)['nginx.conf']
      // Only the paths that the pod mounts differ on this machine.
      .replaceAll('/tmp/', `${work}/`)
      .replaceAll('/var/cert/', `${certDir}/`)
      .replace('root /usr/share/nginx/html;', `root ${DIST};`);
    writeFileSync(join(work, 'nginx.conf'), conf);
    nginx = spawn('nginx', ['-p', work, '-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 100; i++) {
      try {
        await get('127.0.0.1', '/plugin-manifest.json');
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not start: ${stderr}`);
  }, 30_000);

  afterAll(() => {
    nginx?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it.each(['127.0.0.1', '::1'])(
    'serves the manifest on %s over TLS, never cached',
    async (host) => {
      const res = await get(host, '/plugin-manifest.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(res.body)).toMatchObject({ name: 'kmm-day1-console-plugin' });
    },
  );

  it('serves the hashed entry script and chunks as JavaScript, cached forever', async () => {
    const entry = manifest.loadScripts[0];
    const chunks = spawnSync('ls', [DIST], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((f) => /-chunk-[0-9a-f]+\.min\.js$/.test(f));
    for (const file of [entry, chunks[0]]) {
      const res = await get('127.0.0.1', `/${file}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/javascript');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves the locales as JSON, never cached', async () => {
    const res = await get('127.0.0.1', '/locales/en/plugin__kmm-day1-console-plugin.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing file and lists no directory', async () => {
    expect((await get('127.0.0.1', '/no-such-chunk.min.js')).status).toBe(404);
    expect((await get('127.0.0.1', '/missing-0123456789abcdef0123.min.js')).status).toBe(404);
    const listing = await get('127.0.0.1', '/locales/');
    expect(listing.status).toBe(404);
    expect(listing.body).not.toContain('plugin__kmm-day1-console-plugin.json');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split('\n').filter((line) => line.startsWith('FROM '));

  it('builds on UBI Node.js and runs on an unprivileged UBI nginx', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(
      /^FROM registry\.access\.redhat\.com\/ubi9\/nodejs-\d+:\S+ AS build$/,
    );
    expect(stages[1]).toMatch(/^FROM registry\.access\.redhat\.com\/ubi9\/nginx-\d+:\S+$/);
    const runtime = dockerfile.slice(dockerfile.indexOf(stages[1]));
    expect(runtime).toMatch(/^USER 1001$/m);
    // The chart's nginx.conf serves this directory on the chart's default port.
    expect(runtime).toContain('COPY --from=build /usr/src/app/dist /usr/share/nginx/html');
    expect(runtime).toContain('EXPOSE 9443');
  });

  it('runs only npm scripts that exist, and leaves dependencies out of the build context', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const used = [...dockerfile.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(Object.keys(scripts)).toContain(script);
    expect(readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['node_modules', 'dist']),
    );
  });
});
