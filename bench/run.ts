/**
 * `npm run bench`: performance figures next to their targets, each the median of several runs, with
 * baselines measured in the same run. Prints a table and writes bench/results.json.
 *
 * - bench/producer.ts: the producer (and plain js-yaml beside it), and the CLI's cold start against
 *   `node -e 0`;
 * - bench/simulator.ts: starting the simulator's `large` scenario, and a simulation step on it;
 * - bench/day1-window.ts: a Day 1 rollout of a pool with `maxUnavailable: 1` on the simulator, before and
 *   after the pull unit was ordered before the kubelet: the most nodes unavailable at once, and how long
 *   the rollout takes in simulated minutes;
 * - bench/rollout.ts: rollout derivation on the simulator's `large` cluster;
 * - bench/bundle.ts: the JS each page needs to render, from a production build of the plugin, and the
 *   same for a baseline page per page that imports only the PatternFly modules that page imports;
 * - bench/browser.ts: the same in the browser's network log, and the rollout page in headless Chromium
 *   (first render, bursts of node events, heap, open watches). `--no-browser` leaves these out;
 * - bench/day1-status.ts: the rollout page reading every node's Day 1 status file on `large` with a Day 1
 *   config on all nodes and 50 ms of proxy latency (time until every node's state is known, requests in
 *   the minute after), then the first render, burst and heap figures again on that cluster.
 *
 * `--only SECTION[,SECTION…]` runs some of them: producer, derivation, simulator, day1-window, bundle,
 * network, rollout-page, day1-status (with its own burst and heap figures), e.g.
 * `npm run bench -- --only day1-status`. bench/results.json then holds only those figures.
 *
 * Builds what it needs (the CLI through the npm script; the plugin, the baselines and a production
 * console shell under node_modules/.cache/kmm-day1-bench), so it runs on a fresh clone after setup.
 */
import { join } from 'node:path';
import type { PageBundle } from './bundle';
import type { FetchedJs, RolloutPageFigures, WatchCount } from './browser';
import { day1WindowFigures } from './day1-window';
import { SAMPLES, kib, median, report, round } from './figures';
import type { Figure } from './figures';
import { producerFigures } from './producer';
import { rolloutFigures } from './rollout';
import { simulatorFigures } from './simulator';
import type { Day1StatusFigures } from './day1-status';

/** The pages the bench measures, by exposed module, and where the console shell shows them. */
const PAGES: { exposedModule: string; name: string; path?: string; readySelector?: string }[] = [
  { exposedModule: 'Day1ConfigsPage', name: 'list page' },
  { exposedModule: 'Day1ConfigsPoolTab', name: 'pool tab' },
  {
    exposedModule: 'Day1CreatePage',
    name: 'create page',
    path: '/day1-kernel-modules/~new',
    readySelector: '[data-test="day1-pool-table"]',
  },
  {
    exposedModule: 'Day1RolloutPage',
    name: 'rollout page',
    path: '/day1-kernel-modules/rollout',
    readySelector: '[data-test="node-table"]',
  },
];
/** What our code may add over the PatternFly modules a page imports (issue #12). */
const OVERHEAD_KIB = 40;
const BASELINE_RATIO = 1.1;

const log = (message: string) => {
  process.stderr.write(`bench: ${message}\n`);
};

const page = (pages: Map<string, PageBundle>, name: string): PageBundle => {
  const found = pages.get(name);
  if (found === undefined) throw new Error(`the build has no exposed module ${name}`);
  return found;
};

const percent = (part: number, whole: number) => `${String(Math.round((100 * part) / whole))} %`;

/** A page against its PatternFly baseline, from the build: both totals, overhead, ratio, PatternFly. */
const bundleFigures = (name: string, built: PageBundle, baseline: PageBundle): Figure[] => {
  const overhead = built.gzipBytes - baseline.gzipBytes;
  const ratio = built.gzipBytes / baseline.gzipBytes;
  const missing = built.patternflyModules.filter((m) => !baseline.patternflyModules.includes(m));
  const extra = baseline.patternflyModules.filter((m) => !built.patternflyModules.includes(m));
  return [
    {
      name: `bundle: ${name}, its PatternFly baseline`,
      value: kib(baseline.gzipBytes),
      unit: 'KiB',
      target: `raw ${String(kib(baseline.rawBytes))} KiB; imports the page's ${String(built.patternflyImports.length)} PatternFly modules, reaching the page's ${String(built.patternflyModules.length)} (${String(missing.length)} missing, ${String(extra.length)} extra)`,
      ok: missing.length === 0 && extra.length === 0,
    },
    {
      name: `bundle: ${name}, JS to first render`,
      value: kib(built.gzipBytes),
      unit: 'KiB',
      target: `<= ${String(BASELINE_RATIO)} x baseline: ${String(round(ratio, 2))} x (raw ${String(kib(built.rawBytes))} KiB, ${String(built.files.length)} scripts)`,
      ok: ratio <= BASELINE_RATIO,
    },
    {
      name: `bundle: ${name}, over its baseline`,
      value: kib(overhead),
      unit: 'KiB',
      target: `<= ${String(OVERHEAD_KIB)} KiB gzipped (raw ${String(kib(built.rawBytes - baseline.rawBytes))} KiB)`,
      ok: overhead <= OVERHEAD_KIB * 1024,
    },
    {
      name: `bundle: ${name}, of which PatternFly and its runtime`,
      value: kib(built.patternflyGzipBytes),
      unit: 'KiB',
      target: `for information: ${percent(built.patternflyGzipBytes, built.gzipBytes)} of the page (raw ${String(kib(built.patternflyRawBytes))} KiB), its baseline's ${String(kib(baseline.patternflyGzipBytes))} KiB; the rest is PatternFly that other pages also load, in chunks shared by the same set of pages (scripts/patternfly-chunk.ts). Lazy after first render: ${String(kib(built.lazyGzipBytes))} KiB`,
      ok: true,
    },
  ];
};

/** The browser fetches the files the build analysis counts: every one of them, and nothing else but lazy chunks. */
const networkFigure = (name: string, built: PageBundle, fetched: FetchedJs): Figure => {
  const notFetched = built.files.filter((file) => !fetched.files.includes(file));
  const unexpected = fetched.files.filter(
    (file) => !built.files.includes(file) && !built.lazyFiles.includes(file),
  );
  return {
    name: `network: ${name}, JS fetched`,
    value: kib(fetched.gzipBytes),
    unit: 'KiB',
    target: `the build's ${String(built.files.length)} scripts (${String(kib(built.gzipBytes))} KiB) and lazy ones: ${String(fetched.files.length)} fetched, ${String(notFetched.length)} not fetched, ${String(unexpected.length)} unexpected`,
    ok: notFetched.length === 0 && unexpected.length === 0,
  };
};

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

/** The burst of node events must stay under this in each of BURST_RUNS consecutive runs. */
const BURST_LIMIT_MS = 50;

const browserFigures = (rolloutPage: RolloutPageFigures): Figure[] => {
  const runs = rolloutPage.bursts
    .map(
      (run, i) =>
        `run ${String(i + 1)}: ${String(round(run.taskMs, 1))} ms (script ${String(round(run.scriptMs, 1))}, idle page ${String(round(run.idleTaskMs, 1))} subtracted)`,
    )
    .join('; ');
  const slowest = Math.max(...rolloutPage.bursts.map((run) => run.taskMs));
  return [
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
      name: `browser: burst of 100 node events, main thread, slowest of ${String(rolloutPage.bursts.length)} runs`,
      value: round(slowest, 1),
      unit: 'ms',
      target: `< ${String(BURST_LIMIT_MS)} ms in every run, each the median of ${String(SAMPLES)} bursts on a fresh page (${runs}; receiving the events alone ${String(round(rolloutPage.receiveTaskMs, 1))} ms)`,
      ok: rolloutPage.bursts.every((run) => run.taskMs < BURST_LIMIT_MS),
    },
    {
      name: 'browser: JS heap after GC, rollout page on large',
      value: round(rolloutPage.heapBytes / 2 ** 20, 1),
      unit: 'MiB',
      target: '< 60 MiB',
      ok: rolloutPage.heapBytes < 60 * 2 ** 20,
    },
  ];
};

/** What the Day 1 status reading must take on `large` at the default concurrency (issue 14). */
const DAY1_ALL_KNOWN_LIMIT_MS = 15_000;

const day1StatusFigures = (
  runs: readonly Day1StatusFigures[],
  http1: Day1StatusFigures,
  /** A bare page fetching the same files as many at once, over HTTP/2: the browser's floor here. */
  bareMs: number,
  latencyMs: number,
  quietMs: number,
): Figure[] => {
  const last = runs[runs.length - 1];
  const times = runs.map((run) => run.allKnownMs);
  const slowest = Math.max(...times);
  return [
    {
      name: `browser: rollout page knows every node's Day 1 state (large: ${String(last.nodes)} nodes, ${String(latencyMs)} ms proxy latency)`,
      value: round(median(times) / 1000, 1),
      unit: 's',
      target: `< ${String(DAY1_ALL_KNOWN_LIMIT_MS / 1000)} s in every run, from opening the page (console shell boot included), default concurrency, over HTTP/2; median of ${String(runs.length)} fresh pages: ${times.map((ms) => `${String(round(ms / 1000, 1))} s`).join(', ')}; at most ${String(Math.max(...runs.map((run) => run.mostInFlight)))} requests open at once`,
      ok: slowest < DAY1_ALL_KNOWN_LIMIT_MS,
    },
    {
      name: `browser: a bare page fetching the same ${String(last.nodes)} files as many at once, nothing else`,
      value: round(bareMs / 1000, 1),
      unit: 's',
      target: `for information: what the browser, the console shell's proxy and the simulated kubelets cost here, without console, plugin or rendering (${String(last.nodes)} x ${String(latencyMs)} ms / ${String(Math.max(...runs.map((run) => run.mostInFlight)))} is ${String(round((last.nodes * latencyMs) / Math.max(1, ...runs.map((run) => run.mostInFlight)) / 1000, 1))} s); the page's reads took ${String(round((median(times) - bareMs) / 1000, 1))} s more, its boot included`,
      ok: true,
    },
    {
      name: "browser: the same over HTTP/1.1 (console's ingress without HTTP/2)",
      value: round(http1.allKnownMs / 1000, 1),
      unit: 's',
      target: `for information: the browser opens at most 6 connections to a host, so at most 6 of the page's ${String(Math.max(http1.mostInFlight, 1))} reads at once are on the wire; ${String(http1.nodes)} x ${String(latencyMs)} ms / 6 is ${String(round((http1.nodes * latencyMs) / 6 / 1000, 1))} s before any other cost`,
      ok: true,
    },
    {
      name: "browser: node proxy requests to know every node's Day 1 state",
      value: last.requests,
      unit: '',
      target: `one per node and config (${String(last.nodes)}): ${runs.map((run) => String(run.requests)).join(', ')}`,
      ok: runs.every((run) => run.requests === run.nodes),
    },
    {
      name: `browser: node proxy requests in the ${String(quietMs / 1000)} s after, nothing changing`,
      value: last.quietRequests,
      unit: '',
      target: '0: every node is read again only after 5 minutes, or when it changes',
      ok: last.quietRequests === 0,
    },
  ];
};

const SECTIONS = [
  'producer',
  'derivation',
  'simulator',
  'day1-window',
  'bundle',
  'network',
  'rollout-page',
  'day1-status',
] as const;
type Section = (typeof SECTIONS)[number];
const BROWSER_SECTIONS: readonly Section[] = ['network', 'rollout-page', 'day1-status'];

/** `--only a,b` (or `--only=a,b`): those sections; else all, without the browser's if `--no-browser`. */
const sectionsToRun = (argv: readonly string[]): Set<Section> => {
  const at = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  const withBrowser = !argv.includes('--no-browser');
  if (at === -1)
    return new Set(SECTIONS.filter((s) => withBrowser || !BROWSER_SECTIONS.includes(s)));
  // Nothing after a last `--only`: `at + 1` is past the end.
  const value = argv[at].startsWith('--only=')
    ? argv[at].slice('--only='.length)
    : argv.slice(at + 1, at + 2).join('');
  const names = value.split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--only takes sections from ${SECTIONS.join(', ')}; got "${value}"`);
  return new Set(names as Section[]);
};

const main = async () => {
  // `npm run bench -- --no-browser`: only the figures that need no browser (bundle sizes are exact).
  const sections = sectionsToRun(process.argv.slice(2));
  const run = (section: Section) => sections.has(section);
  const withBrowser = BROWSER_SECTIONS.some(run);
  const figures: Figure[] = [];
  if (run('producer')) {
    log('producer and CLI');
    figures.push(...producerFigures());
  }
  // The pure figures (producer, derivation) first, then the simulator's, whose 2,000-node clusters no
  // console tab holds. Moving the derivation ahead did not by itself settle its spread (README).
  if (run('derivation')) {
    log('rollout derivation on the large cluster');
    figures.push(...(await rolloutFigures()));
  }
  if (run('simulator')) {
    log('simulator on the large scenario');
    figures.push(...simulatorFigures());
  }
  if (run('day1-window')) {
    log(
      'a Day 1 rollout on the simulator, before and after the pull unit was ordered before the kubelet',
    );
    figures.push(...day1WindowFigures());
  }
  if (!withBrowser && !run('bundle')) {
    finish(figures, [], sections);
    return;
  }

  // Loaded only now: a console tab derives the rollout without webpack and Playwright in its heap.
  const { buildPlugin, buildBaselinePage, BENCH_OUT } = await import('./bundle');
  log('building the plugin, and a PatternFly baseline for each page');
  const plugin = await buildPlugin(
    join(BENCH_OUT, 'plugin'),
    PAGES.map((p) => p.exposedModule),
  );
  const withBaselines = run('bundle') || run('network');
  const pages = [];
  for (const p of PAGES) {
    const built = page(plugin.pages, p.exposedModule);
    const baselineDir = join(BENCH_OUT, `baseline-${p.exposedModule}`);
    const baseline = withBaselines ? await buildBaselinePage(baselineDir, built) : undefined;
    pages.push({ ...p, built, baselineDir, baseline });
  }
  if (run('bundle'))
    figures.push(
      ...pages.flatMap((p) =>
        p.baseline === undefined ? [] : bundleFigures(p.name, p.built, p.baseline),
      ),
    );

  if (withBrowser) {
    const {
      buildProductionShell,
      launchChromium,
      measureRolloutPage,
      pluginJsFetched,
      rolloutPageWatches,
      startBenchEnvironment,
    } = await import('./browser');
    log('building a production console shell');
    const shellDist = await buildProductionShell();
    log('the pages in Chromium');
    const browser = await launchChromium();
    try {
      for (const p of pages) {
        if (!run('network') || p.baseline === undefined) continue;
        if (p.path === undefined || p.readySelector === undefined) continue;
        const baselineEnv = await startBenchEnvironment(p.baselineDir, shellDist);
        try {
          const fetched = await pluginJsFetched(
            browser,
            baselineEnv.shell.url,
            '/baseline',
            '[data-test="baseline-page"]',
          );
          figures.push(networkFigure(`${p.name}'s baseline`, p.baseline, fetched));
        } finally {
          await baselineEnv.close();
        }
      }
      const env = await startBenchEnvironment(plugin.outDir, shellDist);
      try {
        for (const p of pages) {
          if (!run('network') || p.path === undefined || p.readySelector === undefined) continue;
          const fetched = await pluginJsFetched(browser, env.shell.url, p.path, p.readySelector);
          figures.push(networkFigure(p.name, p.built, fetched));
        }
        if (run('rollout-page')) {
          const demoWatches = await rolloutPageWatches(browser, env);
          await env.reset('large');
          const largeWatches = await rolloutPageWatches(browser, env);
          log('the rollout page on the large cluster');
          figures.push(
            ...browserFigures(await measureRolloutPage(browser, env)),
            ...watchFigures(demoWatches, largeWatches),
          );
        }
        if (run('day1-status')) {
          const {
            DAY1_RUNS,
            PROXY_LATENCY_MS,
            QUIET_MS,
            measureBareReads,
            measureDay1Status,
            settleDay1Cluster,
            statusFileUrls,
          } = await import('./day1-status');
          const { DEFAULT_DAY1_STATUS_CONCURRENCY } =
            await import('../src/views/shared/day1-status-settings');
          log('a Day 1 config rolled out to every node of the large cluster');
          const nodes = await settleDay1Cluster(env);
          log(
            `the rollout page reading ${String(nodes)} Day 1 status files, ${String(PROXY_LATENCY_MS)} ms each`,
          );
          const { startConsoleShell } = await import('../dev/console-shell/server');
          const http2Shell = await startConsoleShell({
            port: 0,
            simulatorURL: env.sim.url,
            pluginDist: plugin.outDir,
            shellDist,
            http2: true,
          });
          const runs: Day1StatusFigures[] = [];
          let http1: Day1StatusFigures;
          let bareMs: number;
          try {
            for (let i = 0; i < DAY1_RUNS; i++) {
              runs.push(
                await measureDay1Status(
                  browser,
                  http2Shell.url,
                  nodes,
                  i === DAY1_RUNS - 1 ? QUIET_MS : 0,
                ),
              );
            }
            http1 = await measureDay1Status(browser, env.shell.url, nodes, 0);
            bareMs = await measureBareReads(
              browser,
              http2Shell.url,
              await statusFileUrls(env),
              DEFAULT_DAY1_STATUS_CONCURRENCY,
            );
          } finally {
            await http2Shell.close();
          }
          figures.push(...day1StatusFigures(runs, http1, bareMs, PROXY_LATENCY_MS, QUIET_MS));
          log("first render, bursts and heap on the same cluster, every node's Day 1 status read");
          figures.push(
            ...browserFigures(await measureRolloutPage(browser, env)).map((figure) => ({
              ...figure,
              name: figure.name.replace(/^browser: /, 'browser, with Day 1 status: '),
            })),
          );
        }
      } finally {
        await env.close();
      }
    } finally {
      await browser.close();
    }
  }

  finish(
    figures,
    pages.map((p) => p.built),
    sections,
  );
};

/** Prints the table and writes bench/results.json; the exit code says whether every target was met. */
const finish = (
  figures: Figure[],
  built: readonly PageBundle[],
  sections: ReadonlySet<Section>,
) => {
  const ok = report(figures, join(__dirname, 'results.json'));
  const left = SECTIONS.filter((section) => !sections.has(section));
  const note =
    left.length === 0
      ? ''
      : left.every((section) => BROWSER_SECTIONS.includes(section))
        ? ', browser figures left out (--no-browser)'
        : `, only ${[...sections].join(', ')} (--only)`;
  console.log(`\nmedians of ${String(SAMPLES)} runs${note}; written to bench/results.json`);
  for (const [i, p] of built.entries())
    console.log(
      `${PAGES[i].name} imports from PatternFly: ${p.patternflyImports.map((request) => request.replace(/^@patternfly\/|dist\/dynamic\//g, '')).join(', ')}`,
    );
  process.exitCode = ok ? 0 : 1;
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
