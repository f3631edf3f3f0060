import { kB } from '../../scripts/bundles/report';
import { failed, type AppVerdict } from '../../scripts/bundles/measure';
import { machineLine, type Machine } from '../sync/report';

export interface BundleRun {
  readonly date: Date;
  readonly machine: Machine;
  readonly commit: string;
  readonly verdicts: readonly AppVerdict[];
}

export const START = '<!-- bench:bundles:start -->';
export const END = '<!-- bench:bundles:end -->';
const KEEP = 30;

const METHOD = [
  'What is measured: `npm run bench:bundles` runs `npm run build`, then the same measurement as `npm run check:bundles`',
  '(scripts/bundles/): for each app page in `dist/`, the module entry and modulepreloads in its HTML plus every static',
  'import reachable from it in `dist/.vite/manifest.json`, each file gzipped with zlib at level 9; kB are 1,000 bytes.',
  'That is the JavaScript the page fetches before it can run. "Lazy" is what is reachable only through dynamic imports',
  '(the maps): fetched when a screen needs it, and precached by the service worker of the installed apps. CSS, icons and',
  'the service worker are not counted. A budget caps both the gzip size and the number of files (each a round trip on a',
  'slow link). The budgets are checked in CI: `npm run test:e2e` fails when an app is over either.',
].join('\n');

function row(v: AppVerdict): string {
  switch (v.kind) {
    case 'within':
    case 'over':
      return `| ${v.budget.app} | ${kB(v.eagerBytes)} (${v.eager.length} files) | ${kB(v.budget.maxGzipBytes)}, ${v.budget.maxFiles} files | ${kB(v.lazyBytes)} | ${v.kind === 'within' ? 'ok' : 'OVER'} |`;
    case 'skipped':
    case 'broken':
      return `| ${v.budget.app} | — | ${kB(v.budget.maxGzipBytes)}, ${v.budget.maxFiles} files | — | ${v.kind === 'skipped' ? 'skipped' : 'FAILED'}: ${v.reason} |`;
    case 'unbudgeted':
      return `| ${v.page} | — | none | — | FAILED: no budget |`;
  }
}

function historyLine(run: BundleRun): string {
  const when = run.date.toISOString().slice(0, 16).replace('T', ' ');
  const sizes = run.verdicts.flatMap((v) => (v.kind === 'within' || v.kind === 'over' ? [`${v.budget.app} ${kB(v.eagerBytes)}`] : []));
  const over = run.verdicts.filter(failed).length;
  return `- ${when} UTC, ${run.commit}: first load ${sizes.join(', ')} — ${over === 0 ? 'PASS' : `FAIL (${over} over)`}`;
}

/** The bench:bundles section of bench/RESULTS.md, with this run first in its history. */
export function renderSection(run: BundleRun, history: readonly string[]): string {
  return [
    START,
    '## bench:bundles: JavaScript each app loads before it is interactive',
    '',
    `Last run ${run.date.toISOString()} on ${machineLine(run)}; commit \`${run.commit}\`.`,
    '',
    '| app | first load, gzip | budget | lazy, gzip | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...run.verdicts.map(row),
    '',
    METHOD,
    '',
    '### History',
    '',
    ...[historyLine(run), ...history].slice(0, KEEP),
    END,
  ].join('\n');
}
