/**
 * @jest-environment node
 *
 * The built `day1-utility rollout`, run as a user runs it: on real `oc get -o yaml` dumps, on a List, on
 * several documents, from stdin, and on input it cannot use.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { day1StatusFile } from '../../test/support/day1-status-file';
import { R2, node, pool } from '../../test/support/rollout-objects';
import { CLUSTER_STATES } from '../../test/support/schema-checks';
import type { MachineConfigPool, Node } from '../k8s/types';
import { deriveRollout } from '../rollout';
import { rolloutJSON } from './rollout-command';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'day1-utility.cjs');
const fixture = (name: string) => join(CLUSTER_STATES, name);
let scratch: string;

beforeAll(() => {
  // Test the CLI built from the current sources.
  execFileSync('node', [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  scratch = mkdtempSync(join(tmpdir(), 'day1-rollout-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const run = (args: string[], input?: string) => {
  const result = spawnSync('node', [BIN, 'rollout', ...args], { encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};

const itemsOf = <T>(path: string): T[] =>
  (load(readFileSync(path, 'utf8')) as { items: T[] }).items;

interface JsonOutput {
  pools: {
    name: string;
    paused: boolean;
    state: string;
    completion: number;
    nodes: { name: string; phase: string }[];
  }[];
}

describe('day1-utility rollout on oc dumps', () => {
  const PAUSED = [
    '-f',
    fixture('4.14.1-paused-worker-pool-mcp.yaml'),
    '-f',
    fixture('4.14.1-paused-worker-pool-node.yaml'),
  ];

  it('prints a table per pool with its nodes, in aligned columns', () => {
    const { status, stdout, stderr } = run(PAUSED);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const sections = stdout.split(/\n(?=MachineConfigPool )/);
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      'MachineConfigPool master',
      'MachineConfigPool worker',
    ]);
    const worker = sections[1];
    expect(worker).toContain(
      '  State:             Updated (All nodes are updated with MachineConfig rendered-worker-4cec9ed3a634560e5c083a187c8f93a7)',
    );
    expect(worker).toContain('  Paused:            yes');
    const lines = worker.split('\n');
    const header = lines.find((l) => l.startsWith('NAME '));
    if (header === undefined) throw new Error(`no node table in:\n${worker}`);
    const rows = lines.slice(lines.indexOf(header) + 1).filter((l) => l.trim() !== '');
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual([
      'ip-10-0-20-162.us-east-2.compute.internal',
      'ip-10-0-4-159.us-east-2.compute.internal',
      'ip-10-0-99-40.us-east-2.compute.internal',
    ]);
    // Every cell starts under its header, as oc's tabwriter lays them out.
    for (const column of ['PHASE', 'SINCE', 'CURRENT CONFIG', 'DESIRED CONFIG', 'EST']) {
      const at = header.indexOf(column);
      for (const row of rows) {
        expect({ column, cell: row.slice(at - 3, at) }).toEqual({ column, cell: '   ' });
        expect({ column, start: row[at] }).not.toEqual({ column, start: ' ' });
      }
    }
  });

  it('prints exactly the documented JSON with -o json', () => {
    const { status, stdout } = run([...PAUSED, '-o', 'json']);
    expect(status).toBe(0);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(Object.keys(output)).toEqual(['pools']);
    for (const pool of output.pools) {
      expect(Object.keys(pool)).toEqual([
        'name',
        'machineCount',
        'updatedMachineCount',
        'readyMachineCount',
        'unavailableMachineCount',
        'degradedMachineCount',
        'paused',
        'state',
        'targetConfig',
        'completion',
        'maxUnavailable',
        'day1',
        'nodes',
      ]);
      for (const node of pool.nodes) {
        expect(Object.keys(node)).toEqual([
          'name',
          'phase',
          'currentConfig',
          'desiredConfig',
          'message',
          'day1',
        ]);
      }
    }
    expect(
      output.pools.map((p) => [p.name, p.paused, p.state, p.completion, p.nodes.length]),
    ).toEqual([
      ['master', false, 'Updated', 100, 3],
      ['worker', true, 'Updated', 100, 3],
    ]);
    // The same as the library gives for the same objects.
    const expected = rolloutJSON(
      deriveRollout(
        {
          pools: itemsOf<MachineConfigPool>(fixture('4.14.1-paused-worker-pool-mcp.yaml')),
          nodes: itemsOf<Node>(fixture('4.14.1-paused-worker-pool-node.yaml')),
        },
        Date.now(),
      ),
    );
    expect(output).toEqual(expected);
  });

  it('reads every fixture of test/fixtures/cluster-states', () => {
    for (const name of [
      '4.14.1-degraded',
      '4.15.0-ec2-b02-cos-not-annotated',
      '4.16.0-compact',
      '4.16.0-single-node',
      'not-upgrading',
    ]) {
      const { status, stdout, stderr } = run([
        '-f',
        fixture(`${name}-mcp.yaml`),
        '-f',
        fixture(`${name}-node.yaml`),
        '-o',
        'json',
      ]);
      expect({ name, status, stderr }).toEqual({ name, status: 0, stderr: '' });
      const pools = (JSON.parse(stdout) as JsonOutput).pools;
      expect(pools.flatMap((p) => p.nodes)).toHaveLength(
        itemsOf(fixture(`${name}-node.yaml`)).length,
      );
    }
  });
});

describe('input forms', () => {
  const pools = itemsOf<MachineConfigPool>(fixture('not-upgrading-mcp.yaml'));
  const nodes = itemsOf<Node>(fixture('not-upgrading-node.yaml'));
  const expectedNames = nodes.map((n) => n.metadata.name).sort();
  const namesIn = (stdout: string) =>
    (JSON.parse(stdout) as JsonOutput).pools.flatMap((p) => p.nodes.map((n) => n.name)).sort();

  it('reads one v1 List of every kind from stdin', () => {
    const list = dump({
      apiVersion: 'v1',
      kind: 'List',
      items: [...pools, ...nodes],
      metadata: { resourceVersion: '' },
    });
    const { status, stdout, stderr } = run(['-f', '-', '-o', 'json'], list);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(namesIn(stdout)).toEqual(expectedNames);
  });

  it('reads JSON (oc get -o json)', () => {
    const path = file(
      'cluster.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...pools, ...nodes] }),
    );
    expect(namesIn(run(['-f', path, '-o', 'json']).stdout)).toEqual(expectedNames);
  });

  it('reads several documents, typed lists whose items have no kind, and skips empty documents', () => {
    const bare = nodes.map((n) => ({ metadata: n.metadata, spec: n.spec, status: n.status }));
    const text = [
      '',
      ...pools.map((p) => dump(p)),
      dump({ apiVersion: 'v1', kind: 'NodeList', items: bare }),
      '',
    ].join('---\n');
    const { status, stdout } = run(['-f', file('docs.yaml', text), '-o', 'json']);
    expect(status).toBe(0);
    expect(namesIn(stdout)).toEqual(expectedNames);
  });

  it('says which kinds it ignored, on stderr', () => {
    const text = `${dump({ apiVersion: 'v1', kind: 'List', items: [...pools, ...nodes] })}---\n${dump({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } })}`;
    const { status, stderr } = run(['-f', file('pod.yaml', text), '-o', 'json']);
    expect(status).toBe(0);
    expect(stderr).toBe(
      'day1-utility rollout: ignored 1 Pod object: only MachineConfigPool, Node, MachineConfigNode, MachineConfig, ClusterVersion are read\n',
    );
  });
});

describe('input it cannot use (exit 1, the error names the document)', () => {
  const nodesFile = fixture('not-upgrading-node.yaml');
  const poolsFile = fixture('not-upgrading-mcp.yaml');

  it.each([
    [
      'a missing file',
      () => ['-f', join(scratch, 'nope.yaml')],
      /^day1-utility rollout: .*nope\.yaml: no such file\n$/,
    ],
    [
      'YAML that does not parse',
      () => ['-f', file('broken.yaml', 'kind: Node\nmetadata: {name: a}\n---\nkind: [unclosed\n')],
      /^day1-utility rollout: .*broken\.yaml, document 2: not valid YAML or JSON: .*\(line \d+\)\n$/,
    ],
    [
      'a document that is not an object',
      () => ['-f', file('scalar.yaml', 'just text\n')],
      /^day1-utility rollout: .*scalar\.yaml, document 1: expected a Kubernetes object, found a string\n$/,
    ],
    [
      'an object with no kind',
      () => ['-f', poolsFile, '-f', file('nokind.yaml', 'metadata: {name: a}\n')],
      /nokind\.yaml, document 1: the object has no "kind"\n$/,
    ],
    [
      'a List item without a name',
      () => [
        '-f',
        file(
          'noname.yaml',
          'kind: List\nitems:\n- kind: Node\n  metadata: {name: a}\n- kind: Node\n  metadata: {}\n',
        ),
      ],
      /noname\.yaml, document 1, item 2: a Node without metadata\.name\n$/,
    ],
    [
      'no MachineConfigPool',
      () => ['-f', nodesFile],
      /^day1-utility rollout: no MachineConfigPool in .*not-upgrading-node\.yaml; give the output of: oc get machineconfigpools,nodes,machineconfignodes,machineconfigs -o yaml\n$/,
    ],
    ['no Node', () => ['-f', poolsFile], /no Node in .*not-upgrading-mcp\.yaml/],
    ['nothing on stdin', () => ['-f', '-'], /no MachineConfigPool in stdin/],
  ])('rejects %s', (_what, args, message) => {
    const { status, stdout, stderr } = run(args(), '');
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(status).toBe(1);
  });
});

describe('usage', () => {
  it.each([
    ['no -f', []],
    ['an unknown flag', ['-f', 'x', '-watch']],
    ['an unknown output format', ['-f', 'x', '-o', 'yaml']],
    ['a file given without -f', ['cluster.yaml']],
    ['-f without a value', ['-f']],
  ])('exits 2 with the usage for %s', (_what, args) => {
    const { status, stdout, stderr } = run(args);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^day1-utility rollout: .+\n\nUsage: day1-utility rollout -f FILE/);
    expect(status).toBe(2);
  });

  it('prints its help on stdout with -h, and day1-utility -h points to it', () => {
    const help = run(['-h']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: day1-utility rollout -f FILE [-f FILE ...] [-o json]');
    expect(help.stdout).toContain(
      'oc get machineconfigpools,nodes,machineconfignodes,machineconfigs -o yaml',
    );
    const produce = spawnSync('node', [BIN, '-h'], { encoding: 'utf8' });
    expect(produce.status).toBe(0);
    expect(produce.stdout).toContain('day1-utility rollout -f FILE');
  });
});

describe('Day 1 status files', () => {
  const KERNEL = '5.14.0-427.13.1.el9_4.x86_64';
  // The sfc pool's target brings 99-sfc-day1; MCO is done with both nodes.
  const cluster = () =>
    file(
      'day1-cluster.yaml',
      dump({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          pool({ name: 'sfc', sources: ['00-worker', '99-sfc-day1'], current: R2 }),
          node('worker-4', { current: R2, roles: ['worker', 'sfc'] }),
          node('worker-5', { current: R2, roles: ['worker', 'sfc'] }),
        ],
      }),
    );
  /** What `oc get --raw .../proxy/logs/kmm-day1/99-sfc-day1/status.json` prints for a node. */
  const statusOf = (nodeName: string, changes: Record<string, unknown> = {}) =>
    day1StatusFile({ bootID: `boot-${nodeName}`, kernelVersion: KERNEL, ...changes });

  interface Day1Json {
    pools: {
      name: string;
      state: string;
      day1: Record<string, number> | null;
      nodes: {
        name: string;
        phase: string;
        day1: { state: string; text: string; configs: { inTreeRestored: unknown }[] } | null;
      }[];
    }[];
  }

  it('adds a DAY 1 column and the loaded count from the status files, matched by boot', () => {
    const statuses = file(
      'statuses.json',
      statusOf('worker-4') +
        statusOf('worker-5', {
          phase: 'LoadFailed',
          moduleLoaded: false,
          inTreeRestored: true,
          reason: 'WorkerFailed',
          lastError: 'the KMM worker exited with status 1',
          loadedAt: null,
        }),
    );
    const { status, stdout, stderr } = run(['-f', cluster(), '-f', statuses]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/Module loaded: +on 1 of 2 nodes \(1 failed, 0 unreachable/);
    const header = stdout.split('\n').find((line) => line.startsWith('NAME'));
    expect(header?.split(/\s{2,}/)).toEqual([
      'NAME',
      'PHASE',
      'SINCE',
      'CURRENT CONFIG',
      'DESIRED CONFIG',
      'DAY 1',
      'EST',
      'MESSAGE',
    ]);
    expect(stdout).toMatch(/worker-4 .* Loaded/);
    expect(stdout).toMatch(/worker-5 .* Load failed, in-tree driver restored/);

    const json = JSON.parse(
      run(['-f', cluster(), '-f', statuses, '-o', 'json']).stdout,
    ) as Day1Json;
    const [sfc] = json.pools;
    expect(sfc.day1).toMatchObject({ total: 2, loaded: 1, failed: 1 });
    expect(sfc.nodes.map((n) => [n.name, n.day1?.state])).toEqual([
      ['worker-4', 'Loaded'],
      ['worker-5', 'LoadFailed'],
    ]);
    expect(sfc.nodes[1].day1?.configs[0].inTreeRestored).toBe(true);
  });

  it('does not call a pool done while a node has not reported from its boot', () => {
    const statuses = file('one-status.json', statusOf('worker-4'));
    const json = JSON.parse(
      run(['-f', cluster(), '-f', statuses, '-o', 'json']).stdout,
    ) as Day1Json;
    expect(json.pools[0].state).toBe('Updating');
    expect(json.pools[0].nodes.map((n) => [n.name, n.phase, n.day1?.state])).toEqual([
      ['worker-4', 'Updated', 'Loaded'],
      ['worker-5', 'RebootingForDay1', 'NotReported'],
    ]);
  });

  it('leaves out, and says so, a file from a boot no node runs now', () => {
    const statuses = file('stale.json', statusOf('worker-4', { bootID: 'boot-before' }));
    const { status, stderr } = run(['-f', cluster(), '-f', statuses, '-o', 'json']);
    expect(status).toBe(0);
    expect(stderr).toContain(
      "the status file of 99-sfc-day1 from boot boot-before matches no node's current boot",
    );
  });

  it('names the document of a malformed status file', () => {
    const statuses = file('bad.json', statusOf('worker-4', { schemaVersion: 7 }));
    const { status, stderr } = run(['-f', cluster(), '-f', statuses]);
    expect(status).toBe(1);
    expect(stderr).toContain('bad.json, document 1: the Day 1 status file is malformed');
  });

  it('says nothing of Day 1 states without status files', () => {
    const json = JSON.parse(run(['-f', cluster(), '-o', 'json']).stdout) as Day1Json;
    expect(json.pools[0].state).toBe('Updated');
    expect(json.pools[0].day1).toBeNull();
    expect(json.pools[0].nodes[0].day1).toBeNull();
  });
});
