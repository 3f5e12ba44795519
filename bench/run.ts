/**
 * `npm run bench`: performance figures next to their targets, each the median of several runs, with
 * baselines measured in the same run. Prints a table and writes bench/results.json.
 *
 * - bench/producer.ts: the producer, and the CLI's cold start against `node -e 0`;
 * - bench/rollout.ts: rollout derivation on the simulator's `large` cluster;
 * - bench/bundle.ts: the JS each page needs, from a production build of the plugin and of a baseline
 *   page built the same way;
 * - bench/browser.ts: the same in the browser's network log, and the rollout page in headless Chromium
 *   (first render, a burst of node events, heap, open watches).
 *
 * Builds what it needs (the CLI through the npm script; the plugin, the baseline and a production
 * console shell under node_modules/.cache/kmm-day1-bench), so it runs on a fresh clone after setup.
 */
import { join } from 'node:path';
import type { PageBundle } from './bundle';
import type { FetchedJs, WatchCount } from './browser';
import { SAMPLES, kib, report, round } from './figures';
import type { Figure } from './figures';
import { producerFigures } from './producer';
import { rolloutFigures } from './rollout';

const CREATE_PAGE = 'Day1CreatePage';
const ROLLOUT_PAGE = 'Day1RolloutPage';
const BASELINE_PAGE = 'ExamplePage';
/** Each page may fetch at most this many times the baseline page's JS. */
const BUNDLE_RATIO = 1.5;

const log = (message: string) => {
  process.stderr.write(`bench: ${message}\n`);
};

const page = (pages: Map<string, PageBundle>, name: string): PageBundle => {
  const found = pages.get(name);
  if (found === undefined) throw new Error(`the build has no exposed module ${name}`);
  return found;
};

const bundleFigure = (
  name: string,
  bytes: number,
  baselineBytes: number,
  where: 'build' | 'network',
): Figure => ({
  name: `bundle: ${name}, ${where}`,
  value: kib(bytes),
  unit: 'KiB',
  target: `<= ${String(BUNDLE_RATIO)} x baseline (${String(kib(baselineBytes))} KiB): ${String(round(bytes / baselineBytes, 2))} x`,
  ok: bytes <= BUNDLE_RATIO * baselineBytes,
});

/**
 * Issue #7 assumed a baseline page of about 110 KB ("mostly PatternFly and react-dom"); the measured
 * baseline is much smaller because the build replaces react-dom with a shim. For information only:
 * the figures against the measured baseline are the ones that count.
 */
const ISSUE_BASELINE_BYTES = 110_000;

const issueBaselineFigure = (name: string, bytes: number): Figure => ({
  name: `bundle: ${name}, against the issue's assumed baseline`,
  value: round(bytes / 1000, 1),
  unit: 'KB',
  target: `<= ${String(BUNDLE_RATIO)} x ${String(ISSUE_BASELINE_BYTES / 1000)} KB (${String((BUNDLE_RATIO * ISSUE_BASELINE_BYTES) / 1000)} KB), for information: the issue assumed a ${String(ISSUE_BASELINE_BYTES / 1000)} KB baseline`,
  ok: bytes <= BUNDLE_RATIO * ISSUE_BASELINE_BYTES,
});

const baselineFigure = (bytes: number, where: 'build' | 'network'): Figure => ({
  name: `bundle: baseline (template example page), ${where}`,
  value: kib(bytes),
  unit: 'KiB',
  target: 'baseline, measured in this run',
  ok: true,
});

/** One watch per kind, and the same watches whatever the node count. */
const watchFigures = (demo: WatchCount, large: WatchCount): Figure[] => {
  const perKind = (count: WatchCount) => Math.max(0, ...Object.values(count.byResource));
  const same =
    JSON.stringify(Object.entries(demo.byResource).sort()) ===
    JSON.stringify(Object.entries(large.byResource).sort());
  const kinds = (count: WatchCount) =>
    Object.keys(count.byResource)
      .map((resource) => resource.split('/').pop())
      .sort()
      .join(', ');
  return [
    {
      name: 'watches: open on the rollout page, demo',
      value: demo.total,
      unit: '',
      target: `one per kind (${kinds(demo)})`,
      ok: perKind(demo) === 1,
    },
    {
      name: 'watches: open on the rollout page, large',
      value: large.total,
      unit: '',
      target: `one per kind, as with demo (${String(demo.total)})`,
      ok: perKind(large) === 1 && same,
    },
  ];
};

const main = async () => {
  const figures: Figure[] = [];
  log('producer and CLI');
  figures.push(...producerFigures());
  log('rollout derivation on the large cluster');
  figures.push(...(await rolloutFigures()));

  // Loaded only now: a console tab derives the rollout without webpack and Playwright in its heap.
  const { buildPlugin, buildBaselinePlugin, BENCH_OUT } = await import('./bundle');
  const {
    buildProductionShell,
    launchChromium,
    measureRolloutPage,
    pluginJsFetched,
    rolloutPageWatches,
    ROLLOUT_PATH,
    startBenchEnvironment,
  } = await import('./browser');
  log('building the plugin, the baseline page and a production console shell');
  const plugin = await buildPlugin(join(BENCH_OUT, 'plugin'), [CREATE_PAGE, ROLLOUT_PAGE]);
  const baseline = await buildBaselinePlugin(join(BENCH_OUT, 'baseline'));
  const shellDist = await buildProductionShell();
  const built = {
    baseline: page(baseline.pages, BASELINE_PAGE),
    create: page(plugin.pages, CREATE_PAGE),
    rollout: page(plugin.pages, ROLLOUT_PAGE),
  };

  log('the pages in Chromium');
  const browser = await launchChromium();
  let fetched: { baseline: FetchedJs; create: FetchedJs; rollout: FetchedJs };
  let watches: { demo: WatchCount; large: WatchCount };
  let rolloutPage: Awaited<ReturnType<typeof measureRolloutPage>>;
  try {
    const baselineEnv = await startBenchEnvironment(baseline.outDir, shellDist);
    let baselineFetched: FetchedJs;
    try {
      baselineFetched = await pluginJsFetched(
        browser,
        baselineEnv.shell.url,
        '/example',
        '[data-test="baseline-card"]',
      );
    } finally {
      await baselineEnv.close();
    }
    const env = await startBenchEnvironment(plugin.outDir, shellDist);
    try {
      const createFetched = await pluginJsFetched(
        browser,
        env.shell.url,
        '/day1-kernel-modules/~new',
        '[data-test="day1-pool-table"]',
      );
      const rolloutFetched = await pluginJsFetched(
        browser,
        env.shell.url,
        ROLLOUT_PATH,
        '[data-test="node-table"]',
      );
      fetched = { baseline: baselineFetched, create: createFetched, rollout: rolloutFetched };
      const demoWatches = await rolloutPageWatches(browser, env);
      await env.reset('large');
      const largeWatches = await rolloutPageWatches(browser, env);
      watches = { demo: demoWatches, large: largeWatches };
      log('the rollout page on the large cluster');
      rolloutPage = await measureRolloutPage(browser, env);
    } finally {
      await env.close();
    }
  } finally {
    await browser.close();
  }

  figures.push(
    baselineFigure(built.baseline.gzipBytes, 'build'),
    bundleFigure('create page', built.create.gzipBytes, built.baseline.gzipBytes, 'build'),
    bundleFigure('rollout page', built.rollout.gzipBytes, built.baseline.gzipBytes, 'build'),
    baselineFigure(fetched.baseline.gzipBytes, 'network'),
    bundleFigure('create page', fetched.create.gzipBytes, fetched.baseline.gzipBytes, 'network'),
    bundleFigure('rollout page', fetched.rollout.gzipBytes, fetched.baseline.gzipBytes, 'network'),
    issueBaselineFigure('create page', built.create.gzipBytes),
    issueBaselineFigure('rollout page', built.rollout.gzipBytes),
    {
      name: `browser: rollout page first render with data (large: ${String(rolloutPage.nodes)} nodes)`,
      value: round(rolloutPage.firstRenderMs, 0),
      unit: 'ms',
      target: '< 500 ms, from navigating in a loaded console',
      ok: rolloutPage.firstRenderMs < 500,
    },
    {
      name: 'browser: the same, loading the page with the console shell',
      value: round(rolloutPage.pageLoadMs, 0),
      unit: 'ms',
      target: 'for information: adds the shell boot',
      ok: true,
    },
    {
      name: 'browser: main-thread time for a burst of 100 node events',
      value: round(rolloutPage.burstTaskMs, 1),
      unit: 'ms',
      target: `< 50 ms (script ${String(round(rolloutPage.burstScriptMs, 1))} ms; receiving the events alone ${String(round(rolloutPage.receiveTaskMs, 1))} ms; idle page ${String(round(rolloutPage.idleTaskMs, 1))} ms subtracted)`,
      ok: rolloutPage.burstTaskMs < 50,
    },
    {
      name: 'browser: JS heap after GC, rollout page on large',
      value: round(rolloutPage.heapBytes / 2 ** 20, 1),
      unit: 'MiB',
      target: '< 60 MiB',
      ok: rolloutPage.heapBytes < 60 * 2 ** 20,
    },
    ...watchFigures(watches.demo, watches.large),
  );

  const ok = report(figures, join(__dirname, 'results.json'));
  console.log(`\nmedians of ${String(SAMPLES)} runs; written to bench/results.json`);
  for (const [name, bundle] of Object.entries(built)) {
    const share = Math.round((100 * bundle.patternflyGzipBytes) / bundle.gzipBytes);
    console.log(
      `${name} page: ${String(bundle.files.length)} scripts, ${String(kib(bundle.gzipBytes))} KiB, of which PatternFly and its runtime ${String(kib(bundle.patternflyGzipBytes))} KiB (${String(share)} %); after first render, lazy: ${String(bundle.lazyFiles.length)} scripts, ${String(kib(bundle.lazyGzipBytes))} KiB`,
    );
  }
  const network = (name: keyof typeof fetched) =>
    `${name} ${String(fetched[name].files.length)} scripts`;
  console.log(
    `network: ${network('baseline')}, ${network('create')}, ${network('rollout')} (build: ${String(built.baseline.files.length)}, ${String(built.create.files.length)}, ${String(built.rollout.files.length)})`,
  );
  process.exitCode = ok ? 0 : 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
