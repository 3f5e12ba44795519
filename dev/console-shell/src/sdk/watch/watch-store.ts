import type { WatchState, WatchTimings } from './resource-watch';
import { ResourceWatch } from './resource-watch';
import type { WatchRequest } from './query';
import { watchKey } from './query';

export interface WatchStoreStatus {
  /** Distinct watches currently open. */
  watches: number;
  /** Of those, how many lost their WebSocket and are re-listing. */
  reconnecting: number;
  /**
   * Of those, how many report an error that says the API cannot be reached or failed (5xx, 429, a
   * network error or a timeout), such as a first list that failed and is being retried. A 403 or 404
   * is an answer, not a lost connection.
   */
  failing: number;
}

/** An error from the API server or the network, not a definite answer such as 403 or 404. */
const isConnectionError = (error: unknown): boolean => {
  if (!error) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'number' || code >= 500 || code === 429;
};

const DEFAULT_TIMINGS: WatchTimings = {
  initialBackoffMs: 1000,
  maxBackoffMs: 30000,
  reconnectGraceMs: 60000,
  pageSize: 250,
  bufferFlushMs: 500,
};

type Listener = () => void;

/**
 * Keeps ONE list+watch per distinct resource descriptor, shared by every hook that asks for it
 * (reference counted, like console's REF_COUNTS), and lets hooks subscribe to its state.
 */
export class WatchStore {
  private readonly watches = new Map<string, { watch: ResourceWatch; refs: number }>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly statusListeners = new Set<Listener>();
  private status: WatchStoreStatus = { watches: 0, reconnecting: 0, failing: 0 };
  private timings: WatchTimings;

  constructor(timings: Partial<WatchTimings> = {}) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  /** Changes the timings of the watches started from now on (the shell's boot options). */
  setTimings(timings: Partial<WatchTimings>): void {
    this.timings = { ...this.timings, ...timings };
  }

  /** Starts (or joins) the watch for `request`; call the returned function to leave it. */
  acquire(request: WatchRequest): () => void {
    const key = watchKey(request);
    let entry = this.watches.get(key);
    if (!entry) {
      const watch = new ResourceWatch(request, this.timings, (previous) => {
        this.onWatchChange(key, previous, watch.state);
      });
      entry = { watch, refs: 0 };
      this.watches.set(key, entry);
      watch.start();
      this.refreshStatus();
    }
    entry.refs += 1;
    const acquired = entry;
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      acquired.refs -= 1;
      if (acquired.refs === 0 && this.watches.get(key) === acquired) {
        acquired.watch.stop();
        this.watches.delete(key);
        this.refreshStatus();
        this.emit(key);
      }
    };
  }

  /** The state of a watch, or undefined while nobody holds it. Stable until the next change. */
  getState(key: string): WatchState | undefined {
    return this.watches.get(key)?.watch.state;
  }

  /** Listens to one watch; works before the watch is acquired. */
  subscribe(key: string, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) {
        this.listeners.delete(key);
      }
    };
  }

  getStatus(): WatchStoreStatus {
    return this.status;
  }

  subscribeStatus(listener: Listener): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Stops every watch (tests, page unload). */
  stopAll(): void {
    [...this.watches.values()].forEach(({ watch }) => {
      watch.stop();
    });
    this.watches.clear();
    this.refreshStatus();
  }

  private onWatchChange(key: string, previous: WatchState, next: WatchState): void {
    this.emit(key);
    if (previous.reconnecting !== next.reconnecting || previous.loadError !== next.loadError) {
      this.refreshStatus();
    }
  }

  private emit(key: string): void {
    [...(this.listeners.get(key) ?? [])].forEach((listener) => {
      listener();
    });
  }

  private refreshStatus(): void {
    const entries = [...this.watches.values()];
    const next: WatchStoreStatus = {
      watches: entries.length,
      reconnecting: entries.filter(({ watch }) => watch.state.reconnecting).length,
      failing: entries.filter(({ watch }) => isConnectionError(watch.state.loadError)).length,
    };
    if (
      next.watches !== this.status.watches ||
      next.reconnecting !== this.status.reconnecting ||
      next.failing !== this.status.failing
    ) {
      this.status = next;
      [...this.statusListeners].forEach((listener) => {
        listener();
      });
    }
  }
}

/** The browser-wide store; hooks use it unless a WatchStoreContext provider says otherwise. */
export const defaultWatchStore = new WatchStore();
