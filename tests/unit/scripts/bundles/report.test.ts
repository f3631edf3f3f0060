import { describe, expect, it } from 'vitest';
import { KB, type AppBudget } from '../../../../scripts/bundles/budgets';
import type { AppVerdict } from '../../../../scripts/bundles/measure';
import { formatReport } from '../../../../scripts/bundles/report';

const TRACK: AppBudget = { app: 'track', page: 'track/index.html', maxGzipBytes: 65 * KB, maxFiles: 2 };
const ADMIN: AppBudget = {
  app: 'admin',
  page: 'admin/index.html',
  maxGzipBytes: 150 * KB,
  maxFiles: 30,
  absentBecause: 'the admin app is not built yet',
};
const EAGER = [
  { file: 'assets/react.js', gzipBytes: 60 * KB },
  { file: 'assets/track.js', gzipBytes: 6 * KB },
];
const SKIPPED: AppVerdict = {
  kind: 'skipped',
  budget: ADMIN,
  reason: 'dist/admin/index.html does not exist (the admin app is not built yet)',
};

describe('the bundle report', () => {
  it('says which apps failed, by how much, and lists the files of an app over its budget', () => {
    const report = formatReport([{ kind: 'over', budget: TRACK, eager: EAGER, eagerBytes: 66 * KB, lazyBytes: 42 * KB }, SKIPPED]).split(
      '\n',
    );
    expect(report.slice(1)).toEqual([
      '  track     66.0 kB of  65.0 kB,   2 files of  2  OVER by 1.0 kB  (+42.0 kB loaded lazily)',
      '            60.0 kB  assets/react.js',
      '             6.0 kB  assets/track.js',
      '  admin   skipped: dist/admin/index.html does not exist (the admin app is not built yet)',
      'FAIL: track',
    ]);
  });

  it('says by how many files an app that fetches too many is over, and by how much it is too large as well', () => {
    const three = [...EAGER, { file: 'assets/ids.js', gzipBytes: 1 * KB }];
    const files = formatReport([{ kind: 'over', budget: TRACK, eager: three, eagerBytes: 64 * KB, lazyBytes: 0 }]).split('\n');
    expect(files[1]).toBe('  track     64.0 kB of  65.0 kB,   3 files of  2  OVER by 1 file');
    const both = formatReport([{ kind: 'over', budget: TRACK, eager: three, eagerBytes: 67 * KB, lazyBytes: 0 }]).split('\n');
    expect(both[1]).toBe('  track     67.0 kB of  65.0 kB,   3 files of  2  OVER by 2.0 kB and 1 file');
  });

  it('passes when every app is within its budget, without listing files', () => {
    const report = formatReport([{ kind: 'within', budget: TRACK, eager: EAGER, eagerBytes: 64 * KB, lazyBytes: 0 }, SKIPPED]).split('\n');
    expect(report.slice(1)).toEqual([
      '  track     64.0 kB of  65.0 kB,   2 files of  2  ok',
      '  admin   skipped: dist/admin/index.html does not exist (the admin app is not built yet)',
      'PASS: every app is within its budget',
    ]);
  });

  it('fails on a broken app and on a page without a budget', () => {
    const report = formatReport([
      { kind: 'broken', budget: TRACK, reason: 'dist/track/index.html does not exist: the build lost this app' },
      { kind: 'unbudgeted', page: 'kitchen/index.html' },
    ]);
    expect(report.split('\n').slice(1)).toEqual([
      '  track   FAILED: dist/track/index.html does not exist: the build lost this app',
      '  kitchen/index.html FAILED: this page has no budget; add one to scripts/bundles/budgets.ts',
      'FAIL: track, kitchen/index.html',
    ]);
  });
});
