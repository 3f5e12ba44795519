/**
 * @jest-environment node
 *
 * The built `day1-utility rollout` on several documents in one input, as a shell gives them:
 * `oc get mcp -o json; oc get nodes -o json` prints two JSON documents one after the other, with no
 * separator. They are read like YAML documents between "---" lines, and bad input names the document
 * and where in it the problem is.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'day1-utility.cjs');
let scratch: string;

beforeAll(() => {
  execFileSync('node', [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  scratch = mkdtempSync(join(tmpdir(), 'day1-rollout-stream-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const run = (args: string[], input: string) => {
  const result = spawnSync('node', [BIN, 'rollout', ...args], { encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const WORKER = { 'node-role.kubernetes.io/worker': '' };
const POOLS = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [
    {
      apiVersion: 'machineconfiguration.openshift.io/v1',
      kind: 'MachineConfigPool',
      metadata: { name: 'worker' },
      spec: {
        nodeSelector: { matchLabels: WORKER },
        configuration: { name: 'rendered-worker-1' },
      },
    },
  ],
};
const node = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: WORKER,
    annotations: {
      'machineconfiguration.openshift.io/currentConfig': 'rendered-worker-1',
      'machineconfiguration.openshift.io/desiredConfig': 'rendered-worker-1',
      'machineconfiguration.openshift.io/state': 'Done',
    },
  },
});
const NODES = {
  apiVersion: 'v1',
  kind: 'List',
  metadata: { resourceVersion: '' },
  items: [node('worker-0'), node('worker-1')],
};
/** As `oc get -o json` prints: four-space indents and a final newline. */
const asOcPrints = (value: unknown) => `${JSON.stringify(value, null, 4)}\n`;

interface JsonOutput {
  pools: { name: string; nodes: { name: string }[] }[];
}
const nodesIn = (stdout: string) =>
  (JSON.parse(stdout) as JsonOutput).pools.flatMap((pool) => pool.nodes.map((n) => n.name));

describe('several documents in one input', () => {
  it('reads JSON documents printed one after the other, from stdin', () => {
    const { status, stdout, stderr } = run(
      ['-f', '-', '-o', 'json'],
      asOcPrints(POOLS) + asOcPrints(NODES),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(nodesIn(stdout)).toEqual(['worker-0', 'worker-1']);
  });

  it('reads what `oc get mcp -o json; oc get nodes -o json` pipes to it', () => {
    const pools = join(scratch, 'pools.json');
    const nodes = join(scratch, 'nodes.json');
    writeFileSync(pools, asOcPrints(POOLS));
    writeFileSync(nodes, asOcPrints(NODES));
    // The shell's `;` inside a group, as the README's example pipes it.
    const stdout = execFileSync(
      'sh',
      ['-c', '{ cat "$1"; cat "$2"; } | node "$3" rollout -f - -o json', 'sh', pools, nodes, BIN],
      { encoding: 'utf8' },
    );
    expect(nodesIn(stdout)).toEqual(['worker-0', 'worker-1']);
  });

  it('reads JSON documents with nothing between them, and a file of them', () => {
    const path = join(scratch, 'compact.json');
    writeFileSync(path, JSON.stringify(POOLS) + JSON.stringify(NODES));
    const { status, stdout } = run(['-f', path, '-o', 'json'], '');
    expect(status).toBe(0);
    expect(nodesIn(stdout)).toEqual(['worker-0', 'worker-1']);
  });

  it('still reads YAML documents, and JSON ones, between "---" lines', () => {
    const yaml = run(['-f', '-', '-o', 'json'], `${dump(POOLS)}---\n${dump(NODES)}`);
    expect(yaml.status).toBe(0);
    expect(nodesIn(yaml.stdout)).toEqual(['worker-0', 'worker-1']);
    const json = run(['-f', '-', '-o', 'json'], `${asOcPrints(POOLS)}---\n${asOcPrints(NODES)}`);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    expect(nodesIn(json.stdout)).toEqual(['worker-0', 'worker-1']);
  });
});

describe('a stream it cannot read (exit 1, the error names the document, line and column)', () => {
  const pools = asOcPrints(POOLS);
  const poolLines = pools.split('\n').length - 1;
  const nodes = asOcPrints(NODES);

  it.each([
    [
      'a second document cut short',
      pools + nodes.slice(0, 200),
      `stdin, document 2: not valid JSON: the input ends before this document's closing "}" (line ${String(poolLines + 1)}, column 1)`,
    ],
    [
      'a trailing comma in the second document',
      `${pools}{"kind": "List", "items": [1,]}\n`,
      `stdin, document 2: not valid JSON: expected a value, found "]" (line ${String(poolLines + 1)}, column 30)`,
    ],
    [
      'YAML after a JSON document',
      `${pools}kind: List\nitems: []\n`,
      `stdin, document 2: not valid JSON: expected "{" or "[" to start a JSON document, found "k" (line ${String(poolLines + 1)}, column 1)`,
    ],
  ])('rejects %s', (_what, input, message) => {
    const { status, stdout, stderr } = run(['-f', '-'], input);
    expect(stdout).toBe('');
    expect(stderr).toBe(`day1-utility rollout: ${message}\n`);
    expect(status).toBe(1);
  });
});
