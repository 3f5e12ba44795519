/**
 * @jest-environment node
 *
 * The console's Verify pod (src/rollout/verify-pod.ts) on simulated nodes: created through the API, run
 * to completion, and its log read back with the console's own parser. The MachineConfig comes from the
 * plugin's producer: this checks the plugin's code against the simulator, which has its own reading of it.
 */
import { MACHINE_CONFIG_POOLS, NODES } from '../../dev/cluster-sim/core/resources';
import { MC_PATH, SFC_DAY1, request, startManualSim } from '../../dev/cluster-sim/tests/helpers';
import type { Day1Parameters } from '../../dev/cluster-sim/tests/helpers';
import type { MachineConfigPool } from '../../src/k8s/types';
import { produceMachineConfig } from '../../src/producer';
import {
  deriveRollout,
  formatVerifyOutcome,
  parseVerifyOutput,
  verifyOutcome,
  verifyPod,
} from '../../src/rollout';
import type { NodeRollout, VerifyOutput } from '../../src/rollout';

const day1MachineConfig = (options: Partial<Day1Parameters> = {}) =>
  produceMachineConfig({ ...SFC_DAY1, ...options });

type Sim = Awaited<ReturnType<typeof startManualSim>>;
let sim: Sim;

beforeEach(async () => {
  sim = await startManualSim({ scenario: 'demo' });
});
afterEach(async () => {
  await sim.close();
});

const POD_PATH = '/api/v1/namespaces/default/pods';

/** Rolls a Day 1 config to the sfc pool and waits until both nodes' units are done. */
const rollOut = async (config: Parameters<typeof day1MachineConfig>[0], done: string[]) => {
  const name = config?.machineConfigName ?? '99-sfc-day1';
  expect(
    (await request(sim, MC_PATH, { method: 'POST', body: day1MachineConfig(config) })).status,
  ).toBe(201);
  sim.clock.runUntil(() =>
    ['worker-4', 'worker-5'].every((node, i) => {
      const phase = sim.simulation.day1Status(node)?.[name]?.phase;
      return phase === done[i] && sim.simulation.operator.agent(node)?.idle === true;
    }),
  );
  // Let MCO report the nodes Done on the new config.
  sim.clock.advance(60_000);
};

const nodeRollout = (name: string): NodeRollout => {
  const { store } = sim.simulation;
  const rollout = deriveRollout({
    pools: store.list(MACHINE_CONFIG_POOLS) as unknown as MachineConfigPool[],
    nodes: store.list(NODES),
  });
  const found = rollout.pools.flatMap((p) => p.nodes).find((n) => n.name === name);
  if (found === undefined) throw new Error(`no node ${name}`);
  return found;
};

/** Creates the Verify pod, lets it run, reads its log and deletes it, as the console does. */
const verify = async (nodeName: string, machineConfigs: string[]): Promise<VerifyOutput> => {
  const created = await request(sim, POD_PATH, {
    method: 'POST',
    body: verifyPod({ nodeName, namespace: 'default', machineConfigs }),
  });
  expect(created.status).toBe(201);
  const name = created.body.metadata.name;
  expect(name).toMatch(new RegExp(`^kmm-day1-verify-${nodeName}-`));
  expect(created.body.spec).toMatchObject({ nodeName, restartPolicy: 'Never', hostPID: true });

  sim.clock.advance(10_000);
  const pod = await request(sim, `${POD_PATH}/${name}`);
  expect(pod.body.status.phase).toBe('Succeeded');
  const log = await request(sim, `${POD_PATH}/${name}/log`);
  expect(log.status).toBe(200);
  expect((await request(sim, `${POD_PATH}/${name}`, { method: 'DELETE' })).status).toBe(200);
  return parseVerifyOutput(log.text);
};

describe('the Verify pod on a simulated node', () => {
  it('shows the status file, lsmod and the journal of a node that loaded the module', async () => {
    await rollOut(undefined, ['Loaded', 'Loaded']);
    const output = await verify('worker-4', ['99-sfc-day1']);

    expect(output.complete).toBe(true);
    expect(output.statusFiles).toHaveLength(1);
    expect(output.statusFiles[0].status).toEqual(
      sim.simulation.day1Status('worker-4')?.['99-sfc-day1'],
    );
    // sfc is now the out-of-tree build; mdio, removed with it, is gone.
    expect(output.loadedModules).toContain('sfc');
    expect(output.loadedModules).not.toContain('mdio');
    expect(output.journals.map((j) => j.unit)).toEqual([
      '99-sfc-day1-replace-kernel-module.service',
      '99-sfc-day1-pull-kernel-module-image.service',
    ]);
    expect(output.journals[0].lines.join('\n')).toContain('module sfc loaded from');

    const outcome = verifyOutcome(nodeRollout('worker-4'), output);
    expect(outcome.state).toBe('ModuleLoaded');
    expect(formatVerifyOutcome(outcome)).toBe('module loaded');
    expect(outcome.configs[0].inLsmod).toBe(true);
  });

  it('shows why the module is not loaded on a node whose kernel has no image tag', async () => {
    // ice-kmod exists only for the el9_4 kernel; worker-5 runs el9_2.
    await rollOut(
      {
        machineConfigName: '99-ice-day1',
        kernelModuleImage: 'quay.io/acme/ice-kmod',
        kernelModuleName: 'ice',
        inTreeModulesToRemove: ['ice'],
      },
      ['Loaded', 'PullFailed'],
    );
    const output = await verify('worker-5', ['99-ice-day1']);

    expect(output.statusFiles[0].status?.phase).toBe('PullFailed');
    expect(output.loadedModules).not.toContain('ice');
    expect(output.journals[1].lines.join('\n')).toContain('quay.io/acme/ice-kmod');
    const outcome = verifyOutcome(nodeRollout('worker-5'), output);
    expect(outcome.state).toBe('ModuleNotLoaded');
    expect(formatVerifyOutcome(outcome)).toMatch(
      /^module not loaded: pulling quay\.io\/acme\/ice-kmod:5\.14\.0-284\.59\.1\.el9_2\.x86_64 failed: .+; the node keeps its in-tree driver$/,
    );
  });

  it('keeps the last N journal lines with journalctl -n N', async () => {
    await rollOut(undefined, ['Loaded', 'Loaded']);
    const unit = '99-sfc-day1-replace-kernel-module.service';
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'journal-check' },
      spec: {
        nodeName: 'worker-4',
        restartPolicy: 'Never',
        containers: [
          {
            name: 'check',
            image: 'registry.redhat.io/rhel9/support-tools:latest',
            command: [
              'chroot',
              '/host',
              '/bin/sh',
              '-c',
              `journalctl -n 0 -u ${unit}\necho next\njournalctl --no-pager -n 5 -u ${unit}`,
            ],
          },
        ],
      },
    };
    expect((await request(sim, POD_PATH, { method: 'POST', body: pod })).status).toBe(201);
    sim.clock.advance(10_000);
    const log = await request(sim, `${POD_PATH}/journal-check/log`);
    expect(log.text).toMatch(/^next\nkmm-day1\[99-sfc-day1\]: module sfc loaded from \S+\n$/);
  });

  it('reports a config whose status file the node never wrote', async () => {
    const output = await verify('worker-0', ['99-sfc-day1']);
    expect(output.complete).toBe(true);
    expect(output.statusFiles[0]).toMatchObject({
      machineConfig: '99-sfc-day1',
      problem: {
        code: 'output',
        params: {
          line: 'cat: /var/log/kmm-day1/99-sfc-day1/status.json: No such file or directory',
        },
      },
    });
    expect(output.journals[0].lines).toEqual(['-- No entries --']);
    const outcome = verifyOutcome(nodeRollout('worker-0'), output);
    expect(outcome.state).toBe('Unknown');
    expect(formatVerifyOutcome(outcome)).toBe(
      'unknown: no status file for 99-sfc-day1 (cat: /var/log/kmm-day1/99-sfc-day1/status.json: No such file or directory)',
    );
  });
});
