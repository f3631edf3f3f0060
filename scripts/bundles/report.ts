import { KB } from './budgets';
import { failed, type AppVerdict } from './measure';

export const kB = (bytes: number): string => `${(bytes / KB).toFixed(1)} kB`;

const filesOver = (n: number): string => (n === 1 ? '1 file' : `${n} files`);

/** Files listed under an app that is over its budget: enough to see what grew. */
const LISTED_FILES = 8;
/** Puts a file's size under its app's total. */
const FILE_INDENT = ' '.repeat(10);

function lines(v: AppVerdict): string[] {
  switch (v.kind) {
    case 'within':
    case 'over': {
      const over = [
        ...(v.eagerBytes > v.budget.maxGzipBytes ? [kB(v.eagerBytes - v.budget.maxGzipBytes)] : []),
        ...(v.eager.length > v.budget.maxFiles ? [filesOver(v.eager.length - v.budget.maxFiles)] : []),
      ];
      const verdict = v.kind === 'within' ? 'ok' : `OVER by ${over.join(' and ')}`;
      const files = `${String(v.eager.length).padStart(3)} files of ${String(v.budget.maxFiles).padStart(2)}`;
      const head = `  ${v.budget.app.padEnd(7)} ${kB(v.eagerBytes).padStart(9)} of ${kB(v.budget.maxGzipBytes).padStart(8)}, ${files}  ${verdict}`;
      const lazy = v.lazyBytes > 0 ? `  (+${kB(v.lazyBytes)} loaded lazily)` : '';
      if (v.kind === 'within') return [head + lazy];
      return [head + lazy, ...v.eager.slice(0, LISTED_FILES).map((f) => `${FILE_INDENT}${kB(f.gzipBytes).padStart(9)}  ${f.file}`)];
    }
    case 'skipped':
      return [`  ${v.budget.app.padEnd(7)} skipped: ${v.reason}`];
    case 'broken':
      return [`  ${v.budget.app.padEnd(7)} FAILED: ${v.reason}`];
    case 'unbudgeted':
      return [`  ${v.page} FAILED: this page has no budget; add one to scripts/bundles/budgets.ts`];
  }
}

const name = (v: AppVerdict): string => (v.kind === 'unbudgeted' ? v.page : v.budget.app);

/** The check's output: one line per app (files listed under failures), then a verdict line. */
export function formatReport(verdicts: readonly AppVerdict[]): string {
  const failures = verdicts.filter(failed);
  return [
    'Bundle budgets: gzip (level 9) JavaScript each page loads before it is interactive (entry + static imports), and its files',
    ...verdicts.flatMap(lines),
    failures.length === 0 ? 'PASS: every app is within its budget' : `FAIL: ${failures.map(name).join(', ')}`,
  ].join('\n');
}
