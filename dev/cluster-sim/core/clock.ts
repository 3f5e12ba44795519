/**
 * Time for the simulator. Every timer goes through a Clock so that tests can swap in a ManualClock and
 * step a whole rollout deterministically, and so that close() can cancel everything still pending.
 */

export type TimerId = number;

export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  /** Cancels every pending timer. */
  dispose(): void;
}

/** Wall-clock time and Node timers; keeps track of pending timers so dispose() can clear them all. */
export class RealClock implements Clock {
  private readonly timers = new Map<TimerId, NodeJS.Timeout>();
  private nextId = 1;

  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, ms: number): TimerId {
    const id = this.nextId++;
    const timer = setTimeout(
      () => {
        this.timers.delete(id);
        callback();
      },
      Math.max(0, ms),
    );
    this.timers.set(id, timer);
    return id;
  }

  clearTimeout(id: TimerId): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(id);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

interface ManualTimer {
  id: TimerId;
  due: number;
  callback: () => void;
}

/** Simulated time that only moves when a test advances it. Timers fire in due order, ties in creation order. */
export class ManualClock implements Clock {
  private time: number;
  private readonly timers: ManualTimer[] = [];
  private nextId = 1;

  constructor(start = Date.parse('2026-11-24T03:00:00Z')) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerId {
    const timer = { id: this.nextId++, due: this.time + Math.max(0, ms), callback };
    // Keep the list sorted by due time (stable for equal times): insertion after the last timer due no later.
    let index = this.timers.length;
    while (index > 0 && this.timers[index - 1].due > timer.due) index--;
    this.timers.splice(index, 0, timer);
    return timer.id;
  }

  clearTimeout(id: TimerId): void {
    const index = this.timers.findIndex((timer) => timer.id === id);
    if (index >= 0) this.timers.splice(index, 1);
  }

  dispose(): void {
    this.timers.length = 0;
  }

  /** How many timers are pending. */
  get pending(): number {
    return this.timers.length;
  }

  /** Runs the next timer, moving time to when it is due. Returns false when none is pending. */
  step(): boolean {
    const timer = this.timers.shift();
    if (timer === undefined) return false;
    this.time = Math.max(this.time, timer.due);
    timer.callback();
    return true;
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.timers.length > 0 && this.timers[0].due <= end) this.step();
    this.time = end;
  }

  /**
   * Runs timers until `done()` is true, and throws if it is still false once simulated time has moved
   * `limitMs` or no timer is left: a test that waits for something that never happens fails fast.
   */
  runUntil(done: () => boolean, limitMs = 24 * 3600_000): void {
    const end = this.time + limitMs;
    while (!done()) {
      if (this.timers.length === 0 || this.timers[0].due > end) {
        throw new Error(
          `ManualClock.runUntil: condition still false after ${String(limitMs)} ms of simulated time`,
        );
      }
      this.step();
    }
  }
}

/**
 * The simulation's timers: delays are given at time scale 1 and multiplied by the scale. Tracks its own
 * timers so that a reset cancels the simulation's work without touching the server's.
 */
export class ScaledTimers {
  private readonly pendingIds = new Set<TimerId>();

  constructor(
    readonly clock: Clock,
    readonly timeScale: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs `callback` after `baseMs` × time scale. */
  after(baseMs: number, callback: () => void): TimerId {
    const id = this.clock.setTimeout(() => {
      this.pendingIds.delete(id);
      try {
        callback();
      } catch (error) {
        // A bug in one step must not take the whole simulator down.
        this.onError(error);
      }
    }, baseMs * this.timeScale);
    this.pendingIds.add(id);
    return id;
  }

  cancel(id: TimerId | undefined): void {
    if (id === undefined) return;
    this.clock.clearTimeout(id);
    this.pendingIds.delete(id);
  }

  cancelAll(): void {
    for (const id of this.pendingIds) this.clock.clearTimeout(id);
    this.pendingIds.clear();
  }

  get pending(): number {
    return this.pendingIds.size;
  }
}
