import { day1StatusFile } from '../../test/support/day1-status-file';
import { NOW, R1, R2, node, pool } from '../../test/support/rollout-objects';
import {
  DEFAULT_VERIFY_IMAGE,
  VERIFY_POD_LABEL,
  deriveRollout,
  formatDay1Message,
  formatVerifyOutcome,
  parseVerifyOutput,
  verifyOutcome,
  verifyPod,
  verifyScript,
} from '.';
import type { Day1Status, NodeRollout } from '.';

const KERNEL = '5.14.0-427.13.1.el9_4.x86_64';

const statusFile = (changes: Partial<Day1Status> = {}): string => day1StatusFile(changes);

const LSMOD_WITH_SFC = `Module                  Size  Used by
sfc                     700000  0
mtd                     200000  1 sfc
`;

/** A log as the pod prints it for the given status files (text per config) and lsmod output. */
const log = (files: Record<string, string>, lsmod = LSMOD_WITH_SFC): string =>
  [
    '--- kmm-day1-verify begin ---\n',
    ...Object.entries(files).map(([mc, text]) => `--- kmm-day1-verify status ${mc} ---\n${text}`),
    `--- kmm-day1-verify lsmod ---\n${lsmod}`,
    ...Object.keys(files).flatMap((mc) => [
      `--- kmm-day1-verify journal ${mc}-replace-kernel-module.service ---\n`,
      `Nov 24 03:00:00 node-a kmm-day1[${mc}]: module sfc loaded\n`,
    ]),
    '--- kmm-day1-verify end ---\n',
  ].join('');

const rolloutOf = (bootID = 'boot-a', current = R2): NodeRollout =>
  deriveRollout(
    { pools: [pool({ target: R2, current: R1 })], nodes: [node('node-a', { current, bootID })] },
    NOW,
  ).pools[0].nodes[0];
const updatedNode = rolloutOf();

describe('verifyScript', () => {
  it('reads each status file, lsmod and both units of each config, between markers', () => {
    expect(verifyScript(['99-sfc-day1'])).toBe(
      [
        "echo '--- kmm-day1-verify begin ---'",
        "echo '--- kmm-day1-verify status 99-sfc-day1 ---'",
        'cat /var/log/kmm-day1/99-sfc-day1/status.json',
        "echo '--- kmm-day1-verify lsmod ---'",
        'lsmod',
        "echo '--- kmm-day1-verify journal 99-sfc-day1-replace-kernel-module.service ---'",
        'journalctl --no-pager -n 20 -u 99-sfc-day1-replace-kernel-module.service',
        "echo '--- kmm-day1-verify journal 99-sfc-day1-pull-kernel-module-image.service ---'",
        'journalctl --no-pager -n 20 -u 99-sfc-day1-pull-kernel-module-image.service',
        "echo '--- kmm-day1-verify end ---'",
        '',
      ].join('\n'),
    );
  });

  it('leaves out anything that is not a MachineConfig name, so nothing reaches the shell unquoted', () => {
    const script = verifyScript(['a; rm -rf /', '$(reboot)', 'ok.name']);
    expect(script).not.toMatch(/rm -rf|reboot/);
    expect(script).toContain('cat /var/log/kmm-day1/ok.name/status.json');
  });
});

describe('verifyPod', () => {
  it('is a privileged, host-rooted, never-restarted pod pinned to the node, like oc debug node', () => {
    const pod = verifyPod({
      nodeName: 'Worker_4.example.com',
      namespace: 'default',
      machineConfigs: ['99-sfc-day1'],
    });
    expect(pod.metadata).toEqual({
      generateName: 'kmm-day1-verify-worker-4-example-com-',
      namespace: 'default',
      labels: { [VERIFY_POD_LABEL]: 'true' },
    });
    expect(pod.spec).toMatchObject({
      nodeName: 'Worker_4.example.com',
      restartPolicy: 'Never',
      hostPID: true,
      tolerations: [{ operator: 'Exists' }],
      volumes: [{ name: 'host', hostPath: { path: '/', type: 'Directory' } }],
      containers: [
        {
          image: DEFAULT_VERIFY_IMAGE,
          command: ['chroot', '/host', '/bin/sh', '-c', verifyScript(['99-sfc-day1'])],
          securityContext: { privileged: true, runAsUser: 0 },
          volumeMounts: [{ name: 'host', mountPath: '/host' }],
        },
      ],
    });
    expect(pod.spec.activeDeadlineSeconds).toBeGreaterThan(0);
  });

  it('keeps generateName a valid DNS label for long node names', () => {
    const { generateName } = verifyPod({
      nodeName: 'n'.repeat(253),
      namespace: 'ns',
      machineConfigs: [],
      image: 'quay.io/me/tools:1',
    }).metadata;
    // The API server appends 5 characters.
    expect(`${generateName ?? ''}abcde`).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
  });
});

describe('parseVerifyOutput', () => {
  it('splits the sections and parses the status file', () => {
    const output = parseVerifyOutput(log({ '99-sfc-day1': statusFile() }));
    expect(output.complete).toBe(true);
    expect(output.statusFiles).toEqual([
      expect.objectContaining({
        machineConfig: '99-sfc-day1',
        status: expect.objectContaining({ phase: 'Loaded', moduleLoaded: true }) as unknown,
      }),
    ]);
    expect(output.loadedModules).toEqual(['sfc', 'mtd']);
    expect(output.journals).toEqual([
      {
        unit: '99-sfc-day1-replace-kernel-module.service',
        lines: ['Nov 24 03:00:00 node-a kmm-day1[99-sfc-day1]: module sfc loaded'],
      },
    ]);
  });

  it('finds a marker printed right after a file with no final newline', () => {
    const output = parseVerifyOutput(
      `--- kmm-day1-verify status 99-sfc-day1 ---\n${statusFile().trimEnd()}--- kmm-day1-verify lsmod ---\nModule Size Used by\nsfc 1 0\n`,
    );
    expect(output.statusFiles[0].status?.phase).toBe('Loaded');
    expect(output.loadedModules).toEqual(['sfc']);
    expect(output.complete).toBe(false);
  });

  it('says why a status file cannot be read', () => {
    const output = parseVerifyOutput(
      log({
        missing: 'cat: /var/log/kmm-day1/missing/status.json: No such file or directory\n',
        broken: '{"schemaVersion": 1, "phase": "Exploded"}\n',
        empty: '',
      }),
    );
    expect(output.statusFiles.map((f) => [f.machineConfig, f.problem])).toEqual([
      [
        'missing',
        {
          code: 'output',
          params: { line: 'cat: /var/log/kmm-day1/missing/status.json: No such file or directory' },
        },
      ],
      ['broken', { code: 'malformed', params: { problems: expect.any(Array) as unknown } }],
      ['empty', { code: 'empty', params: {} }],
    ]);
    const broken = verifyOutcome(updatedNode, output).configs[1].followUp.message;
    expect(formatDay1Message(broken)).toContain('"phase" must be one of');
  });

  it('reads a truncated or foreign log as incomplete', () => {
    expect(parseVerifyOutput('Error: image pull failed\n')).toEqual({
      statusFiles: [],
      journals: [],
      complete: false,
    });
  });
});

describe('verifyOutcome', () => {
  it('says "module loaded" when the status file and lsmod agree', () => {
    const outcome = verifyOutcome(
      updatedNode,
      parseVerifyOutput(log({ '99-sfc-day1': statusFile() })),
    );
    const loaded = { code: 'loaded', params: {} };
    expect(outcome).toEqual({
      state: 'ModuleLoaded',
      message: loaded,
      configs: [
        {
          machineConfig: '99-sfc-day1',
          inLsmod: true,
          followUp: { state: 'ModuleLoaded', message: loaded },
        },
      ],
    });
    expect(formatVerifyOutcome(outcome)).toBe('module loaded');
  });

  it('believes lsmod over a status file that says loaded', () => {
    const outcome = verifyOutcome(
      updatedNode,
      parseVerifyOutput(log({ '99-sfc-day1': statusFile() }, 'Module Size Used by\nice 1 0\n')),
    );
    expect(outcome.state).toBe('ModuleNotLoaded');
    expect(formatVerifyOutcome(outcome)).toBe(
      'module not loaded: the status file says sfc was loaded, but lsmod does not list it',
    );
  });

  it('gives the pull failure as the reason', () => {
    const outcome = verifyOutcome(
      updatedNode,
      parseVerifyOutput(
        log({
          '99-sfc-day1': statusFile({
            phase: 'PullFailed',
            moduleLoaded: false,
            lastError: 'manifest unknown',
            loadedAt: null,
          }),
        }),
      ),
    );
    expect(outcome.state).toBe('ModuleNotLoaded');
    expect(formatVerifyOutcome(outcome)).toBe(
      `module not loaded: pulling quay.io/acme/sfc-kmod:${KERNEL} failed: manifest unknown; the node keeps its in-tree driver`,
    );
  });

  it('does not trust a status file from an earlier boot', () => {
    const outcome = verifyOutcome(
      rolloutOf('boot-b'),
      parseVerifyOutput(log({ '99-sfc-day1': statusFile() })),
    );
    expect(outcome.state).toBe('Unknown');
    expect(formatVerifyOutcome(outcome)).toContain('earlier boot');
  });

  it('waits for MCO on a node that is still being updated', () => {
    const outcome = verifyOutcome(
      rolloutOf('boot-a', R1),
      parseVerifyOutput(log({ '99-sfc-day1': statusFile() })),
    );
    expect(outcome.state).toBe('AwaitingMCO');
  });

  it("takes the worst config's outcome for the node, naming the config", () => {
    const outcome = verifyOutcome(
      updatedNode,
      parseVerifyOutput(
        log({
          '99-sfc-day1': statusFile(),
          '99-ice-day1': statusFile({ machineConfig: '99-ice-day1', phase: 'RebootPending' }),
        }),
      ),
    );
    expect(outcome.state).toBe('WaitingForImagePullReboot');
    expect(outcome.worstConfig).toBe('99-ice-day1');
    expect(formatVerifyOutcome(outcome)).toBe('waiting for the image-pull reboot (99-ice-day1)');
    expect(outcome.configs.map((c) => c.followUp.state)).toEqual([
      'ModuleLoaded',
      'WaitingForImagePullReboot',
    ]);
  });

  it('is unknown when the pod printed no status file', () => {
    expect(formatVerifyOutcome(verifyOutcome(updatedNode, parseVerifyOutput('')))).toBe(
      'unknown: the verify pod printed no status file',
    );
    expect(formatVerifyOutcome(verifyOutcome(updatedNode, parseVerifyOutput(log({}))))).toBe(
      'unknown: the node has no Day 1 config to verify',
    );
  });
});
