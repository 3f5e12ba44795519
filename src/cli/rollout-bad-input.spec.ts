/**
 * @jest-environment node
 *
 * The fault suite's bad input for the built `day1-utility rollout`, beyond rollout-command.spec.ts:
 * files it cannot read, documents of the wrong shape, and objects that are malformed the way a cluster
 * can hold them (no status, unknown annotation values, fields of the wrong type). Input it cannot use
 * exits 1 naming the problem; objects it can read but not trust still give a rollout, never a crash.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_PHASES } from '../rollout';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'day1-utility.cjs');
let scratch: string;

beforeAll(() => {
  execFileSync('node', [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  scratch = mkdtempSync(join(tmpdir(), 'day1-rollout-bad-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const run = (args: string[]) => {
  const result = spawnSync('node', [BIN, 'rollout', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const file = (name: string, content: string | Buffer): string => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

const WORKER_POOL = {
  apiVersion: 'machineconfiguration.openshift.io/v1',
  kind: 'MachineConfigPool',
  metadata: { name: 'worker' },
  spec: {
    nodeSelector: { matchLabels: { 'node-role.kubernetes.io/worker': '' } },
    configuration: { name: 'rendered-worker-1' },
  },
};
const WORKER = { 'node-role.kubernetes.io/worker': '' };

interface JsonOutput {
  pools: {
    name: string;
    state: string;
    nodes: { name: string; phase: string; message: string }[];
  }[];
}

describe('input it cannot read (exit 1, the error names it)', () => {
  it.each([
    ['a directory', () => ['-f', scratch], /: cannot read it \(EISDIR/],
    [
      'a document that is a list, not an object',
      () => ['-f', file('list.yaml', '- a\n- b\n')],
      /list\.yaml, document 1: expected a Kubernetes object, found a list\n$/,
    ],
    [
      'binary data',
      () => ['-f', file('binary.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x41]))],
      /binary\.yaml, document 1: not valid YAML or JSON: /,
    ],
  ])('rejects %s', (_what, args, message) => {
    const { status, stdout, stderr } = run(args());
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^day1-utility rollout: /);
    expect(stderr).toMatch(message);
    expect(status).toBe(1);
  });
});

it('rejects an empty file name as a usage error (exit 2)', () => {
  const { status, stdout, stderr } = run(['-f', '']);
  expect(stdout).toBe('');
  expect(stderr).toMatch(/-f needs a file name \(or - for stdin\), not an empty string/);
  expect(status).toBe(2);
});

describe('objects a cluster can hold but no controller wrote that way (exit 0, a rollout)', () => {
  const malformed = {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      // A pool MCO has not reached yet: no status, no configuration.
      {
        ...WORKER_POOL,
        metadata: { name: 'fresh' },
        spec: { nodeSelector: { matchLabels: { 'node-role.kubernetes.io/fresh': '' } } },
      },
      WORKER_POOL,
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'bare', labels: WORKER } },
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: 'odd',
          labels: WORKER,
          annotations: {
            'machineconfiguration.openshift.io/state': 'Exploded',
            'machineconfiguration.openshift.io/currentConfig': 'rendered-worker-0',
            'machineconfiguration.openshift.io/desiredConfig': 42,
          },
        },
        status: { conditions: 'not a list', nodeInfo: { kernelVersion: 42, bootID: null } },
      },
      {
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfigNode',
        metadata: { name: 'odd' },
        spec: { node: { name: 'odd' } },
        status: { conditions: [{ type: 'Updated', status: 'Sometimes' }, 'garbage'] },
      },
      {
        apiVersion: 'machineconfiguration.openshift.io/v1',
        kind: 'MachineConfig',
        metadata: { name: 'rendered-worker-1' },
        spec: 'not an object',
      },
    ],
  };

  it('reads them, gives every node a phase and a reason, and writes nothing on stderr', () => {
    const path = file('malformed.json', JSON.stringify(malformed));
    const { status, stdout, stderr } = run(['-f', path, '-o', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { pools } = JSON.parse(stdout) as JsonOutput;
    expect(pools.map((pool) => pool.name).sort()).toEqual(['fresh', 'worker']);
    const nodes = pools.flatMap((pool) => pool.nodes);
    expect(nodes.map((node) => node.name).sort()).toEqual(['bare', 'odd']);
    for (const node of nodes) {
      expect(NODE_PHASES).toContain(node.phase);
      expect(node.message).not.toBe('');
    }
    expect(nodes.find((node) => node.name === 'bare')).toMatchObject({
      phase: 'Pending',
      message: 'MCO has not set the currentConfig annotation on this node yet',
    });
  });

  it('prints the same as a table', () => {
    const path = file('malformed-table.json', JSON.stringify(malformed));
    const { status, stdout, stderr } = run(['-f', path]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('MachineConfigPool fresh');
    expect(stdout).toMatch(/^bare +Pending /m);
    expect(stdout).toMatch(/^odd +\w+ /m);
  });
});
