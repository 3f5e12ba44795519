/**
 * The JS a browser fetches to render a page, from the production build: the plugin entry, the chunks of
 * the page's exposed module, and the chunks of the shared modules those chunks consume (console
 * provides only React, the SDK, react-router and the like, so PatternFly comes from the plugin).
 *
 * Each page's yardstick is a baseline page (bench/baseline-plugin) that imports exactly the PatternFly
 * modules the page imports, read from the page's module graph in the same build, and renders nothing
 * else. It is built on its own with the same webpack config and shared modules; only the plugin
 * metadata, extensions and source folder differ. What a page weighs over its baseline is what our code
 * adds over PatternFly.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import type {
  ConsolePluginBuildMetadata,
  EncodedExtension,
} from '@openshift-console/dynamic-plugin-sdk-webpack';
import webpack from 'webpack';
import type { Chunk, ChunkGroup, Compilation, Configuration, Dependency, Module } from 'webpack';
import { isPatternflyOrItsRuntime } from '../scripts/patternfly-chunk';

const ROOT = join(__dirname, '..');
const BASELINE_DIR = join(__dirname, 'baseline-plugin');
/**
 * Out of the source tree and of every linter's reach; `KMM_DAY1_BENCH_OUT` puts it elsewhere (a git
 * worktree whose node_modules is another checkout's must not build into that checkout's cache).
 */
export const BENCH_OUT =
  process.env.KMM_DAY1_BENCH_OUT ?? join(ROOT, 'node_modules', '.cache', 'kmm-day1-bench');

export interface PageBundle {
  /** The exposed module that renders the page. */
  exposedModule: string;
  /** Plugin-relative file names, entry script first. */
  files: string[];
  gzipBytes: number;
  rawBytes: number;
  /**
   * Of which chunks made only of PatternFly and what it needs at run time (the build's `patternfly-…`
   * chunks: see scripts/patternfly-chunk.ts).
   */
  patternflyGzipBytes: number;
  patternflyRawBytes: number;
  /**
   * The PatternFly modules the page's own code imports before its first render, as requested (a shared
   * module's key, such as `@patternfly/react-core/dist/dynamic/components/Button`).
   */
  patternflyImports: string[];
  /** Every PatternFly module those reach, as paths under node_modules. */
  patternflyModules: string[];
  /** Files the page may fetch after its first render (its lazy chunks, such as the YAML preview). */
  lazyFiles: string[];
  lazyGzipBytes: number;
}

export interface PluginBuild {
  outDir: string;
  pages: Map<string, PageBundle>;
}

export const gzipSize = (content: Buffer | string): number => gzipSync(content).length;

const PATTERNFLY = '/node_modules/@patternfly/';
const PATTERNFLY_REQUEST = '@patternfly/';

/**
 * Runs `build` with NODE_ENV=production, as `npm run build` does: the webpack config reads it when it is
 * loaded, and ConsoleRemotePlugin when it names the entry script.
 */
const inProduction = async <T>(build: (config: Configuration) => Promise<T>): Promise<T> => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await build((await import('../webpack.config')).default);
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
};

/**
 * Console provides PatternFly's CSS, and ConsoleRemotePlugin keeps it out of the build by aliasing each
 * file's path under the working directory's node_modules; when that is a symlink (a git worktree, say),
 * webpack resolves the real path, the alias misses, and the CSS lands in the bundle. `compile` keeps
 * the paths as they are (`resolve.symlinks: false`, which changes nothing where node_modules is a
 * directory), and stops if CSS was bundled all the same, since figures from such a build would be
 * wrong: this names the first bundled CSS file, if any.
 */
const bundledPatternflyCss = (compilation: Compilation): string | undefined =>
  [...compilation.modules]
    .map((module) => module.nameForCondition() ?? '')
    .find((path) => /\/@patternfly\/react-styles\/.*\.css$/.test(path));

const compile = (config: Configuration): Promise<Compilation> =>
  new Promise((resolve, reject) => {
    webpack({ ...config, resolve: { ...config.resolve, symlinks: false } }, (error, stats) => {
      if (error) reject(error);
      else if (stats === undefined) reject(new Error('webpack gave no stats'));
      else if (stats.hasErrors())
        reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      else {
        const css = bundledPatternflyCss(stats.compilation);
        if (css === undefined) resolve(stats.compilation);
        else
          reject(
            new Error(
              `PatternFly CSS was bundled (${css}): run the bench where node_modules is not a symlink`,
            ),
          );
      }
    });
  });

const PROVIDED = /^provide module \(([^)]*)\) (.+)@[^@|]*\|/;

/** `<share scope>|<share key>` of a consume-shared or provide-shared module. */
const shareKeyOf = (module: Module): string | undefined => {
  if (module.type === 'consume-shared-module') {
    const { options } = module as unknown as { options: { shareScope: string; shareKey: string } };
    return `${options.shareScope}|${options.shareKey}`;
  }
  const provided = PROVIDED.exec(module.identifier());
  return provided ? `${provided[1]}|${provided[2]}` : undefined;
};

/**
 * For each share key, the chunks a consumer loads. The plugin registers every module it shares in the
 * share scope when console initialises it, so a consume-shared module resolves to the plugin's
 * provided module (its fallback only if nothing is provided); console's own singletons are not here.
 */
const sharedModuleChunks = (compilation: Compilation): Map<string, Chunk[]> => {
  const provided = new Map<string, Chunk[]>();
  const fallbacks = new Map<string, Chunk[]>();
  for (const group of compilation.chunkGroups) {
    for (const origin of group.origins) {
      const { module } = origin as { module?: Module | null };
      const key = module ? shareKeyOf(module) : undefined;
      if (module === undefined || module === null || key === undefined) continue;
      const into = module.type === 'consume-shared-module' ? fallbacks : provided;
      into.set(key, [...(into.get(key) ?? []), ...group.chunks]);
    }
  }
  return new Map([...fallbacks, ...provided]);
};

/** `chunks`, and the chunks of the shared modules they consume, transitively. */
const withSharedModules = (
  compilation: Compilation,
  shared: Map<string, Chunk[]>,
  chunks: Iterable<Chunk>,
): Set<Chunk> => {
  const needed = new Set<Chunk>(chunks);
  for (const chunk of needed) {
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      if (module.type !== 'consume-shared-module') continue;
      for (const sharedChunk of shared.get(shareKeyOf(module) ?? '') ?? []) needed.add(sharedChunk);
    }
  }
  return needed;
};

const exposedGroup = (compilation: Compilation, exposedModule: string): ChunkGroup => {
  const group = compilation.namedChunkGroups.get(`exposed-${exposedModule}`);
  if (group === undefined)
    throw new Error(`no chunk group for the exposed module ${exposedModule}`);
  return group;
};

/** The chunks a page needs before it renders: its exposed module's chunks, closed over shared modules. */
const chunksToRender = (
  compilation: Compilation,
  shared: Map<string, Chunk[]>,
  exposedModule: string,
): Set<Chunk> =>
  withSharedModules(compilation, shared, exposedGroup(compilation, exposedModule).chunks);

/**
 * The chunks a page can load later: those of the `import()`s in its code (React.lazy), transitively,
 * closed over shared modules. Chunk groups that a shared module's fallback or provider starts are left
 * out: `withSharedModules` already follows shared modules as the share scope resolves them.
 */
const lazyChunks = (
  compilation: Compilation,
  shared: Map<string, Chunk[]>,
  exposedModule: string,
): Set<Chunk> => {
  const isSharing = (group: ChunkGroup) =>
    group.origins.some((origin) => {
      const { module } = origin as { module?: Module | null };
      return module !== undefined && module !== null && shareKeyOf(module) !== undefined;
    });
  const groups = new Set<ChunkGroup>([exposedGroup(compilation, exposedModule)]);
  const lazy: Chunk[] = [];
  for (const group of groups) {
    for (const child of group.childrenIterable) {
      if (groups.has(child) || isSharing(child)) continue;
      groups.add(child);
      lazy.push(...child.chunks);
    }
  }
  return withSharedModules(compilation, shared, lazy);
};

/** The module at `path` under node_modules, whichever checkout holds it. */
const underNodeModules = (path: string): string =>
  path.slice(path.lastIndexOf('/node_modules/') + 1);

/**
 * The PatternFly modules the exposed module reaches before the page renders: a walk of the module
 * graph from the exposed module over the connections webpack kept, through shared modules to the
 * modules that provide them, staying in `renderChunks` (so lazy `import()`s are left out). Also the
 * requests by which code that is not PatternFly's reaches PatternFly: what a baseline page imports.
 */
const patternflyReached = (
  compilation: Compilation,
  exposedModule: string,
  renderChunks: Set<Chunk>,
): { imports: string[]; modules: string[] } => {
  const { chunkGraph, moduleGraph } = compilation;
  const rendered = new Set<Module>();
  for (const chunk of renderChunks)
    for (const module of chunkGraph.getChunkModulesIterable(chunk)) rendered.add(module);
  const isPatternfly = (module: Module) =>
    module.type === 'consume-shared-module'
      ? (shareKeyOf(module)?.split('|')[1] ?? '').startsWith(PATTERNFLY_REQUEST)
      : (module.nameForCondition() ?? '').includes(PATTERNFLY);
  const reached = new Set<Module>();
  for (const block of exposedGroup(compilation, exposedModule).getBlocks())
    for (const dependency of (block as { dependencies?: Dependency[] }).dependencies ?? []) {
      const module = moduleGraph.getModule(dependency);
      if (module !== null) reached.add(module);
    }
  const imports = new Set<string>();
  for (const module of reached) {
    for (const connection of moduleGraph.getOutgoingConnections(module)) {
      const target = connection.module;
      if (!rendered.has(target) || !connection.isTargetActive(undefined)) continue;
      if (!isPatternfly(module) && isPatternfly(target)) {
        const request =
          target.type === 'consume-shared-module'
            ? shareKeyOf(target)?.split('|')[1]
            : (connection.dependency as { request?: string } | null)?.request;
        if (request !== undefined) imports.add(request);
      }
      reached.add(target);
    }
  }
  // Scope hoisting merges modules into one; each of them counts.
  const modules = [...reached]
    .flatMap((module) => [...((module as { modules?: Iterable<Module> }).modules ?? [module])])
    .filter((module) => module.type !== 'consume-shared-module' && isPatternfly(module))
    .map((module) => underNodeModules(module.nameForCondition() ?? ''));
  return { imports: [...imports].sort(), modules: [...new Set(modules)].sort() };
};

const jsFiles = (chunks: Iterable<Chunk>): string[] =>
  [...chunks].flatMap((chunk) => [...chunk.files].filter((file) => file.endsWith('.js'))).sort();

/** Files of chunks whose every module is PatternFly's or something it needs at run time. */
const patternflyFiles = (compilation: Compilation): Set<string> => {
  const files = new Set<string>();
  for (const chunk of compilation.chunks) {
    const modules = [...compilation.chunkGraph.getChunkModulesIterable(chunk)].filter(
      (module) => module.type !== 'consume-shared-module',
    );
    if (modules.length > 0 && modules.every((m) => isPatternflyOrItsRuntime(m.nameForCondition())))
      jsFiles([chunk]).forEach((file) => files.add(file));
  }
  return files;
};

const pageBundles = (
  compilation: Compilation,
  outDir: string,
  exposedModules: string[],
): Map<string, PageBundle> => {
  const entry = compilation.entrypoints.values().next().value;
  if (entry === undefined) throw new Error('the build has no plugin entry');
  const entryFiles = jsFiles(entry.chunks);
  const content = (file: string) => readFileSync(join(outDir, file));
  const sum = (
    files: string[],
    size: (file: string) => number = (file) => gzipSize(content(file)),
  ) => files.reduce((total, file) => total + size(file), 0);
  const raw = (file: string) => content(file).length;
  const patternfly = patternflyFiles(compilation);
  const shared = sharedModuleChunks(compilation);
  return new Map(
    exposedModules.map((exposedModule) => {
      const renderChunks = chunksToRender(compilation, shared, exposedModule);
      const files = [...new Set([...entryFiles, ...jsFiles(renderChunks)])];
      const patternflyOnly = files.filter((file) => patternfly.has(file));
      const reached = patternflyReached(compilation, exposedModule, renderChunks);
      const lazyFiles = [
        ...new Set(jsFiles(lazyChunks(compilation, shared, exposedModule))),
      ].filter((file) => !files.includes(file));
      return [
        exposedModule,
        {
          exposedModule,
          files,
          gzipBytes: sum(files),
          rawBytes: sum(files, raw),
          patternflyGzipBytes: sum(patternflyOnly),
          patternflyRawBytes: sum(patternflyOnly, raw),
          patternflyImports: reached.imports,
          patternflyModules: reached.modules,
          lazyFiles,
          lazyGzipBytes: sum(lazyFiles),
        },
      ];
    }),
  );
};

/** Builds the plugin into `outDir` with the repository's webpack config. */
export const buildPlugin = (outDir: string, exposedModules: string[]): Promise<PluginBuild> =>
  inProduction(async (config) => {
    rmSync(outDir, { recursive: true, force: true });
    const compilation = await compile({ ...config, output: { ...config.output, path: outDir } });
    return { outDir, pages: pageBundles(compilation, outDir, exposedModules) };
  });

/** The exposed module of every baseline build (bench/baseline-plugin/plugin-metadata.json). */
const BASELINE_PAGE = 'BaselinePage';

/**
 * A baseline page's source: `imports`, held so that webpack keeps all they export, and an empty
 * element to wait for. Plain JS, since the webpack config compiles only our own TypeScript.
 */
const baselineSource = (page: string, imports: readonly string[]): string =>
  [
    `// Generated by bench/bundle.ts: the PatternFly modules ${page} imports, and nothing else.`,
    "import { createElement } from 'react';",
    ...imports.map((request, i) => `import * as patternfly${String(i)} from '${request}';`),
    `const patternflyModules = [${imports.map((_request, i) => `patternfly${String(i)}`).join(', ')}];`,
    `export default function ${BASELINE_PAGE}() {`,
    "  return createElement('div', { 'data-test': 'baseline-page', 'data-modules': patternflyModules.length });",
    '}',
    '',
  ].join('\n');

/**
 * Builds the baseline of `page` into `outDir`: a page that imports the PatternFly modules `page`
 * imports, with the same config and our locales, with the baseline's metadata and extensions in place
 * of ours. It keeps our plugin's name so that the console shell, which serves one plugin name, can
 * load it for the network measurement.
 */
export const buildBaselinePage = (outDir: string, page: PageBundle): Promise<PageBundle> =>
  inProduction(async (config) => {
    const readJson = (file: string): unknown =>
      JSON.parse(readFileSync(join(BASELINE_DIR, file), 'utf8'));
    const pluginMetadata = readJson('plugin-metadata.json') as ConsolePluginBuildMetadata;
    const plugins = (config.plugins ?? []).map((plugin) =>
      plugin instanceof ConsoleRemotePlugin
        ? new ConsoleRemotePlugin({
            pluginMetadata,
            extensions: readJson('console-extensions.json') as EncodedExtension[],
          })
        : plugin,
    );
    // Beside the build, out of the source tree. Its imports and loaders resolve from our node_modules
    // too, for a KMM_DAY1_BENCH_OUT outside the project.
    const sourceDir = `${outDir}-src`;
    rmSync(sourceDir, { recursive: true, force: true });
    mkdirSync(sourceDir, { recursive: true });
    writeFileSync(
      join(sourceDir, `${BASELINE_PAGE}.js`),
      baselineSource(page.exposedModule, page.patternflyImports),
    );
    rmSync(outDir, { recursive: true, force: true });
    const ourModules = join(ROOT, 'node_modules');
    const compilation = await compile({
      ...config,
      context: sourceDir,
      output: { ...config.output, path: outDir },
      plugins,
      resolve: { ...config.resolve, modules: ['node_modules', ourModules] },
      resolveLoader: { ...config.resolveLoader, modules: ['node_modules', ourModules] },
    });
    const baseline = pageBundles(compilation, outDir, [BASELINE_PAGE]).get(BASELINE_PAGE);
    if (baseline === undefined)
      throw new Error(`the baseline of ${page.exposedModule} was not built`);
    return baseline;
  });
