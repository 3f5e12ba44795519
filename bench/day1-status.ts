/**
 * The rollout page reading every node's Day 1 status file through the API server's node proxy (issue
 * 14), on `large` with a Day 1 config rolled out to all 2,000 nodes and a simulated round trip to each
 * kubelet: how long from opening the page until the page knows every node's Day 1 state, at the
 * default concurrency, and how many node proxy requests it makes in the minute after that while
 * nothing changes. Counted in the browser's network log. Timed over HTTP/2 (the console behind an
 * ingress with HTTP/2 enabled), and once over HTTP/1.1, where the browser's six connections per host
 * bound the reads in flight.
 */
import type { Browser, Request } from '@playwright/test';
import { day1MachineConfig } from '../integration-tests/tests/day1-machine-config';
// The scheduler's module reaches the producer, whose node scripts are .sh text files.
import '../dev/cluster-sim/text-assets.cjs';
import { day1StatusUrl } from '../src/views/shared/day1-status-scheduler';
import type { BenchEnvironment } from './browser';
import { median } from './figures';
import { AS_CONSOLE, ROLLOUT_PATH } from './browser';

const MCO_API = '/apis/machineconfiguration.openshift.io/v1';
/** Simulated round trip from the API server to a kubelet, added to every node proxy call. */
export const PROXY_LATENCY_MS = 50;
/** How long the page is watched, once it knows everything, for requests nobody asked for. */
export const QUIET_MS = 60_000;
/** Fresh pages timed; the last one is also watched for QUIET_MS. */
export const DAY1_RUNS = 3;
/** A rollout of every node at once at this time scale takes seconds. */
const SETTLE_TIME_SCALE = 0.001;
const SETTLE_TIMEOUT_MS = 240_000;
/** One Day 1 config per built-in pool: the worker one reaches every custom pool too. */
const CONFIGS = [
  { name: '99-master-sfc-day1', pool: 'master' },
  { name: '99-worker-sfc-day1', pool: 'worker' },
];
const PROGRESS = '[data-test="day1-status-progress"]';

export interface Day1StatusFigures {
  /** Nodes with a Day 1 config, each with one status file to read. */
  nodes: number;
  /** From navigation start (the console shell's boot included) until every node has a read. */
  allKnownMs: number;
  /** Node proxy requests until then. */
  requests: number;
  /** The most node proxy requests the browser had open at once. */
  mostInFlight: number;
  /** Node proxy requests in the `quietMs` after that, with nothing changing in the cluster. */
  quietRequests: number;
}

interface PoolList {
  items: {
    metadata: { name: string };
    spec: { configuration?: { name?: string } };
    status?: {
      machineCount?: number;
      updatedMachineCount?: number;
      configuration?: { name?: string };
    };
  }[];
}

const sleep = (ms: number) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * `large` with a Day 1 config on every node, the module loaded everywhere: every pool may update all
 * of its nodes at once (`maxUnavailable: 100%`), so that the simulated rollout takes seconds; then the
 * proxy latency is set. Returns the node count.
 */
export const settleDay1Cluster = async (env: BenchEnvironment): Promise<number> => {
  await env.reset('large', SETTLE_TIME_SCALE);
  const pools = (await env.api(`${MCO_API}/machineconfigpools`)) as PoolList;
  for (const pool of pools.items) {
    await env.api(`${MCO_API}/machineconfigpools/${pool.metadata.name}`, {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { maxUnavailable: '100%' } },
    });
  }
  for (const { name, pool } of CONFIGS) {
    await env.api(`${MCO_API}/machineconfigs`, { body: day1MachineConfig(name, pool) });
  }
  const { items: nodes } = (await env.api('/api/v1/nodes')) as {
    items: { metadata: { name: string } }[];
  };
  const names = nodes.map((node) => node.metadata.name);
  const started = Date.now();
  for (;;) {
    const { items } = (await env.api(`${MCO_API}/machineconfigpools`)) as PoolList;
    const poolsDone = items.every(
      (pool) =>
        pool.status?.configuration?.name === pool.spec.configuration?.name &&
        pool.status?.updatedMachineCount === pool.status?.machineCount,
    );
    const loaded = names.filter((name) => {
      const statuses = env.sim.simulation.day1Status(name) ?? {};
      return (
        Object.keys(statuses).length === 1 &&
        Object.values(statuses).every((s) => s.phase === 'Loaded')
      );
    }).length;
    if (poolsDone && loaded === names.length) break;
    if (Date.now() - started > SETTLE_TIMEOUT_MS)
      throw new Error(
        `the Day 1 rollout on large did not settle: ${String(loaded)} of ${String(names.length)} nodes loaded`,
      );
    await sleep(500);
  }
  env.sim.applyFaults({ proxyLatencyMs: PROXY_LATENCY_MS });
  return names.length;
};

const isProxyRead = (request: Request) => request.url().includes('/proxy/logs/');

/**
 * Opens the rollout page in a fresh browser context (so the default concurrency applies) and waits
 * until the status bar says every node was read (recorded in the page by a MutationObserver, so that no
 * polling delay is counted), then watches the page for `quietMs`.
 */
export const measureDay1Status = async (
  browser: Browser,
  consoleURL: string,
  nodes: number,
  quietMs: number,
): Promise<Day1StatusFigures> => {
  // The HTTP/2 shell's certificate is self-signed.
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  let requests = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const done = (request: Request) => {
    if (isProxyRead(request)) inFlight--;
  };
  page.on('request', (request) => {
    if (!isProxyRead(request)) return;
    requests++;
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.addInitScript(
    ({ selector, expected }: { selector: string; expected: number }) => {
      const allRead = () => {
        const progress = document.querySelector(selector);
        if (progress === null) return false;
        const count = (name: string) => Number(progress.getAttribute(name));
        return (
          count('data-nodes') === expected &&
          count('data-read') === expected &&
          count('data-pending') === 0
        );
      };
      const observer = new MutationObserver(() => {
        if (allRead()) {
          (window as unknown as { benchDay1AllKnown: number }).benchDay1AllKnown =
            performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['data-nodes', 'data-read', 'data-pending'],
      });
    },
    { selector: PROGRESS, expected: nodes },
  );
  await page.goto(`${consoleURL}${ROLLOUT_PATH}${AS_CONSOLE}`);
  await page.waitForFunction(
    () => (window as unknown as { benchDay1AllKnown?: number }).benchDay1AllKnown !== undefined,
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  const allKnownMs = await page.evaluate(
    () => (window as unknown as { benchDay1AllKnown: number }).benchDay1AllKnown,
  );
  const readsWhenKnown = requests;
  // A measurement over a fixed window: the requests the page makes in it, if any.
  await sleep(quietMs);
  const quietRequests = requests - readsWhenKnown;
  await context.close();
  return { nodes, allKnownMs, requests: readsWhenKnown, mostInFlight, quietRequests };
};

/**
 * The yardstick for the figure above: a bare page of the console's origin that fetches the same status
 * files, as many at once as the page reads by default, and does nothing else: no console, no
 * plugin, no rendering. What the browser, the console shell's proxy and the simulated kubelets cost per
 * read on this machine, which no page can beat. Milliseconds for all of them, median of `runs` pages.
 */
export const measureBareReads = async (
  browser: Browser,
  consoleURL: string,
  urls: readonly string[],
  concurrency: number,
  runs = 3,
): Promise<number> => {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${consoleURL}/api/kubernetes/version`);
    const { ms, ok } = await page.evaluate(
      async ({ list, atOnce }) => {
        const started = performance.now();
        let next = 0;
        let answered = 0;
        await Promise.all(
          Array.from({ length: atOnce }, async () => {
            while (next < list.length) {
              const response = await fetch(list[next++], { credentials: 'same-origin' });
              await response.text();
              if (response.ok) answered++;
            }
          }),
        );
        return { ms: performance.now() - started, ok: answered };
      },
      { list: [...urls], atOnce: concurrency },
    );
    await context.close();
    if (ok !== urls.length)
      throw new Error(`the bare reads got ${String(ok)} answers for ${String(urls.length)} files`);
    times.push(ms);
  }
  return median(times);
};

/** Each node's status file URL, as the page asks for it, for its one Day 1 config. */
export const statusFileUrls = async (env: BenchEnvironment): Promise<string[]> => {
  const { items } = (await env.api('/api/v1/nodes')) as {
    items: { metadata: { name: string; labels?: Record<string, string> } }[];
  };
  return items.map(({ metadata }) => {
    const config =
      metadata.labels?.['node-role.kubernetes.io/master'] === undefined
        ? CONFIGS[1].name
        : CONFIGS[0].name;
    return day1StatusUrl(metadata.name, config);
  });
};
