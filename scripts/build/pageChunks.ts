/** What chunking asks of the module graph (Rolldown's ChunkingContext, as far as it is read here). */
export interface ModuleGraph {
  getModuleInfo(id: string): {
    readonly importers: readonly string[];
    readonly dynamicImporters: readonly string[];
    readonly isEntry: boolean;
  } | null;
}

const PAGE_OF_ENTRY = /[\\/]client[\\/]([^\\/]+)[\\/]/;

interface Reached {
  readonly id: string;
  /** The page this module is the entry of, if it is one. */
  readonly page: string | undefined;
  /** Some module imports it dynamically: it is the root of a lazy screen. */
  readonly lazyRoot: boolean;
}

/** The modules reached walking up from `id` through its importers (`lazy`: dynamic importers too), `id` included. */
function walkUp(graph: ModuleGraph, id: string, lazy: boolean): Reached[] {
  const reached: Reached[] = [];
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const info = graph.getModuleInfo(next);
    if (!info) continue;
    reached.push({ id: next, page: info.isEntry ? PAGE_OF_ENTRY.exec(next)?.[1] : undefined, lazyRoot: info.dynamicImporters.length > 0 });
    for (const importer of lazy ? [...info.importers, ...info.dynamicImporters] : info.importers) {
      if (seen.has(importer)) continue;
      seen.add(importer);
      queue.push(importer);
    }
  }
  return reached;
}

/**
 * The pages whose entry imports module `id` statically, through any chain of static imports; null when a
 * lazily loaded screen reaches it too and some page that loads that screen does not load `id` up front.
 */
export function pagesLoading(graph: ModuleGraph, id: string): ReadonlySet<string> | null {
  const upFront = walkUp(graph, id, false);
  const pages = new Set(upFront.flatMap((m) => (m.page ? [m.page] : [])));
  const elsewhere = upFront
    .filter((m) => m.lazyRoot)
    .some((root) => walkUp(graph, root.id, true).some((m) => m.page !== undefined && !pages.has(m.page)));
  return elsewhere ? null : pages;
}

/**
 * The chunk for one of the apps' own modules (client/, shared/): one per set of pages that load it up
 * front. Left to the default split, every combination of pages and lazy screens that shared a module
 * made a chunk of its own: the outlet loaded 48 files before its first render, most under 2 kB, and on
 * a slow link each costs a round trip. A module one page alone loads stays in that page's chunk; one a
 * lazy screen of another page loads too is left to the default split (null), so that the screen does
 * not fetch, with it, a chunk of modules that page never uses (and their libraries).
 */
export function chunkOfPages(graph: ModuleGraph, id: string): string | null {
  if (/[\\/]node_modules[\\/]/.test(id)) return null;
  const pages = pagesLoading(graph, id);
  if (pages === null || pages.size < 2) return null;
  return `pages-${[...pages].sort().join('-')}`;
}
