import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { useAccessReview } from '@openshift-console/dynamic-plugin-sdk';
import type { NodeDay1Facts, NodeRollout, Rollout } from '../../rollout';
import type {
  Day1StatusAccess,
  Day1StatusProgress,
  Day1StatusScheduler,
  Day1StatusTarget,
  FetchText,
} from './day1-status-scheduler';
import { SameOrNew } from '../../rollout';
import { readConcurrency, saveConcurrency } from './day1-status-settings';
import { fetchNodeProxyText } from './node-proxy-text';
import { useLazyModule } from './useLazyModule';
import type * as SchedulerModule from './day1-status-scheduler';

export interface Day1Statuses {
  /** Whether the user may `get nodes/proxy`; undefined while the access review runs. */
  access: Day1StatusAccess;
  /** By node name, for Day1RolloutDeriver. */
  facts: ReadonlyMap<string, NodeDay1Facts>;
  progress: Day1StatusProgress;
  /** Reads every node again. */
  refresh: () => void;
  /** Nodes read at once. */
  concurrency: number;
  setConcurrency: (value: number) => void;
}

/** The SDK's fetch: console's headers (impersonation, CSRF) and its errors (HttpError with `code`). */
const fetchText: FetchText = (url, signal) => fetchNodeProxyText(url, signal);

/**
 * The scheduler (and the status files' parser) loads with the page's first render, alongside the
 * access review and the watches that it waits for anyway; once loaded, a page opened later makes its
 * scheduler at once.
 */
const loadSchedulerModule = () => import('./day1-status-scheduler');
const newScheduler = (loaded: typeof SchedulerModule | undefined) =>
  loaded && new loaded.Day1StatusScheduler({ fetchText });

// Until the scheduler has loaded: nothing read.
const NO_FACTS: ReadonlyMap<string, NodeDay1Facts> = new Map();
const noFacts = () => NO_FACTS;
const NO_PROGRESS: Day1StatusProgress = { nodes: 0, read: 0, pending: 0 };
const noProgress = () => NO_PROGRESS;
const noSubscription = () => () => undefined;

/**
 * Statuses read once for a whole page whose parts each need them (the pool tab: its configs' list and
 * the pool's rollout): the parts below use these instead of reading the same nodes again.
 */
const SharedDay1Statuses = createContext<Day1Statuses | undefined>(undefined);
export const Day1StatusesProvider = SharedDay1Statuses.Provider;

interface TargetCache {
  /** Each node's last target: kept while what the scheduler reads of the node is unchanged. */
  byNode: Map<string, Day1StatusTarget>;
  /** One array per list of config names, so that each node's is compared by identity. */
  configs: Map<string, string[]>;
  /** The list last handed back: handed back again when every target in it is unchanged. */
  last: readonly Day1StatusTarget[];
}

const sameTarget = (
  target: Day1StatusTarget | undefined,
  node: NodeRollout,
  configs: readonly string[],
): target is Day1StatusTarget =>
  target?.configs === configs &&
  target.phase === node.phase &&
  target.ready === node.kubeletReady &&
  target.bootID === node.bootID;

/**
 * The nodes to read: those of pools (all, or those named in `pools`) whose target has Day 1 configs.
 * A burst of node events that changes nothing read here (a cordon, say) gives back the same list, so
 * that the scheduler is not even asked.
 */
const targetsOf = (
  cache: TargetCache,
  rollout: Rollout | undefined,
  pools: ReadonlySet<string> | undefined,
): readonly Day1StatusTarget[] => {
  const targets = new SameOrNew(cache.last);
  for (const pool of rollout?.pools ?? []) {
    if (pool.day1Configs.length === 0 || (pools !== undefined && !pools.has(pool.name))) continue;
    const names = pool.day1Configs.map((config) => config.name);
    const joined = names.join('\n');
    let configs = cache.configs.get(joined);
    if (configs === undefined) {
      configs = names;
      cache.configs.set(joined, configs);
    }
    for (const node of pool.nodes) {
      let target = cache.byNode.get(node.name);
      if (!sameTarget(target, node, configs)) {
        target = {
          node: node.name,
          phase: node.phase,
          // The kubelet's readiness, not MCO's: a cordon changes nothing the Day 1 units wrote, and a
          // burst of cordons must not read every node again.
          ready: node.kubeletReady,
          bootID: node.bootID,
          configs,
        };
        cache.byNode.set(node.name, target);
      }
      targets.push(target);
    }
  }
  const result = targets.result();
  // Nodes gone from the rollout are forgotten.
  if (cache.byNode.size > result.length) {
    cache.byNode = new Map(result.map((target) => [target.node, target]));
  }
  cache.last = result;
  return result;
};

/**
 * Each node's Day 1 status files, read through the API server for the nodes of `rollout` (MCO's view:
 * before Day1RolloutDeriver) whose pool target has Day 1 configs, of the pools named in `pools` (one
 * name, or several) or of all. Gated on an
 * access review for `get nodes/proxy`: without it nothing is requested and every read is `forbidden`.
 * Reads are cancelled when the page goes.
 */
export const useDay1Statuses = (
  rollout: Rollout | undefined,
  pools?: string | readonly string[],
): Day1Statuses => {
  const [allowed, checking] = useAccessReview({
    group: '',
    resource: 'nodes',
    subresource: 'proxy',
    verb: 'get',
  });
  const schedulerModule = useLazyModule(loadSchedulerModule);
  const [scheduler, setScheduler] = useState<Day1StatusScheduler | undefined>(() =>
    newScheduler(schedulerModule),
  );
  // The module has just loaded: this page's scheduler, before anything renders with it.
  if (scheduler === undefined && schedulerModule !== undefined) {
    setScheduler(newScheduler(schedulerModule));
  }
  // Until the scheduler is there, as while the review runs: the page says nothing of the reads yet.
  const access: Day1StatusAccess = checking || !scheduler ? undefined : allowed;
  const [concurrency, setConcurrencyState] = useState(() =>
    readConcurrency(window.location.search),
  );
  const shared = useContext(SharedDay1Statuses);

  // Reads stop with the page (and resume if React mounts it again, as StrictMode does).
  useEffect(() => {
    if (!scheduler) return undefined;
    scheduler.start();
    return () => {
      scheduler.dispose();
    };
  }, [scheduler]);
  useEffect(() => {
    scheduler?.setConcurrency(concurrency);
  }, [scheduler, concurrency]);
  useEffect(() => {
    scheduler?.setAccess(access);
  }, [scheduler, access]);
  // A string, so that a new array naming the same pools reads the same nodes.
  const poolKey =
    pools === undefined ? undefined : typeof pools === 'string' ? pools : pools.join('\n');
  const [targetCache] = useState<TargetCache>(() => ({
    byNode: new Map(),
    configs: new Map(),
    last: [],
  }));
  const targets = useMemo(
    () =>
      targetsOf(
        targetCache,
        rollout,
        poolKey === undefined ? undefined : new Set(poolKey.split('\n')),
      ),
    [targetCache, rollout, poolKey],
  );
  useEffect(() => {
    // Under a provider this one reads nothing: the provider's statuses are returned.
    scheduler?.update(shared === undefined ? targets : []);
  }, [scheduler, targets, shared]);

  const subscribe = scheduler?.subscribe ?? noSubscription;
  const facts = useSyncExternalStore(subscribe, scheduler?.facts ?? noFacts);
  const progress = useSyncExternalStore(subscribe, scheduler?.progress ?? noProgress);
  const refresh = useCallback(() => {
    scheduler?.refresh();
  }, [scheduler]);
  const setConcurrency = useCallback((value: number) => {
    setConcurrencyState(value);
    saveConcurrency(value);
  }, []);

  const own = useMemo(
    () => ({ access, facts, progress, refresh, concurrency, setConcurrency }),
    [access, facts, progress, refresh, concurrency, setConcurrency],
  );
  return shared ?? own;
};
