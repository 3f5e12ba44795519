/**
 * The JS a browser fetches to render a page, from the production build: the plugin entry, the chunks of
 * the page's exposed module, and the chunks of the shared modules those chunks consume (console
 * provides only React, the SDK, react-router and the like, so PatternFly comes from the plugin). Our
 * plugin and a baseline (bench/baseline-plugin: a page like console-plugin-template's example page) are
 * built with the same webpack config and shared modules; only the plugin metadata, extensions and source
 * folder differ.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import type {
  ConsolePluginBuildMetadata,
  EncodedExtension,
} from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import webpack from 'webpack';
import type { Chunk, ChunkGroup, Compilation, Configuration, Module } from 'webpack';
import { isPatternflyOrItsRuntime } from '../scripts/patternfly-chunk';

const ROOT = join(__dirname, '..');
const BASELINE_DIR = join(__dirname, 'baseline-plugin');
/** Out of the source tree and of every linter's reach. */
export const BENCH_OUT = join(ROOT, 'node_modules', '.cache', 'kmm-day1-bench');

export interface PageBundle {
  /** The exposed module that renders the page. */
  exposedModule: string;
  /** Plugin-relative file names, entry script first. */
  files: string[];
  gzipBytes: number;
  /**
   * Of which chunks made only of PatternFly and what it needs at run time (the build's `patternfly`
   * chunk: see scripts/patternfly-chunk.ts).
   */
  patternflyGzipBytes: number;
  /** Files the page may fetch after its first render (its lazy chunks, such as the YAML preview). */
  lazyFiles: string[];
  lazyGzipBytes: number;
}

export interface PluginBuild {
  outDir: string;
  pages: Map<string, PageBundle>;
}

export const gzipSize = (content: Buffer | string): number => gzipSync(content).length;

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

const compile = (config: Configuration): Promise<Compilation> =>
  new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (stats === undefined) reject(new Error('webpack gave no stats'));
      else if (stats.hasErrors())
        reject(new Error(stats.toString({ all: false, errors: true, errorDetails: true })));
      else resolve(stats.compilation);
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
  const sizeOf = (file: string) => gzipSize(readFileSync(join(outDir, file)));
  const sum = (files: string[]) => files.reduce((total, file) => total + sizeOf(file), 0);
  const patternfly = patternflyFiles(compilation);
  const shared = sharedModuleChunks(compilation);
  return new Map(
    exposedModules.map((exposedModule) => {
      const files = [
        ...new Set([...entryFiles, ...jsFiles(chunksToRender(compilation, shared, exposedModule))]),
      ];
      const lazyFiles = [
        ...new Set(jsFiles(lazyChunks(compilation, shared, exposedModule))),
      ].filter((file) => !files.includes(file));
      return [
        exposedModule,
        {
          exposedModule,
          files,
          gzipBytes: sum(files),
          patternflyGzipBytes: sum(files.filter((file) => patternfly.has(file))),
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

/**
 * Builds the baseline plugin into `outDir`: the same config, with the baseline's metadata, extensions,
 * source folder and locales in place of ours. It keeps our plugin's name so that the console shell,
 * which serves one plugin name, can load it for the network measurement.
 */
export const buildBaselinePlugin = (outDir: string): Promise<PluginBuild> =>
  inProduction(async (config) => {
    const readJson = (file: string): unknown =>
      JSON.parse(readFileSync(join(BASELINE_DIR, file), 'utf8'));
    const pluginMetadata = readJson('plugin-metadata.json') as ConsolePluginBuildMetadata;
    const plugins = (config.plugins ?? []).map((plugin) => {
      if (plugin instanceof ConsoleRemotePlugin)
        return new ConsoleRemotePlugin({
          pluginMetadata,
          extensions: readJson('console-extensions.json') as EncodedExtension[],
        });
      if (plugin instanceof CopyWebpackPlugin)
        return new CopyWebpackPlugin({
          patterns: [{ from: join(BASELINE_DIR, 'locales'), to: 'locales' }],
        });
      return plugin;
    });
    rmSync(outDir, { recursive: true, force: true });
    const compilation = await compile({
      ...config,
      context: join(BASELINE_DIR, 'src'),
      output: { ...config.output, path: outDir },
      plugins,
    });
    return {
      outDir,
      pages: pageBundles(compilation, outDir, Object.keys(pluginMetadata.exposedModules ?? {})),
    };
  });
