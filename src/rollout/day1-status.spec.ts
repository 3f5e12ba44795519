import { NOW, R2, node, pool } from '../../test/support/rollout-objects';
import {
  DAY1_PHASES,
  Day1StatusError,
  day1FollowUp,
  deriveRollout,
  formatDay1Message,
  parseDay1Status,
} from '.';
import type { Day1Status, NodeRollout } from '.';

/** A status file as write_status in common.sh writes it (README "Status file"). */
const FILE = `{
  "machineConfig": "99-sfc-day1",
  "phase": "Loaded",
  "kernelVersion": "5.14.0-427.13.1.el9_4.x86_64",
  "kernelModule": "sfc",
  "kernelModuleImage": "quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64",
  "workerImage": "quay.io/edge-infrastructure/kernel-module-management-worker:latest",
  "moduleLoaded": true,
  "lastError": null,
  "bootID": "boot-a",
  "loadedAt": "2026-11-24T03:00:00Z",
  "updatedAt": "2026-11-24T03:00:00Z"
}
`;

const status = (changes: Partial<Day1Status>): Day1Status => ({
  ...parseDay1Status(FILE),
  ...changes,
});

const rolloutOf = (current: string): NodeRollout =>
  deriveRollout({ pools: [pool()], nodes: [node('a', { current })] }, NOW).pools[0].nodes[0];
const updated = rolloutOf(R2);

describe('parseDay1Status', () => {
  it('reads the file the scripts write', () => {
    expect(parseDay1Status(FILE)).toEqual({
      machineConfig: '99-sfc-day1',
      phase: 'Loaded',
      kernelVersion: '5.14.0-427.13.1.el9_4.x86_64',
      kernelModule: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64',
      workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
      moduleLoaded: true,
      lastError: null,
      bootID: 'boot-a',
      loadedAt: '2026-11-24T03:00:00Z',
      updatedAt: '2026-11-24T03:00:00Z',
    });
  });

  it.each([
    ['not JSON', '{"phase": ', /^the Day 1 status file is malformed: not JSON \(/],
    ['empty', '', /not JSON/],
    ['an array', '[]', /expected a JSON object, found an array$/],
    ['null', 'null', /expected a JSON object, found null$/],
    [
      'missing fields',
      '{"phase": "Loaded"}',
      /"machineConfig" must be a string; .*"bootID" must be a string; .*"moduleLoaded" must be true or false/,
    ],
    [
      'an unknown phase',
      FILE.replace('"Loaded"', '"Exploded"'),
      /"phase" must be one of ImagesMissing, Pulling, PullFailed, RebootPending, Loading, Loaded, LoadFailed, not "Exploded"$/,
    ],
    [
      'a wrong type',
      FILE.replace('"lastError": null', '"lastError": 3'),
      /"lastError" must be a string or null$/,
    ],
  ])('rejects %s with a clear error', (_what, text, message) => {
    expect(() => parseDay1Status(text)).toThrow(Day1StatusError);
    expect(() => parseDay1Status(text)).toThrow(message);
  });

  it('ignores fields it does not know', () => {
    expect(parseDay1Status(FILE.replace('{', '{"future": 1,')).phase).toBe('Loaded');
  });
});

/** The follow-up with its message in the CLI's English. */
const followUpOf = (...args: Parameters<typeof day1FollowUp>) => {
  const { state, message } = day1FollowUp(...args);
  return { state, message: formatDay1Message(message) };
};

describe('day1FollowUp', () => {
  it('waits for MCO while the node is not Updated', () => {
    expect(followUpOf(rolloutOf('rendered-worker-old'), status({}))).toEqual({
      state: 'AwaitingMCO',
      message: 'waiting for MCO to finish with the node (Pending)',
    });
  });

  it('is unknown until verified', () => {
    expect(followUpOf(updated, undefined)).toEqual({
      state: 'Unknown',
      message: 'unknown: not verified yet',
    });
  });

  it.each([
    ['ImagesMissing', 'WaitingForImagePullReboot', 'waiting for the image-pull reboot'],
    ['Pulling', 'WaitingForImagePullReboot', 'waiting for the image-pull reboot'],
    ['RebootPending', 'WaitingForImagePullReboot', 'waiting for the image-pull reboot'],
    ['Loading', 'Loading', 'loading the module'],
    ['Loaded', 'ModuleLoaded', 'module loaded'],
  ] as const)('maps %s to %s', (phase, state, message) => {
    expect(followUpOf(updated, status({ phase }))).toEqual({ state, message });
  });

  it("gives the reason as a code with parameters, the node's own error as it is", () => {
    expect(
      day1FollowUp(
        updated,
        status({ phase: 'LoadFailed', moduleLoaded: false, lastError: 'boom' }),
      ),
    ).toEqual({
      state: 'ModuleNotLoaded',
      message: { code: 'loadFailed', params: { error: 'boom' } },
    });
  });

  it('says why the module is not loaded', () => {
    expect(
      followUpOf(
        updated,
        status({
          phase: 'PullFailed',
          moduleLoaded: false,
          lastError: 'manifest unknown',
          kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64',
        }),
      ),
    ).toEqual({
      state: 'ModuleNotLoaded',
      message:
        'module not loaded: pulling quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64 failed: manifest unknown; the node keeps its in-tree driver',
    });
    expect(
      followUpOf(
        updated,
        status({
          phase: 'LoadFailed',
          moduleLoaded: false,
          lastError: 'module sfc is already loaded',
        }),
      ),
    ).toEqual({
      state: 'ModuleNotLoaded',
      message: 'module not loaded: module sfc is already loaded',
    });
    expect(followUpOf(updated, status({ moduleLoaded: false })).state).toBe('ModuleNotLoaded');
  });

  it('does not trust a file from another boot or kernel', () => {
    expect(followUpOf(updated, status({ bootID: 'boot-before' }))).toEqual({
      state: 'Unknown',
      message: 'unknown: the status file is from an earlier boot (Loaded at 2026-11-24T03:00:00Z)',
    });
    expect(
      followUpOf(updated, status({ kernelVersion: '5.14.0-284.59.1.el9_2.x86_64' })).state,
    ).toBe('Unknown');
  });

  it('covers every phase the scripts write', () => {
    for (const phase of DAY1_PHASES) {
      expect(followUpOf(updated, status({ phase })).state).not.toBe('AwaitingMCO');
    }
  });
});
