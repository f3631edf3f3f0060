import type { Machine } from '../sync/report';
import { writeSection } from '../sync/resultsFile';

export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function distribution(samples: readonly number[]): Distribution {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

export interface OutletBenchResult {
  readonly date: Date;
  readonly machine: Machine;
  readonly commit: string;
  readonly chromium: string;
  readonly orders: number;
  readonly onBoard: number;
  readonly cards: number;
  /** Navigation → the board shows every order of the day. */
  readonly open: Distribution;
  /** The app's own part of opening: main script loaded → board shown. */
  readonly openAfterScript: Distribution;
  /** Navigation → the first status change goes through (its document loaded ahead of the rest). */
  readonly interactive: Distribution;
  /** Navigation → the main thread is idle: every held order document loaded and projected. */
  readonly settled: Distribution;
  readonly clickDom: Distribution;
  readonly clickFrame: Distribution;
  readonly heapMiB: number;
  readonly targetMs: number;
}

export const passed = (r: OutletBenchResult): boolean => r.clickFrame.count > 0 && r.clickFrame.p99 < r.targetMs && r.open.count > 0;

const ms = (d: Distribution): string => `${d.p50.toFixed(1)} ms / ${d.p99.toFixed(1)} ms (n=${d.count}, max ${d.max.toFixed(1)} ms)`;

export function summaryRows(r: OutletBenchResult): [string, string][] {
  return [
    ['orders in IndexedDB / on today’s board / full cards', `${r.orders} / ${r.onBoard} / ${r.cards}`],
    ['open: navigation → board with all orders, p50 / p99', ms(r.open)],
    ['open: app script loaded → board, p50 / p99', ms(r.openAfterScript)],
    ['navigation → first status change goes through, p50 / p99', ms(r.interactive)],
    ['navigation → every held order document loaded (main thread idle), p50 / p99', ms(r.settled)],
    ['status change: click → card re-rendered, p50 / p99', ms(r.clickDom)],
    ['status change: click → next frame, p50 / p99', ms(r.clickFrame)],
    ['page JS heap after the run', `${r.heapMiB.toFixed(0)} MiB`],
    ['target', `status change p99 < ${r.targetMs} ms: ${passed(r) ? 'PASS' : 'FAIL'}`],
  ];
}

/** This bench's part of bench/RESULTS.md, between its own markers; the history keeps the last 30 runs. */
const SECTION = { name: 'bench:outlet', start: '<!-- bench:outlet:start -->', end: '<!-- bench:outlet:end -->', keep: 30 } as const;

const METHOD = [
  'What is measured: `npm run bench:outlet` builds the apps and serves `dist/` from a bare static server (no API, no',
  "sync socket: the tablet is offline, so only the device's own work counts). Headless Chromium opens the outlet app",
  "once, then the bench writes a signed-in session and a day's orders straight into the app's IndexedDB: each order a",
  'real Yjs document built with `shared/` (stored as its update row), the outlet inbox listing them all, the outlet',
  "document, and the query rows derived with the app's own projection. All orders are from today, so the board holds",
  'every one (open orders as cards in their columns, done ones counted in "Done today"). Open time is read in the page:',
  'a MutationObserver installed before the app notes when the board first reports every order. A status change',
  'clicks "Mark preparing" on an accepted order and times, in the page, until the card is in the DOM with its new',
  'status, and until the next animation frame; the path is the real one: command → Yjs event → IndexedDB write → query',
  'row → live query → React. Clicks run one at a time, 100 ms apart, once the device is idle (every held order',
  'document loaded; "idle" = 1 s without a 20 ms timer running late). Open runs are reloads of the same tab.',
].join('\n');

export function renderSection(r: OutletBenchResult, history: readonly string[]): string {
  const m = r.machine;
  return [
    SECTION.start,
    `## ${SECTION.name}: outlet board with ${r.orders.toLocaleString('en')} orders`,
    '',
    `Last run ${r.date.toISOString()} on ${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}, ${r.chromium}; commit \`${r.commit}\`.`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...summaryRows(r).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    METHOD,
    '',
    '### History',
    '',
    ...[historyLine(r), ...history].slice(0, SECTION.keep),
    SECTION.end,
  ].join('\n');
}

function historyLine(r: OutletBenchResult): string {
  const when = r.date.toISOString().slice(0, 16).replace('T', ' ');
  return `- ${when} UTC, ${r.commit}: ${r.orders} orders → open p50 ${r.open.p50.toFixed(0)} ms, status change p50 ${r.clickFrame.p50.toFixed(1)} ms / p99 ${r.clickFrame.p99.toFixed(1)} ms, ${r.machine.cores}× ${r.machine.cpu} — ${passed(r) ? 'PASS' : 'FAIL'}`;
}

/** Replaces this bench's section of bench/RESULTS.md (or appends it), leaving every other section as it is. */
export function writeResults(file: string, r: OutletBenchResult): void {
  writeSection(file, SECTION.start, SECTION.end, (history) => renderSection(r, history));
}
