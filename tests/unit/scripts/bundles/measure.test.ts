import { describe, expect, it } from 'vitest';
import { KB, type AppBudget } from '../../../../scripts/bundles/budgets';
import { checkBudgets, failed, type AppVerdict, type BuildFacts, type ViteManifest } from '../../../../scripts/bundles/measure';

const TRACK: AppBudget = { app: 'track', page: 'track/index.html', maxGzipBytes: 80 * KB, maxFiles: 3 };
const ADMIN: AppBudget = {
  app: 'admin',
  page: 'admin/index.html',
  maxGzipBytes: 150 * KB,
  maxFiles: 30,
  absentBecause: 'the admin app is not built yet',
};

/** The track page: entry → react → runtime statically, and a lazy map chunk that pulls leaflet. */
const MANIFEST: ViteManifest = {
  'track/index.html': { file: 'assets/track.js', isEntry: true, imports: ['_react.js'], dynamicImports: ['track/DriverMap.tsx'] },
  '_react.js': { file: 'assets/react.js', imports: ['_runtime.js'] },
  '_runtime.js': { file: 'assets/runtime.js' },
  'track/DriverMap.tsx': { file: 'assets/DriverMap.js', imports: ['_react.js', '_leaflet.js'] },
  '_leaflet.js': { file: 'assets/leaflet.js' },
};
const TRACK_HTML =
  '<script type="module" src="/assets/track.js"></script><link rel="modulepreload" href="/assets/react.js"><link rel="modulepreload" href="/assets/runtime.js">';
const SIZES = new Map([
  ['assets/track.js', 5 * KB],
  ['assets/react.js', 60 * KB],
  ['assets/runtime.js', 1 * KB],
  ['assets/DriverMap.js', 2 * KB],
  ['assets/leaflet.js', 40 * KB],
]);
const facts = (over: Partial<BuildFacts> = {}): BuildFacts => ({
  manifest: MANIFEST,
  pages: new Map([['track/index.html', TRACK_HTML]]),
  gzipBytes: SIZES,
  ...over,
});

const only = (verdicts: readonly AppVerdict[]): AppVerdict => {
  expect(verdicts).toHaveLength(1);
  const [verdict] = verdicts;
  if (!verdict) throw new Error('no verdict');
  return verdict;
};

describe('an app’s bundle budget', () => {
  it('counts the entry and its static imports, and not what loads through dynamic imports', () => {
    const verdict = only(checkBudgets([TRACK], facts()));
    expect(verdict).toMatchObject({ kind: 'within', eagerBytes: 66 * KB, lazyBytes: 42 * KB });
    expect(failed(verdict)).toBe(false);
  });

  it('fails the app whose first load goes over its budget, naming the largest files first', () => {
    const verdict = only(checkBudgets([{ ...TRACK, maxGzipBytes: 65 * KB }], facts()));
    expect(verdict).toMatchObject({ kind: 'over', eagerBytes: 66 * KB });
    expect(failed(verdict)).toBe(true);
    if (verdict.kind !== 'over') throw new Error('expected over');
    expect(verdict.eager.map((f) => f.file)).toEqual(['assets/react.js', 'assets/track.js', 'assets/runtime.js']);
  });

  it('is met at exactly the budget', () => {
    expect(only(checkBudgets([{ ...TRACK, maxGzipBytes: 66 * KB }], facts())).kind).toBe('within');
  });

  it('fails the app that fetches more files before it is interactive than its budget allows, however small', () => {
    const verdict = only(checkBudgets([{ ...TRACK, maxFiles: 2 }], facts()));
    expect(verdict).toMatchObject({ kind: 'over', eagerBytes: 66 * KB });
    expect(failed(verdict)).toBe(true);
    expect(only(checkBudgets([{ ...TRACK, maxFiles: 3 }], facts())).kind).toBe('within');
  });

  it('counts a static import the page does not preload, since the entry still waits for it', () => {
    const verdict = only(
      checkBudgets([TRACK], facts({ pages: new Map([['track/index.html', '<script type="module" src="/assets/track.js"></script>']]) })),
    );
    expect(verdict).toMatchObject({ kind: 'within', eagerBytes: 66 * KB });
  });

  it('counts a lazy chunk as eager once the page preloads it', () => {
    const html = `${TRACK_HTML}<link rel="modulepreload" href="/assets/leaflet.js">`;
    const verdict = only(checkBudgets([TRACK], facts({ pages: new Map([['track/index.html', html]]) })));
    expect(verdict).toMatchObject({ kind: 'over', eagerBytes: 106 * KB, lazyBytes: 2 * KB });
  });

  it('follows shared imports once, however many chunks import them', () => {
    const manifest: ViteManifest = { ...MANIFEST, '_runtime.js': { file: 'assets/runtime.js', imports: ['_react.js'] } };
    expect(only(checkBudgets([TRACK], facts({ manifest })))).toMatchObject({ kind: 'within', eagerBytes: 66 * KB });
  });

  it('is skipped, saying why, for an app allowed to be absent whose page was not built', () => {
    const [, admin] = checkBudgets([TRACK, ADMIN], facts());
    expect(admin).toEqual({
      kind: 'skipped',
      budget: ADMIN,
      reason: 'dist/admin/index.html does not exist (the admin app is not built yet)',
    });
    expect(admin && failed(admin)).toBe(false);
  });

  it('fails an app whose page the build lost', () => {
    const verdict = only(checkBudgets([TRACK], facts({ pages: new Map() })));
    expect(verdict).toMatchObject({ kind: 'broken' });
    expect(failed(verdict)).toBe(true);
  });

  it('fails a page that loads a file missing from dist/ or a script from another origin', () => {
    const missing = only(checkBudgets([TRACK], facts({ gzipBytes: new Map([...SIZES].filter(([file]) => file !== 'assets/react.js')) })));
    expect(missing).toMatchObject({ kind: 'broken', reason: 'loads files missing from dist/: assets/react.js' });
    const cdn = `${TRACK_HTML}<script type="module" src="https://cdn.example/x.js"></script>`;
    expect(only(checkBudgets([TRACK], facts({ pages: new Map([['track/index.html', cdn]]) })))).toMatchObject({ kind: 'broken' });
  });

  it('fails a built page that has no budget, so a new app cannot ship without one', () => {
    const manifest: ViteManifest = { ...MANIFEST, 'kitchen/index.html': { file: 'assets/kitchen.js', isEntry: true } };
    const verdicts = checkBudgets([TRACK], facts({ manifest }));
    expect(verdicts.map((v) => v.kind)).toEqual(['within', 'unbudgeted']);
    expect(verdicts.some(failed)).toBe(true);
  });
});
