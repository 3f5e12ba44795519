import { DEFAULT_DAY1_REBOOT_MS, nodeEstimate, smoothEstimate } from './estimate';

const MINUTE = 60_000;
const NOW = Date.parse('2026-01-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('smoothEstimate', () => {
  it('shows the first estimate, done and not estimated as they are', () => {
    expect(smoothEstimate(undefined, 600, NOW)).toBe(600);
    expect(smoothEstimate({ seconds: 600, atMs: NOW }, 0, NOW + 1000)).toBe(0);
    expect(smoothEstimate({ seconds: 600, atMs: NOW }, undefined, NOW + 1000)).toBeUndefined();
  });

  it('counts the previous figure down and keeps it while the estimate agrees', () => {
    expect(smoothEstimate({ seconds: 600, atMs: NOW }, 590, NOW + 10_000)).toBe(590);
  });

  it('never moves by a factor of more than two in one sample, however far the estimate jumps', () => {
    // From the documented defaults (48 min) to the observed pace (6 min): a factor of eight.
    const down = smoothEstimate({ seconds: 48 * 60, atMs: NOW }, 6 * 60, NOW + 10 * MINUTE);
    expect(down).toBe(Math.ceil((48 * 60 - 600) / 2));
    const up = smoothEstimate({ seconds: 6 * 60, atMs: NOW }, 48 * 60, NOW + 10_000);
    expect(up).toBe(2 * (6 * 60 - 10));
    // Many events in the same instant do not move it at all.
    expect(smoothEstimate({ seconds: 360, atMs: NOW }, 2880, NOW)).toBe(360);
  });

  it('follows the estimate exponentially, about 63 % of the way in a minute', () => {
    const next = smoothEstimate({ seconds: 1060, atMs: NOW }, 1500, NOW + MINUTE) ?? 0;
    expect(next).toBeGreaterThan(1000 + 0.6 * 500);
    expect(next).toBeLessThan(1000 + 0.66 * 500);
  });
});

describe('nodeEstimate (the EST column of oc adm upgrade status)', () => {
  const timing = { estimatePerNodeMs: 6 * MINUTE, estimateTailMs: 3 * MINUTE };

  it('gives a node being updated its start plus the per-node duration and the Day 1 reboot', () => {
    const started = NOW - 2 * MINUTE;
    for (const phase of ['Draining', 'Updating', 'Rebooting'] as const) {
      expect(nodeEstimate({ phase, updateStartedAt: iso(started) }, timing, NOW)).toEqual({
        kind: 'at',
        at: started + 9 * MINUTE,
      });
    }
    // Without the update's start, the phase's start.
    expect(nodeEstimate({ phase: 'Draining', since: iso(started) }, timing, NOW)).toEqual({
      kind: 'at',
      at: started + 9 * MINUTE,
    });
  });

  it('says a node past its expected time is late, and a node in its Day 1 reboot is one reboot away', () => {
    expect(
      nodeEstimate({ phase: 'Updating', updateStartedAt: iso(NOW - 20 * MINUTE) }, timing, NOW),
    ).toEqual({ kind: 'late' });
    expect(nodeEstimate({ phase: 'RebootingForDay1', since: iso(NOW) }, timing, NOW)).toEqual({
      kind: 'at',
      at: NOW + DEFAULT_DAY1_REBOOT_MS,
    });
  });

  it("words the rest as oc does: Pending waits its turn, Degraded '?', Updated and Paused '-'", () => {
    expect(nodeEstimate({ phase: 'Pending' }, timing, NOW)).toEqual({ kind: 'waiting' });
    expect(nodeEstimate({ phase: 'Pending' }, undefined, NOW)).toEqual({ kind: 'unknown' });
    expect(nodeEstimate({ phase: 'Degraded' }, timing, NOW)).toEqual({ kind: 'unknown' });
    expect(nodeEstimate({ phase: 'Updating' }, timing, NOW)).toEqual({ kind: 'unknown' });
    expect(nodeEstimate({ phase: 'Updated' }, timing, NOW)).toEqual({ kind: 'none' });
    expect(nodeEstimate({ phase: 'Paused' }, timing, NOW)).toEqual({ kind: 'none' });
  });
});
