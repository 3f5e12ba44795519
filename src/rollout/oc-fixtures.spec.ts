/**
 * @jest-environment node
 *
 * The phases against `oc adm upgrade status --details=all` on real clusters: for every node a
 * test/fixtures/cluster-states/*.detailed-output lists, our phase must be its PHASE column, and
 * our pool completion its COMPLETION.
 *
 * Mapping of oc's words to ours: the PHASE words are the same (Pending, Draining, Updating, Rebooting,
 * Paused, Updated); oc's ASSESSMENT "Degraded" is our phase Degraded, whatever oc's PHASE says; oc's
 * "Control Plane Nodes" are our pool master and "Worker Pool Nodes: <pool>" our pool <pool>.
 *
 * oc judges nodes by release: these dumps are taken during cluster updates whose new rendered configs
 * MCO has not made yet. The inputs oc used beyond the pools and nodes come from the same output: the
 * ClusterVersion's target is its "Target Version", and the release of each node's rendered config (the
 * MachineConfig's release-image-version annotation, left out of the dumps) is its VERSION column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CLUSTER_STATES } from '../../test/support/schema-checks';
import type { MachineConfig, MachineConfigPool, Node } from '../k8s/types';
import { deriveRollout } from '.';
import type { NodePhase } from '.';

const DIR = CLUSTER_STATES;
const NOW = Date.parse('2026-11-24T03:00:00Z');
const CURRENT_CONFIG = 'machineconfiguration.openshift.io/currentConfig';

interface OcNodeRow {
  name: string;
  pool: string;
  assessment: string;
  phase: string;
  version: string;
}

interface OcPoolRow {
  name: string;
  assessment: string;
  completion: string;
}

/** Splits tabwriter rows at the header's column starts. */
const columns = (header: string, names: string[], row: string): string[] => {
  const starts = names.map((name) => header.indexOf(name));
  return starts.map((start, i) => row.slice(start, starts[i + 1]).trim());
};

const parseDetailedOutput = (text: string) => {
  const lines = text.split('\n');
  const target = /^Target Version:\s+(\S+)/m.exec(text)?.[1];
  const nodes: OcNodeRow[] = [];
  const pools: OcPoolRow[] = [];
  lines.forEach((line, index) => {
    if (line.startsWith('NAME ') && line.includes(' PHASE ')) {
      const title = lines[index - 1];
      const pool =
        title === 'Control Plane Nodes' ? 'master' : /^Worker Pool Nodes: (\S+)/.exec(title)?.[1];
      if (pool === undefined) throw new Error(`unknown node section "${title}"`);
      for (const row of lines.slice(index + 1)) {
        if (row.trim() === '') break;
        const [name, assessment, phase, version] = columns(
          line,
          ['NAME', 'ASSESSMENT', 'PHASE', 'VERSION', 'EST'],
          row,
        );
        nodes.push({ name, pool, assessment, phase, version });
      }
    }
    if (line.startsWith('WORKER POOL ')) {
      for (const row of lines.slice(index + 1)) {
        if (row.trim() === '') break;
        const [name, assessment, completion] = columns(
          line,
          ['WORKER POOL', 'ASSESSMENT', 'COMPLETION', 'STATUS'],
          row,
        );
        pools.push({ name, assessment, completion });
      }
    }
  });
  return { target, nodes, pools };
};

const items = <T>(file: string): T[] =>
  (load(readFileSync(join(DIR, file), 'utf8')) as { items: T[] }).items;

const FIXTURES = readdirSync(DIR)
  .filter((file) => file.endsWith('.detailed-output'))
  .map((file) => file.replace(/\.detailed-output$/, ''))
  .sort();

/** oc's phase, in our words (see the header). */
const expectedPhase = (row: OcNodeRow): NodePhase =>
  (row.assessment === 'Degraded' ? 'Degraded' : row.phase) as NodePhase;

it('has fixtures to compare with', () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(7);
});

describe.each(FIXTURES)('%s', (fixture) => {
  const output = readFileSync(join(DIR, `${fixture}.detailed-output`), 'utf8');
  const oc = parseDetailedOutput(output);
  const pools = items<MachineConfigPool>(`${fixture}-mcp.yaml`);
  const nodes = items<Node>(`${fixture}-node.yaml`);

  it("counts each pool's machines as MCO's own status does", () => {
    const rollout = deriveRollout({ pools, nodes }, NOW);
    for (const mcp of pools) {
      const ours = rollout.pools.find((p) => p.name === mcp.metadata.name);
      expect(ours).toMatchObject({
        machineCount: mcp.status?.machineCount,
        updatedMachineCount: mcp.status?.updatedMachineCount,
        readyMachineCount: mcp.status?.readyMachineCount,
        unavailableMachineCount: mcp.status?.unavailableMachineCount,
        degradedMachineCount: mcp.status?.degradedMachineCount,
        paused: mcp.spec.paused === true,
        targetConfig: mcp.spec.configuration?.name,
      });
    }
  });

  if (oc.nodes.length === 0) {
    it('is not updating, and every node is Updated', () => {
      expect(output.trim()).toBe('The cluster is not updating.');
      const rollout = deriveRollout({ pools, nodes }, NOW);
      expect(rollout.pools.flatMap((p) => p.nodes).map((n) => n.phase)).toEqual(
        nodes.map(() => 'Updated'),
      );
      expect(rollout.unpooledNodes).toEqual([]);
    });
    return;
  }

  // The release of each rendered config, as oc printed it for the nodes on it.
  const releaseOf = new Map<string, string>();
  for (const row of oc.nodes) {
    const config = nodes.find((n) => n.metadata.name === row.name)?.metadata.annotations?.[
      CURRENT_CONFIG
    ];
    if (config === undefined) throw new Error(`${row.name}: no node or currentConfig in the dump`);
    if (releaseOf.has(config) && releaseOf.get(config) !== row.version) {
      throw new Error(`${config} has two versions in the output`);
    }
    releaseOf.set(config, row.version);
  }
  const machineConfigs = [...releaseOf].map(([name, version]): MachineConfig => ({
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata: {
      name,
      labels: {},
      annotations: { 'machineconfiguration.openshift.io/release-image-version': version },
    },
    spec: { config: { ignition: { version: '3.5.0' } } },
  }));
  const rollout = deriveRollout(
    {
      pools,
      nodes,
      machineConfigs,
      clusterVersion: {
        metadata: { name: 'version' },
        status: { history: [{ version: oc.target ?? '', state: 'Partial' }] },
      },
    },
    NOW,
  );

  it.each(oc.nodes.map((row) => [row.name, row]))(
    'gives %s the phase and pool oc gives it',
    (_name, row) => {
      const ours = rollout.pools.flatMap((p) => p.nodes).find((n) => n.name === row.name);
      expect({ pool: ours?.pool, phase: ours?.phase }).toEqual({
        pool: row.pool,
        phase: expectedPhase(row),
      });
    },
  );

  it('puts in each pool exactly the nodes oc lists for it', () => {
    const listed = [...new Set(oc.nodes.map((row) => row.pool))];
    for (const name of listed) {
      const ours = rollout.pools.find((p) => p.name === name);
      expect(ours?.nodes.map((n) => n.name)).toEqual(
        oc.nodes
          .filter((row) => row.pool === name)
          .map((row) => row.name)
          .sort(),
      );
    }
  });

  if (oc.pools.length > 0) {
    it.each(oc.pools.map((row) => [row.name, row]))(
      'gives worker pool %s the completion oc gives it',
      (_name, row) => {
        const ours = rollout.pools.find((p) => p.name === row.name);
        // oc prints no completion for a pool with no nodes ("Empty").
        const shown =
          ours?.machineCount === 0
            ? { assessment: 'Empty', completion: '' }
            : {
                assessment: row.assessment,
                completion: `${String(ours?.completion)}%`,
              };
        expect(shown).toEqual({
          assessment: row.assessment,
          completion: row.completion.split(' ')[0],
        });
      },
    );
  }
});
