import type { Chunk, ChunkGroup, Compiler, Module } from 'webpack';

/**
 * The modules the build puts in `patternfly-…` chunks (webpack.config.ts), and that `npm run bench`
 * counts as PatternFly: PatternFly itself and what its modules import at run time that console does not
 * share with plugins (tslib, React's JSX runtime, lodash, focus-trap and tabbable, and our react-dom
 * shim, which the build substitutes for react-dom).
 */
const PATTERNFLY_AND_ITS_RUNTIME =
  /\/node_modules\/(@patternfly|tslib|lodash|focus-trap|tabbable)\/|\/node_modules\/react\/(cjs\/react-)?jsx-runtime\.|\/src\/shims\//;

/** `path` is a module's resource path, as webpack's `module.nameForCondition()` gives it. */
export const isPatternflyOrItsRuntime = (path: string | null | undefined): boolean =>
  typeof path === 'string' && PATTERNFLY_AND_ITS_RUNTIME.test(path.replace(/\\/g, '/'));

/** ConsoleRemotePlugin names the chunk group of each exposed module `exposed-<name>`. */
const EXPOSED = /^exposed-(.+)$/;

/** Groups that the share scope starts: a shared module's provider or its fallback. */
const isSharing = (group: ChunkGroup): boolean =>
  group.origins.some((origin) => {
    const { module } = origin as { module?: Module | null };
    return (
      module !== undefined &&
      module !== null &&
      (module.type === 'consume-shared-module' || module.identifier().startsWith('provide module '))
    );
  });

/**
 * The pages that load a module in `chunks` (the chunks webpack put it in before splitting), as
 * `<exposed module>` when a page needs it to render and `<exposed module>~lazy` when only the page's
 * `import()`s (React.lazy) do. A walk from the chunks' groups up to the exposed modules' groups, through
 * the groups of shared modules' fallbacks (a page consumes a PatternFly component through one) and of
 * lazy imports; the groups of the share scope's providers lead to the container entry, to no page.
 */
const pagesLoading = (chunks: Iterable<Chunk>): string[] => {
  const rendering = new Set<string>();
  const lazily = new Set<string>();
  const seen = { rendering: new Set<ChunkGroup>(), lazily: new Set<ChunkGroup>() };
  const queue: { group: ChunkGroup; lazy: boolean }[] = [];
  for (const chunk of chunks)
    for (const group of chunk.groupsIterable) queue.push({ group, lazy: false });
  while (queue.length > 0) {
    const { group, lazy } = queue.pop() as { group: ChunkGroup; lazy: boolean };
    const seenAs = lazy ? seen.lazily : seen.rendering;
    if (seenAs.has(group)) continue;
    seenAs.add(group);
    const exposed = EXPOSED.exec(group.name ?? '');
    if (exposed !== null) {
      (lazy ? lazily : rendering).add(exposed[1]);
      continue;
    }
    const throughLazyImport = lazy || !isSharing(group);
    for (const parent of group.parentsIterable)
      queue.push({ group: parent, lazy: throughLazyImport });
  }
  return [
    ...[...rendering].sort(),
    ...[...lazily]
      .filter((page) => !rendering.has(page))
      .sort()
      .map((page) => `${page}~lazy`),
  ];
};

interface PageSet {
  /** As `pagesLoading` gives them. */
  pages: string[];
  /** Raw bytes of its modules. */
  size: number;
}

/**
 * What merging `small` into `into` costs: a page that loads `into` but has no need for `small`'s
 * modules fetches them for nothing (2), one that needs them only after its first render where `into`
 * loads before fetches them too early (1). `undefined` when `into` misses a page that needs them.
 */
const mergeCost = (small: string[], into: string[]): number | undefined => {
  const renders = (pages: string[], page: string) => pages.includes(page);
  const loads = (pages: string[], page: string) =>
    renders(pages, page) || pages.includes(`${page}~lazy`);
  const page = (entry: string) => entry.replace(/~lazy$/, '');
  const covered = small.every((entry) =>
    entry.endsWith('~lazy') ? loads(into, page(entry)) : renders(into, entry),
  );
  if (!covered) return undefined;
  const costOf = (entry: string): number => {
    if (!loads(small, page(entry))) return 2;
    return !entry.endsWith('~lazy') && !renders(small, entry) ? 1 : 0;
  };
  return into.reduce((total, entry) => total + costOf(entry), 0);
};

/**
 * Splits PatternFly, and what it needs at run time, into one chunk per set of pages that load it, so
 * that a page fetches the PatternFly it renders with and no other page's (`import()`s' PatternFly
 * apart). A set whose modules weigh less than `minSize` bytes goes into the chunk of the set that
 * costs least (`mergeCost`), so that a page makes a few requests, not dozens.
 *
 * webpack's splitChunks names a chunk for a module from the subsets of chunks it considers, which can
 * differ for one module; so this plugin reads each module's pages from the chunk graph once, before
 * splitChunks runs, and `name` gives the cache group the chunk of the module's set.
 */
export class PatternflyChunks {
  private readonly chunkNames = new WeakMap<Module, string>();

  constructor(private readonly minSize: number) {}

  /** The chunk of `module`, for a splitChunks cache group. */
  readonly name = (module: Module): string => this.chunkNames.get(module) ?? 'patternfly';

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(PatternflyChunks.name, (compilation) => {
      let named = false;
      // Before splitChunks (stage 10), once: the optimizeChunks hook runs until no plugin changes anything.
      compilation.hooks.optimizeChunks.tap({ name: PatternflyChunks.name, stage: 0 }, () => {
        if (named) return;
        named = true;
        const sets = new Map<string, PageSet>();
        const setOf = new Map<Module, string>();
        for (const module of compilation.modules) {
          if (!isPatternflyOrItsRuntime(module.nameForCondition())) continue;
          const pages = pagesLoading(compilation.chunkGraph.getModuleChunksIterable(module));
          const key = pages.join('+');
          const set = sets.get(key) ?? { pages, size: 0 };
          set.size += module.size();
          sets.set(key, set);
          setOf.set(module, key);
        }
        const mergedInto = new Map<string, string>();
        for (const [key, set] of [...sets].sort(([, a], [, b]) => a.size - b.size)) {
          if (set.size >= this.minSize) continue;
          const candidates = [...sets]
            .filter(([other]) => other !== key && !mergedInto.has(other))
            .map(([other, into]) => ({ other, into, cost: mergeCost(set.pages, into.pages) }))
            .filter((candidate) => candidate.cost !== undefined)
            .sort(
              (a, b) =>
                (a.cost ?? 0) - (b.cost ?? 0) ||
                a.into.pages.length - b.into.pages.length ||
                b.into.size - a.into.size,
            );
          if (candidates.length === 0) continue;
          candidates[0].into.size += set.size;
          mergedInto.set(key, candidates[0].other);
        }
        const finalSet = (key: string): string => {
          const into = mergedInto.get(key);
          return into === undefined ? key : finalSet(into);
        };
        for (const [module, key] of setOf) {
          const pages = sets.get(finalSet(key))?.pages ?? [];
          // Page names lose their common `Day1` prefix; file names keep to characters a URL path
          // takes as they are (`ConfigsPage_CreatePage-lazy`).
          const short = pages.map((page) => page.replace(/^Day1/, '').replace('~', '-'));
          this.chunkNames.set(
            module,
            short.length === 0 ? 'patternfly' : `patternfly-${short.join('_')}`,
          );
        }
      });
    });
  }
}
