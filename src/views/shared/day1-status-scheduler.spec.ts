import { Day1StatusScheduler, day1StatusUrl } from './day1-status-scheduler';
import type { Day1StatusTarget, FetchText } from './day1-status-scheduler';
import { day1StatusFile } from '../../../test/support/day1-status-file';

interface Call {
  url: string;
  signal: AbortSignal;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

/** A fetch whose answers the test gives, call by call. */
const controlledFetch = () => {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchText: FetchText = (url, signal) =>
    new Promise<string>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => {
        inFlight--;
      };
      signal.addEventListener('abort', () => {
        reject(new Error('aborted'));
      });
      calls.push({
        url,
        signal,
        resolve: (text) => {
          done();
          resolve(text);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  return {
    fetchText,
    calls,
    maxInFlight: () => maxInFlight,
  };
};

const httpError = (code: number) => Object.assign(new Error(`HTTP ${String(code)}`), { code });

const target = (node: string, changes: Partial<Day1StatusTarget> = {}): Day1StatusTarget => ({
  node,
  phase: 'Updated',
  ready: true,
  bootID: `boot-${node}`,
  configs: ['99-sfc-day1'],
  ...changes,
});

const loaded = (node: string) => day1StatusFile({ bootID: `boot-${node}` });

/** Lets the scheduler's promise chains run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('Day1StatusScheduler', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const start = (options: { concurrency?: number } = {}) => {
    const fetch = controlledFetch();
    const scheduler = new Day1StatusScheduler({
      fetchText: fetch.fetchText,
      concurrency: options.concurrency,
    });
    return { fetch, scheduler };
  };

  it('asks for the plain path of each status file, with no query string', () => {
    expect(day1StatusUrl('worker-0', '99-sfc-day1')).toBe(
      '/api/kubernetes/api/v1/nodes/worker-0/proxy/logs/kmm-day1/99-sfc-day1/status.json',
    );
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('worker-0')]);
    expect(fetch.calls.map((call) => call.url)).toEqual([day1StatusUrl('worker-0', '99-sfc-day1')]);
    expect(fetch.calls[0].url).not.toContain('?');
    scheduler.dispose();
  });

  it('never has more reads in flight than its concurrency, and reads every node once', async () => {
    const { fetch, scheduler } = start({ concurrency: 8 });
    scheduler.setAccess(true);
    const nodes = Array.from({ length: 200 }, (_, i) => `worker-${String(i)}`);
    scheduler.update(nodes.map((node) => target(node)));
    expect(fetch.calls).toHaveLength(8);
    const answered = new Set<Call>();
    for (let round = 0; round < 100 && answered.size < fetch.calls.length; round++) {
      for (const call of fetch.calls.filter((c) => !answered.has(c))) {
        answered.add(call);
        call.resolve(loaded(call.url.split('/')[6]));
      }
      await settle();
    }
    expect(fetch.maxInFlight()).toBe(8);
    expect(fetch.calls).toHaveLength(200);
    expect(new Set(fetch.calls.map((call) => call.url)).size).toBe(200);
    jest.advanceTimersByTime(300);
    expect(scheduler.facts().size).toBe(200);
    expect(scheduler.facts().get('worker-7')?.reads.get('99-sfc-day1')?.kind).toBe('read');
    expect(scheduler.progress()).toMatchObject({ nodes: 200, read: 200, pending: 0 });
    scheduler.dispose();
  });

  it('makes no request when nothing changed, and one per change of phase, readiness or bootID', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a'), target('b')]);
    fetch.calls.forEach((call) => {
      call.resolve(loaded(call.url.includes('/a/') ? 'a' : 'b'));
    });
    await settle();
    expect(fetch.calls).toHaveLength(2);

    // The same nodes again (a watch event elsewhere, the clock tick): nothing to read.
    scheduler.update([target('a'), target('b')]);
    scheduler.update([target('a'), target('b')]);
    await settle();
    jest.advanceTimersByTime(60_000);
    expect(fetch.calls).toHaveLength(2);

    // a goes down for a reboot: one read; it comes back with a new boot: one more.
    scheduler.update([target('a', { ready: false }), target('b')]);
    expect(fetch.calls).toHaveLength(3);
    fetch.calls[2].reject(httpError(503));
    await settle();
    scheduler.update([target('a', { bootID: 'boot-a2' }), target('b')]);
    expect(fetch.calls).toHaveLength(4);
    expect(fetch.calls[3].url).toContain('/nodes/a/');
    scheduler.dispose();
  });

  it('skips nodes MCO has not reached yet, and reads them once MCO is done', () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a', { phase: 'Pending' }), target('b', { phase: 'Draining' })]);
    expect(fetch.calls).toHaveLength(0);
    scheduler.update([target('a', { phase: 'Updated' }), target('b', { phase: 'Draining' })]);
    expect(fetch.calls.map((call) => call.url)).toEqual([day1StatusUrl('a', '99-sfc-day1')]);
    scheduler.dispose();
  });

  it('reads every node again on refresh, and every 5 minutes', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a')]);
    fetch.calls[0].resolve(loaded('a'));
    await settle();
    scheduler.refresh();
    expect(fetch.calls).toHaveLength(2);
    fetch.calls[1].resolve(loaded('a'));
    await settle();
    jest.advanceTimersByTime(5 * 60_000 - 1);
    expect(fetch.calls).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(fetch.calls).toHaveLength(3);
    scheduler.dispose();
  });

  it('reads a node between steps again, less often each time', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a')]);
    fetch.calls[0].resolve(day1StatusFile({ bootID: 'boot-a', phase: 'Pulling' }));
    await settle();
    jest.advanceTimersByTime(30_000);
    expect(fetch.calls).toHaveLength(2);
    fetch.calls[1].reject(httpError(404));
    await settle();
    jest.advanceTimersByTime(30_000);
    expect(fetch.calls).toHaveLength(2);
    jest.advanceTimersByTime(30_000);
    expect(fetch.calls).toHaveLength(3);
    scheduler.dispose();
  });

  it('maps answers to reads: 404 missing, 403 forbidden, 5xx unreachable, corrupt malformed', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update(['a', 'b', 'c', 'd', 'e'].map((node) => target(node)));
    fetch.calls[0].reject(httpError(404));
    fetch.calls[1].reject(httpError(403));
    fetch.calls[2].reject(httpError(502));
    fetch.calls[3].resolve('{"schemaVersion": 1, "phase": ');
    fetch.calls[4].reject(new TypeError('Failed to fetch'));
    await settle();
    const kinds = Object.fromEntries(
      [...scheduler.facts()].map(([node, facts]) => [node, facts.reads.get('99-sfc-day1')?.kind]),
    );
    expect(kinds).toEqual({
      a: 'missing',
      b: 'forbidden',
      c: 'unreachable',
      d: 'malformed',
      e: 'unreachable',
    });
    scheduler.dispose();
  });

  it('calls a node that does not answer in time unreachable, keeping its last known status', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a')]);
    fetch.calls[0].resolve(loaded('a'));
    await settle();
    scheduler.update([target('a', { ready: false })]);
    expect(fetch.calls).toHaveLength(2);
    jest.advanceTimersByTime(10_000);
    await settle();
    const read = scheduler.facts().get('a')?.reads.get('99-sfc-day1');
    expect(read).toMatchObject({
      kind: 'unreachable',
      error: 'no answer within 10 s',
      lastKnown: { status: { phase: 'Loaded', bootID: 'boot-a' } },
    });
    scheduler.dispose();
  });

  it('keeps the facts of unchanged nodes, and records the bootID MCO was done with', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a'), target('b', { phase: 'Updating' })]);
    fetch.calls.forEach((call) => {
      call.resolve(loaded('a'));
    });
    await settle();
    const before = scheduler.facts();
    expect(before.get('a')?.bootIDWhenDone).toBe('boot-a');
    expect(before.get('b')?.bootIDWhenDone).toBeUndefined();
    scheduler.update([target('a', { bootID: 'boot-a2' }), target('b', { phase: 'Updating' })]);
    const after = scheduler.facts();
    expect(after).not.toBe(before);
    expect(after.get('b')).toBe(before.get('b'));
    // The bootID MCO was done with stays: a new one means a reboot since.
    expect(after.get('a')?.bootIDWhenDone).toBe('boot-a');
    scheduler.dispose();
  });

  it('caches per node and boot: a new boot is read once, the earlier status kept until then', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a')]);
    fetch.calls[0].resolve(day1StatusFile({ bootID: 'boot-a', phase: 'RebootPending' }));
    await settle();
    // The follow-up for a node between steps is not due yet; the same boot asks nothing.
    scheduler.update([target('a')]);
    expect(fetch.calls).toHaveLength(1);

    scheduler.update([target('a', { bootID: 'boot-a2' })]);
    expect(fetch.calls).toHaveLength(2);
    // While the new boot's file is being read, the earlier one tells the domain a Day 1 reboot happened.
    const pending = scheduler.facts().get('a')?.reads.get('99-sfc-day1');
    expect(pending).toMatchObject({
      kind: 'read',
      status: { bootID: 'boot-a', phase: 'RebootPending' },
    });
    fetch.calls[1].resolve(day1StatusFile({ bootID: 'boot-a2' }));
    await settle();
    expect(scheduler.facts().get('a')?.reads.get('99-sfc-day1')).toMatchObject({
      kind: 'read',
      status: { bootID: 'boot-a2', phase: 'Loaded' },
    });
    scheduler.update([target('a', { bootID: 'boot-a2' })]);
    jest.advanceTimersByTime(60_000);
    expect(fetch.calls).toHaveLength(2);
    scheduler.dispose();
  });

  it('resumes after dispose, reading what was cancelled', async () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(true);
    scheduler.update([target('a'), target('b')]);
    fetch.calls[0].resolve(loaded('a'));
    await settle();
    scheduler.dispose();
    expect(fetch.calls[1].signal.aborted).toBe(true);
    scheduler.start();
    expect(fetch.calls.map((call) => call.url)).toEqual([
      day1StatusUrl('a', '99-sfc-day1'),
      day1StatusUrl('b', '99-sfc-day1'),
      day1StatusUrl('b', '99-sfc-day1'),
    ]);
    scheduler.dispose();
  });

  it('makes no request without access, and says forbidden for every config', () => {
    const { fetch, scheduler } = start();
    scheduler.setAccess(false);
    scheduler.update([target('a', { configs: ['99-sfc-day1', '99-mlx-day1'] })]);
    scheduler.refresh();
    jest.advanceTimersByTime(10 * 60_000);
    expect(fetch.calls).toHaveLength(0);
    const reads = scheduler.facts().get('a')?.reads;
    expect([...(reads?.values() ?? [])].map((read) => read?.kind)).toEqual([
      'forbidden',
      'forbidden',
    ]);
    scheduler.dispose();
  });

  it('waits for the access review, and cancels its reads when disposed', () => {
    const { fetch, scheduler } = start();
    scheduler.update([target('a')]);
    expect(fetch.calls).toHaveLength(0);
    scheduler.setAccess(true);
    expect(fetch.calls).toHaveLength(1);
    scheduler.dispose();
    expect(fetch.calls[0].signal.aborted).toBe(true);
  });

  it('tells its listeners once for a burst of results, and without delay when the last read ends', async () => {
    const { fetch, scheduler } = start();
    const listener = jest.fn();
    scheduler.subscribe(listener);
    scheduler.setAccess(true);
    scheduler.update(['a', 'b', 'c'].map((node) => target(node)));
    jest.advanceTimersByTime(300);
    listener.mockClear();
    // Two of three: batched.
    fetch.calls.slice(0, 2).forEach((call) => {
      call.resolve(loaded('a'));
    });
    await settle();
    expect(listener).not.toHaveBeenCalled();
    jest.advanceTimersByTime(300);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(scheduler.progress()).toMatchObject({ read: 2, pending: 1 });
    // The last one: no read waits, so the page hears it in the next task, not a batch later.
    fetch.calls[2].resolve(loaded('c'));
    await settle();
    jest.advanceTimersByTime(0);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(scheduler.progress()).toMatchObject({ read: 3, pending: 0 });
    jest.advanceTimersByTime(1000);
    expect(listener).toHaveBeenCalledTimes(2);
    scheduler.dispose();
  });

  it('tells its listeners less often while hundreds of reads wait, so that renders do not hold them up', async () => {
    const { fetch, scheduler } = start({ concurrency: 8 });
    const listener = jest.fn();
    scheduler.subscribe(listener);
    scheduler.setAccess(true);
    scheduler.update(Array.from({ length: 200 }, (_, i) => target(`worker-${String(i)}`)));
    jest.advanceTimersByTime(1000);
    listener.mockClear();
    fetch.calls.forEach((call) => {
      call.resolve(loaded(call.url.split('/')[6]));
    });
    await settle();
    jest.advanceTimersByTime(999);
    expect(listener).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(1);
    scheduler.dispose();
  });
});
