/**
 * The plugin in headless Chromium, in the console shell against the simulator: the JS each page
 * fetches (network log), the rollout page's first render, a burst of node events, its heap, and its
 * open watches. The shell is built in production mode for this (console runs production React; the
 * shell's own `npm start` build is a development one, whose React is several times slower).
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser, CDPSession, Page } from '@playwright/test';
import webpack from 'webpack';
import { startClusterSim } from '../dev/cluster-sim';
import type { ClusterSim, ScenarioName } from '../dev/cluster-sim';
import shellConfig from '../dev/console-shell/webpack.config';
import { PLUGIN_PATH, startConsoleShell } from '../dev/console-shell/server';
import type { ConsoleShell } from '../dev/console-shell/server';
import { BENCH_OUT, gzipSize } from './bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../integration-tests/chromium';
import { SAMPLES, median } from './figures';

const SHELL_OUT = join(BENCH_OUT, 'shell');

export const ROLLOUT_PATH = '/day1-kernel-modules/rollout';
/** The shell resolves a page's code only when it renders, as console does (dev/console-shell/README.md). */
export const AS_CONSOLE = '?codeRefs=lazy';
const ROW = '[data-test="node-table"] [data-test^="node-row-"]';

export const buildProductionShell = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const config = {
      ...shellConfig,
      mode: 'production' as const,
      output: { ...shellConfig.output, path: SHELL_OUT },
    };
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve(SHELL_OUT);
    });
  });

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });

export interface BenchEnvironment {
  sim: ClusterSim;
  shell: ConsoleShell;
  /** As admin, straight to the simulator. */
  api: (
    path: string,
    init?: { method?: string; body?: unknown; contentType?: string },
  ) => Promise<unknown>;
  /** Rebuilds the cluster, at real-time speed unless told otherwise. */
  reset: (scenario: ScenarioName, timeScale?: number) => Promise<void>;
  close: () => Promise<void>;
}

/** The simulator and the shell on free ports, serving `pluginDist`. */
export const startBenchEnvironment = async (
  pluginDist: string,
  shellDist: string,
): Promise<BenchEnvironment> => {
  const sim = await startClusterSim({ port: 0, scenario: 'demo', log: () => undefined });
  const shell = await startConsoleShell({
    port: 0,
    simulatorURL: sim.url,
    pluginDist,
    shellDist,
  }).catch(async (error: unknown) => {
    await sim.close();
    throw error;
  });
  const api: BenchEnvironment['api'] = async (path, init = {}) => {
    const response = await fetch(`${sim.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        Authorization: 'Bearer admin',
        'Content-Type': init.contentType ?? 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok)
      throw new Error(`${path}: ${String(response.status)} ${await response.text()}`);
    return response.json();
  };
  return {
    sim,
    shell,
    api,
    reset: async (scenario, timeScale = 1) => {
      await api('/sim/reset', { body: { scenario, timeScale } });
    },
    close: async () => {
      await shell.close();
      await sim.close();
    },
  };
};

export interface FetchedJs {
  files: string[];
  gzipBytes: number;
}

/** The plugin's JS the browser fetches to show `path` until `readySelector` appears and the network is idle. */
export const pluginJsFetched = async (
  browser: Browser,
  consoleURL: string,
  path: string,
  readySelector: string,
): Promise<FetchedJs> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith(PLUGIN_PATH) && pathname.endsWith('.js'))
      sizes.set(
        pathname.slice(PLUGIN_PATH.length),
        response.body().then((body) => gzipSize(body)),
      );
  });
  await page.goto(`${consoleURL}${path}${AS_CONSOLE}`);
  // Attached, not visible: a baseline page renders one empty element.
  await page.locator(readySelector).first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  const bytes = await Promise.all(sizes.values());
  await context.close();
  return { files: [...sizes.keys()].sort(), gzipBytes: bytes.reduce((a, b) => a + b, 0) };
};

/**
 * Milliseconds from navigation start until the first node row is in the DOM, recorded in the page by
 * a MutationObserver so that no polling delay is counted: loading the page (the console shell's
 * boot included), and navigating to it inside an already loaded console (the page's chunks, its
 * lists and its first render), each in a fresh browser context so nothing is cached.
 */
const firstRows = async (
  browser: Browser,
  consoleURL: string,
): Promise<{ pageLoadMs: number; inAppMs: number }> => {
  const loadContext = await browser.newContext();
  const loadPage = await loadContext.newPage();
  await loadPage.addInitScript((rowSelector: string) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(rowSelector) !== null) {
        (window as unknown as { benchFirstRows: number }).benchFirstRows = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, ROW);
  await loadPage.goto(`${consoleURL}${ROLLOUT_PATH}${AS_CONSOLE}`);
  await loadPage.locator(ROW).first().waitFor();
  const pageLoadMs = await loadPage.evaluate(
    () => (window as unknown as { benchFirstRows: number }).benchFirstRows,
  );
  await loadContext.close();

  const appContext = await browser.newContext();
  const appPage = await appContext.newPage();
  await appPage.goto(`${consoleURL}/${AS_CONSOLE}`);
  // The plugin is loaded once its navigation item shows.
  await appPage
    .locator('[data-nav-id="day1-kernel-modules"]')
    .first()
    .waitFor({ state: 'attached' });
  const inAppMs = await appPage.evaluate(
    ({ path, rowSelector }) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector(rowSelector) !== null) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document, { childList: true, subtree: true });
        // What a router link does: push the location, and the router renders the route.
        window.history.pushState({}, '', path);
        window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      }),
    { path: ROLLOUT_PATH, rowSelector: ROW },
  );
  await appContext.close();
  return { pageLoadMs, inAppMs };
};

interface MainThread {
  taskMs: number;
  scriptMs: number;
  heapBytes: number;
}

const mainThread = async (cdp: CDPSession): Promise<MainThread> => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    taskMs: value('TaskDuration') * 1000,
    scriptMs: value('ScriptDuration') * 1000,
    heapBytes: value('JSHeapUsedSize'),
  };
};

/** Waits until the main thread has been (nearly) idle for `quietMs`: under 1 ms of work per 100 ms. */
const settle = async (cdp: CDPSession, quietMs = 600): Promise<void> => {
  let quietFor = 0;
  let last = (await mainThread(cdp)).taskMs;
  while (quietFor < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = (await mainThread(cdp)).taskMs;
    quietFor = now - last < 1 ? quietFor + 100 : 0;
    last = now;
  }
};

export interface RolloutPageFigures {
  /** Navigating to the page in a loaded console, until the node table shows rows. */
  firstRenderMs: number;
  /** The same from loading the page, console shell included. */
  pageLoadMs: number;
  /**
   * BURST_RUNS consecutive runs on fresh pages, each the median over SAMPLES bursts of the main-thread
   * time to apply a burst of node events, net of the idle page's own work.
   */
  bursts: { taskMs: number; scriptMs: number; idleTaskMs: number }[];
  /** Main-thread time a page with a bare WebSocket on nodes spends receiving the same burst. */
  receiveTaskMs: number;
  heapBytes: number;
  nodes: number;
}

const BURST = 100;
/** The burst target holds only if it holds run after run, not in one lucky run. */
const BURST_RUNS = 3;

/** BURST nodes spread over the cluster, so that every pool sees some. */
const burstNodeNames = (items: readonly { metadata: { name: string } }[]): string[] => {
  const step = Math.max(1, Math.floor(items.length / BURST));
  return items
    .filter((_, i) => i % step === 0)
    .slice(0, BURST)
    .map((n) => n.metadata.name);
};

/**
 * SAMPLES bursts (cordon, then uncordon, the same nodes: each a Node MODIFIED event, and pool status
 * changes after them, as in a drain), each as the page's main-thread time until it is idle again, net
 * of what the page does over as long a time with no events.
 */
const measureBursts = async (
  cdp: CDPSession,
  env: BenchEnvironment,
  names: readonly string[],
): Promise<{ task: number; script: number; idle: number }[]> => {
  await settle(cdp);
  const bursts: { task: number; script: number; idle: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const idleStart = await mainThread(cdp);
    const idleStarted = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRatePerMs =
      ((await mainThread(cdp)).taskMs - idleStart.taskMs) / (performance.now() - idleStarted);

    const before = await mainThread(cdp);
    const started = performance.now();
    await Promise.all(
      names.map((name) =>
        env.api(`/api/v1/nodes/${name}`, {
          method: 'PATCH',
          contentType: 'application/merge-patch+json',
          body: { spec: { unschedulable: i % 2 === 0 ? true : null } },
        }),
      ),
    );
    await settle(cdp);
    const after = await mainThread(cdp);
    const idle = idleRatePerMs * (performance.now() - started);
    bursts.push({
      task: after.taskMs - before.taskMs - idle,
      script: after.scriptMs - before.scriptMs,
      idle,
    });
  }
  return bursts;
};

/**
 * What any page watching nodes spends on the same bursts before it applies them: a page of the
 * console's origin with one bare WebSocket watch whose handler only parses each event.
 */
const measureReceiving = async (
  browser: Browser,
  env: BenchEnvironment,
  names: readonly string[],
): Promise<number> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.shell.url}/api/kubernetes/version`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(
          `ws://${window.location.host}/api/kubernetes/api/v1/nodes?watch=true`,
        );
        socket.onmessage = (event) => {
          JSON.parse(String(event.data));
        };
        socket.onopen = () => {
          resolve();
        };
        socket.onerror = () => {
          reject(new Error('the bare node watch failed'));
        };
      }),
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const bursts = await measureBursts(cdp, env, names);
  await context.close();
  return median(bursts.map((b) => b.task));
};

/**
 * The rollout page on the current scenario: first render (median of SAMPLES fresh pages); then
 * BURST_RUNS times, on a fresh page, SAMPLES bursts of BURST node events; the heap after GC on the last
 * page; and what receiving the same bursts costs a page that does nothing with them.
 */
export const measureRolloutPage = async (
  browser: Browser,
  env: BenchEnvironment,
): Promise<RolloutPageFigures> => {
  const url = `${env.shell.url}${ROLLOUT_PATH}${AS_CONSOLE}`;
  const renders: { pageLoadMs: number; inAppMs: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) renders.push(await firstRows(browser, env.shell.url));

  const { items } = (await env.api('/api/v1/nodes')) as { items: { metadata: { name: string } }[] };
  const names = burstNodeNames(items);

  const bursts: RolloutPageFigures['bursts'] = [];
  let heapBytes = 0;
  for (let run = 0; run < BURST_RUNS; run++) {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    await page.goto(url);
    await page.locator(ROW).first().waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const samples = await measureBursts(cdp, env, names);
    bursts.push({
      taskMs: median(samples.map((b) => b.task)),
      scriptMs: median(samples.map((b) => b.script)),
      idleTaskMs: median(samples.map((b) => b.idle)),
    });
    await cdp.send('HeapProfiler.collectGarbage');
    ({ heapBytes } = await mainThread(cdp));
    await context.close();
  }

  const receiveTaskMs = await measureReceiving(browser, env, names);
  return {
    firstRenderMs: median(renders.map((r) => r.inAppMs)),
    pageLoadMs: median(renders.map((r) => r.pageLoadMs)),
    bursts,
    receiveTaskMs,
    heapBytes,
    nodes: items.length,
  };
};

export interface WatchCount {
  total: number;
  byResource: Record<string, number>;
}

/** The simulator's open watches while the rollout page shows its rows. */
export const rolloutPageWatches = async (
  browser: Browser,
  env: BenchEnvironment,
): Promise<WatchCount> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.shell.url}${ROLLOUT_PATH}${AS_CONSOLE}`);
  await page.locator(ROW).first().waitFor();
  await page.waitForLoadState('networkidle');
  const { count, byResource } = (await env.api('/sim/watches')) as {
    count: number;
    byResource: Record<string, number>;
  };
  await context.close();
  return { total: count, byResource };
};
