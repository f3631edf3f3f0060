import { machineLine, type Machine } from '../sync/report';
import { LIGHTHOUSE, type Audit } from './audit';

export const START = '<!-- bench:lighthouse:start -->';
export const END = '<!-- bench:lighthouse:end -->';
const KEEP = 30;

/** The targets: a page that loads fast on a cheap phone over a slow link, and is usable by everyone. */
export const TARGETS = { performance: 90, accessibility: 95, bestPractices: 95 } as const;

export const meets = (a: Audit): boolean =>
  a.performance >= TARGETS.performance && a.accessibility >= TARGETS.accessibility && a.bestPractices >= TARGETS.bestPractices;

export interface PageResult {
  readonly app: string;
  readonly path: string;
  readonly audit: Audit;
  /** Every run's performance score, to show the spread. */
  readonly performanceRange: readonly number[];
}

export interface LighthouseRun {
  readonly date: Date;
  readonly machine: Machine;
  readonly commit: string;
  readonly runs: number;
  readonly pages: readonly PageResult[];
}

const METHOD = [
  `What is measured: \`npm run bench:lighthouse\` builds the apps and the server, starts the server with the demo seed`,
  `on a free port, places one delivery order (for a real tracking link), and runs ${LIGHTHOUSE} (npx) against each page`,
  'in the system Chromium with its defaults: mobile form factor, simulated slow 4G and a 4× slower CPU. Each page is',
  'audited several times and the run with the median performance score is shown. The staff apps are measured on',
  'their first screen (sign-in), as a new device opens them. Targets: performance ≥ 90, accessibility and best',
  'practices ≥ 95. The build serves precompressed brotli and gzip with long caching for hashed assets. It is built',
  'without map tiles (`VITE_MAP_TILE_URL=`): the bench machine has no internet, and tile requests that cannot',
  "connect would count as the page's console errors.",
].join('\n');

const row = (p: PageResult): string =>
  `| ${p.app} | \`${p.path.startsWith('/track/') ? '/track/<token>' : p.path}\` | ${p.audit.performance} (${p.performanceRange.join(', ')}) | ` +
  `${p.audit.accessibility} | ${p.audit.bestPractices} | ${(p.audit.fcpMs / 1000).toFixed(1)} s | ${(p.audit.lcpMs / 1000).toFixed(1)} s | ` +
  `${p.audit.tbtMs} ms | ${meets(p.audit) ? 'ok' : 'BELOW'} |`;

function historyLine(run: LighthouseRun): string {
  const when = run.date.toISOString().slice(0, 16).replace('T', ' ');
  const below = run.pages.filter((p) => !meets(p.audit)).length;
  const scores = run.pages.map((p) => `${p.app} ${p.audit.performance}/${p.audit.accessibility}/${p.audit.bestPractices}`);
  return `- ${when} UTC, ${run.commit}: ${scores.join(', ')} — ${below === 0 ? 'PASS' : `FAIL (${below} below)`}`;
}

/** The bench:lighthouse section of bench/RESULTS.md, with this run first in its history. */
export function renderSection(run: LighthouseRun, history: readonly string[]): string {
  return [
    START,
    '## bench:lighthouse: each app on a cheap phone over a slow link',
    '',
    `Last run ${run.date.toISOString()} on ${machineLine(run)}; commit \`${run.commit}\`; ${run.runs} runs per page.`,
    '',
    '| page | path | performance (runs) | accessibility | best practices | first paint | largest paint | blocking | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...run.pages.map(row),
    '',
    METHOD,
    '',
    '### History',
    '',
    ...[historyLine(run), ...history].slice(0, KEEP),
    END,
  ].join('\n');
}
