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
  "schemaVersion": 1,
  "machineConfig": "99-sfc-day1",
  "phase": "Loaded",
  "kernelVersion": "5.14.0-427.13.1.el9_4.x86_64",
  "kernelModule": "sfc",
  "kernelModuleImage": "quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64",
  "workerImage": "quay.io/edge-infrastructure/kernel-module-management-worker:latest",
  "bootID": "boot-a",
  "moduleLoaded": true,
  "inTreeRestored": null,
  "rebootsUsed": 1,
  "reason": null,
  "blockingModule": null,
  "lastError": null,
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
      schemaVersion: 1,
      machineConfig: '99-sfc-day1',
      phase: 'Loaded',
      kernelVersion: '5.14.0-427.13.1.el9_4.x86_64',
      kernelModule: 'sfc',
      kernelModuleImage: 'quay.io/acme/sfc-kmod:5.14.0-427.13.1.el9_4.x86_64',
      workerImage: 'quay.io/edge-infrastructure/kernel-module-management-worker:latest',
      moduleLoaded: true,
      inTreeRestored: null,
      rebootsUsed: 1,
      reason: null,
      blockingModule: null,
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
      '{"schemaVersion": 1, "phase": "Loaded"}',
      /"machineConfig" must be a string; .*"bootID" must be a string; .*"moduleLoaded" must be true or false; "inTreeRestored" must be true, false or null; "rebootsUsed" must be a whole number, 0 or more; "reason" must be null or one of/,
    ],
    [
      'no schema version',
      FILE.replace('"schemaVersion": 1,', ''),
      /malformed: "schemaVersion" must be 1, not missing$/,
    ],
    [
      'another schema version',
      FILE.replace('"schemaVersion": 1,', '"schemaVersion": 2,'),
      /malformed: "schemaVersion" must be 1, not 2$/,
    ],
    [
      'an unknown reason',
      FILE.replace('"reason": null', '"reason": "Gremlins"'),
      /"reason" must be null or one of InTreeModuleHeld, .*, Interrupted, not "Gremlins"$/,
    ],
    [
      'a negative reboot count',
      FILE.replace('"rebootsUsed": 1', '"rebootsUsed": -1'),
      /"rebootsUsed" must be a whole number, 0 or more$/,
    ],
    [
      'an unknown phase',
      FILE.replace('"Loaded"', '"Exploded"'),
      /"phase" must be one of ImagesMissing, Pulling, PullFailed, RebootPending, Loading, Loaded, LoadFailed, LoadRefused, LoadSkippedAfterCrash, RebootBudgetExhausted, not "Exploded"$/,
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
      message: { code: 'loadFailed', params: { error: 'boom', inTreeRestored: null } },
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

  it('says whether the in-tree driver is back after a failed load', () => {
    const failed = (inTreeRestored: boolean) =>
      followUpOf(
        updated,
        status({
          phase: 'LoadFailed',
          moduleLoaded: false,
          lastError: 'bad signature',
          inTreeRestored,
        }),
      ).message;
    expect(failed(true)).toBe(
      'module not loaded: bad signature; the in-tree driver was loaded again',
    );
    expect(failed(false)).toBe(
      'module not loaded: bad signature; the in-tree driver could not be loaded again: the node may have no driver',
    );
  });

  it('names the reason and the module that blocks a refused load', () => {
    expect(
      followUpOf(
        updated,
        status({
          phase: 'LoadRefused',
          moduleLoaded: false,
          reason: 'InTreeModuleHeld',
          blockingModule: 'mdio',
          lastError: null,
        }),
      ),
    ).toEqual({
      state: 'ModuleNotLoaded',
      message:
        'module not loaded: refused before unloading anything, the in-tree driver is unchanged: in-tree module mdio is in use by a module that is not listed for removal',
    });
    expect(
      followUpOf(
        updated,
        status({ phase: 'LoadRefused', moduleLoaded: false, reason: 'VermagicMismatch' }),
      ).message,
    ).toContain("the image's sfc was built for another kernel");
  });

  it('says the node will not try again after a crash or beyond its reboot budget', () => {
    expect(
      followUpOf(updated, status({ phase: 'LoadSkippedAfterCrash', moduleLoaded: false })).message,
    ).toContain('stopped during the previous boot while loading quay.io/acme/sfc-kmod:');
    expect(
      followUpOf(
        updated,
        status({ phase: 'RebootBudgetExhausted', moduleLoaded: false, rebootsUsed: 1 }),
      ).message,
    ).toBe(
      'module not loaded: the node already rebooted 1 time for this image and kernel and will not reboot again',
    );
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
