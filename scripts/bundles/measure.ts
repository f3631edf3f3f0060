import { z } from 'zod';
import type { AppBudget } from './budgets';
import { pageScripts } from './pageScripts';

/** The parts of Vite's `.vite/manifest.json` the check reads: chunks keyed by source, linked by key. */
export const viteManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
  }),
);
export type ViteManifest = z.infer<typeof viteManifestSchema>;

/** What a build left in dist/, read by the caller; everything here is a path under dist/. */
export interface BuildFacts {
  readonly manifest: ViteManifest;
  /** The HTML of each page that was built; a page not built is absent. */
  readonly pages: ReadonlyMap<string, string>;
  /** Gzip size (level 9) of each JavaScript file in dist/. */
  readonly gzipBytes: ReadonlyMap<string, number>;
}

export interface FileSize {
  readonly file: string;
  readonly gzipBytes: number;
}

export type AppVerdict =
  | {
      readonly kind: 'within' | 'over';
      readonly budget: AppBudget;
      /** Entry and static imports, largest first: what the page loads before it is interactive. */
      readonly eager: readonly FileSize[];
      readonly eagerBytes: number;
      /** Chunks reached only through dynamic imports (maps and the like): loaded when needed. */
      readonly lazyBytes: number;
    }
  | { readonly kind: 'skipped'; readonly budget: AppBudget; readonly reason: string }
  | { readonly kind: 'broken'; readonly budget: AppBudget; readonly reason: string }
  | { readonly kind: 'unbudgeted'; readonly page: string };

export const failed = (v: AppVerdict): boolean => v.kind === 'over' || v.kind === 'broken' || v.kind === 'unbudgeted';

/** Files of the chunks reachable from `roots`: through static imports, and dynamic ones too when `dynamic`. */
function reachable(manifest: ViteManifest, roots: readonly string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const files = new Set<string>();
  const queue = [...roots];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) continue;
    seen.add(key);
    files.add(chunk.file);
    queue.push(...(chunk.imports ?? []), ...(dynamic ? (chunk.dynamicImports ?? []) : []));
  }
  return files;
}

function measureApp(budget: AppBudget, facts: BuildFacts): AppVerdict {
  const html = facts.pages.get(budget.page);
  if (html === undefined) {
    return budget.absentBecause
      ? { kind: 'skipped', budget, reason: `dist/${budget.page} does not exist (${budget.absentBecause})` }
      : { kind: 'broken', budget, reason: `dist/${budget.page} does not exist: the build lost this app` };
  }
  if (!facts.manifest[budget.page]) return { kind: 'broken', budget, reason: `the manifest has no entry for ${budget.page}` };
  const scripts = pageScripts(html, budget.page);
  if (scripts.external.length > 0) {
    return { kind: 'broken', budget, reason: `loads scripts from other origins that cannot be measured: ${scripts.external.join(', ')}` };
  }
  // The HTML is what the browser fetches; the manifest adds any static import Vite did not preload.
  const eagerFiles = new Set([...scripts.local, ...reachable(facts.manifest, [budget.page], false)]);
  const unknown = [...eagerFiles].filter((file) => !facts.gzipBytes.has(file));
  if (unknown.length > 0) return { kind: 'broken', budget, reason: `loads files missing from dist/: ${unknown.join(', ')}` };
  const size = (file: string): number => facts.gzipBytes.get(file) ?? 0;
  const eager = [...eagerFiles].map((file) => ({ file, gzipBytes: size(file) })).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const eagerBytes = eager.reduce((sum, f) => sum + f.gzipBytes, 0);
  const lazyFiles = [...reachable(facts.manifest, [budget.page], true)].filter((file) => !eagerFiles.has(file));
  const lazyBytes = lazyFiles.reduce((sum, file) => sum + size(file), 0);
  const within = eagerBytes <= budget.maxGzipBytes && eager.length <= budget.maxFiles;
  return { kind: within ? 'within' : 'over', budget, eager, eagerBytes, lazyBytes };
}

/**
 * One verdict per budget, in budget order, then one per page entry of the build that has no budget:
 * a new app must get a budget before it ships.
 */
export function checkBudgets(budgets: readonly AppBudget[], facts: BuildFacts): AppVerdict[] {
  const budgeted = new Set(budgets.map((b) => b.page));
  const unbudgeted = Object.entries(facts.manifest)
    .filter(([key, chunk]) => chunk.isEntry === true && key.endsWith('.html') && !budgeted.has(key))
    .map(([page]): AppVerdict => ({ kind: 'unbudgeted', page }));
  return [...budgets.map((budget) => measureApp(budget, facts)), ...unbudgeted];
}
