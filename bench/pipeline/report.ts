import { machineLine } from '../sync/report';
import { writeSection } from '../sync/resultsFile';
import { markdown, type Table } from '../cluster/table';
import type { PipelineResult } from './pipeline';

const NAME = 'bench:pipeline';
const START = `<!-- ${NAME}:start -->`;
const END = `<!-- ${NAME}:end -->`;
const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const pct = (v: number): string => `${v.toFixed(0)} %`;

function setup(r: PipelineResult): string {
  const o = r.options;
  const history = o.history > 0 ? `; ${o.history.toLocaleString('en')} past orders` : '; empty database';
  return `${o.nodes} node(s), ${o.storage}; ${o.drivers} drivers × capacity ${o.capacity}; ${o.tablets} tablets${history}`;
}

/** CPU time all nodes spent per order completed in the window: what a rate costs in cores. */
export function cpuPerOrder(r: PipelineResult): string {
  const cpu = r.usage.nodes.reduce((sum, n) => sum + n.cpuPercent, 0);
  return r.accounting.deliveredPerS > 0 ? `${((cpu * 10) / r.accounting.deliveredPerS).toFixed(0)} ms` : '–';
}

/** One step as (metric, value) rows, for the console and the results file. */
export function stepRows(r: PipelineResult): [string, string][] {
  const a = r.accounting;
  const u = r.usage;
  const stuckAt = Object.entries(a.stuckAt)
    .map(([stage, n]) => `${n} after ${stage}`)
    .join(', ');
  const errors = Object.entries(a.errors)
    .map(([stage, e]) => `${stage}: ${e.count} (first: ${e.first ?? ''})`)
    .join('; ');
  return [
    ['setup', setup(r)],
    ['offered rate / completed rate', `${r.options.rate} / ${a.deliveredPerS.toFixed(1)} orders/s`],
    ['window orders: sent / delivered / stuck', `${a.offered} / ${a.completed} / ${a.stuck}${stuckAt ? ` (${stuckAt})` : ''}`],
    ...r.spans.map(({ name, d }): [string, string] => [`${name} p50 / p99 / max`, `${ms(d.p50)} / ${ms(d.p99)} / ${ms(d.max)}`]),
    ...u.nodes.map((n, i): [string, string] => [
      `node ${i + 1} CPU / RSS mean / RSS max`,
      `${pct(n.cpuPercent)} / ${mib(n.rssMeanBytes)} / ${mib(n.rssMaxBytes)}`,
    ]),
    ['server CPU per completed order (all nodes)', cpuPerOrder(r)],
    ['PostgreSQL backends CPU', u.postgresCpuPercent === null ? 'n/a (SQLite)' : pct(u.postgresCpuPercent)],
    [
      'PostgreSQL commits/s (per completed order)',
      u.postgresCommitsPerS === null
        ? 'n/a (SQLite)'
        : `${u.postgresCommitsPerS.toFixed(0)} (${a.deliveredPerS > 0 ? (u.postgresCommitsPerS / a.deliveredPerS).toFixed(0) : '–'})`,
    ],
    ['bench CPU / loop delay p99 / send lateness p99', `${pct(u.benchCpuPercent)} / ${ms(u.benchLoopDelayP99Ms)} / ${ms(r.sendLateP99Ms)}`],
    ['other processes CPU / load avg at start', `${pct(u.otherCpuPercent)} / ${u.loadAvgAtStart.toFixed(1)}`],
    ['offers seen again after taken', String(a.duplicateOffers)],
    ['errors', errors || 'none'],
    ['crashed nodes', r.crashed.length === 0 ? 'none' : r.crashed.join(' | ')],
    ['sustained', r.sustained ? 'yes' : 'no'],
  ];
}

export function consoleTable(r: PipelineResult): string {
  const rows = stepRows(r);
  const width = Math.max(...rows.map(([k]) => k.length));
  return [`${NAME} ${r.options.rate} orders/s`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}

/** The highest rate that was sustained, or null. */
export function sustainedRate(steps: readonly PipelineResult[]): number | null {
  const ok = steps.filter((s) => s.sustained).map((s) => s.options.rate);
  return ok.length > 0 ? Math.max(...ok) : null;
}

/** One row per rate tried on a setup: what was completed, how fast, and at what cost in CPU. */
export function stepTable(steps: readonly PipelineResult[]): Table {
  return {
    header: [
      'rate offered',
      'completed/s',
      'sent / delivered / stuck',
      'e2e p50 / p99',
      'placed→accepted p99',
      'accepted→offered p99',
      'offered→driver accepted p99',
      'node CPU',
      'PG CPU',
      'other CPU',
      'sustained',
    ],
    rows: steps.map((s) => {
      const a = s.accounting;
      const span = (i: number): string => ms(s.spans[i]?.d.p99 ?? Number.NaN);
      const e2e = s.spans.at(-1)?.d;
      return [
        `${s.options.rate}/s`,
        a.deliveredPerS.toFixed(1),
        `${a.offered} / ${a.completed} / ${a.stuck}`,
        `${ms(e2e?.p50 ?? Number.NaN)} / ${ms(e2e?.p99 ?? Number.NaN)}`,
        span(1),
        span(2),
        span(3),
        s.usage.nodes.map((n) => pct(n.cpuPercent)).join(' + '),
        s.usage.postgresCpuPercent === null ? 'n/a' : pct(s.usage.postgresCpuPercent),
        pct(s.usage.otherCpuPercent),
        s.sustained ? 'yes' : 'no',
      ];
    }),
  };
}

/** A series of steps on the same setup, rendered as a table plus the detail of the highest sustained step (or the first). */
export interface Series {
  readonly steps: readonly PipelineResult[];
}

/** The series stops at the first rate it cannot keep; when every rate tried was kept, the ceiling is above the last. */
export function bestText(steps: readonly PipelineResult[], best: number | null): string {
  if (best === null) return 'none of the rates tried';
  return steps.every((s) => s.sustained) ? `≥ ${best} orders/s (every rate tried)` : `${best} orders/s`;
}

function seriesBlock(series: Series): string[] {
  const first = series.steps[0];
  if (!first) return [];
  const best = sustainedRate(series.steps);
  const detail = series.steps.find((s) => s.options.rate === best) ?? first;
  return [
    `### ${first.options.nodes} node(s), ${first.options.storage}: sustained ${bestText(series.steps, best)}`,
    '',
    `${setup(first)}; ${first.options.warmupS} s warm-up + ${first.options.durationS} s measured per rate, ${first.options.drainS} s to finish; sustained = 0 stuck, completed ≥ 95 % of offered, sent → delivered p99 ≤ ${first.options.targetP99Ms} ms. Run ${first.date.toISOString()}, commit \`${first.commit}\`.`,
    '',
    markdown(stepTable(series.steps)),
    '',
    `Detail at ${detail.options.rate} orders/s:`,
    '',
    '| metric | value |',
    '| --- | --- |',
    ...stepRows(detail).map(([k, v]) => `| ${k} | ${v.replaceAll('|', '\\|')} |`),
    '',
  ];
}

const METHOD = [
  'What is measured: `npm run bench:pipeline` starts fresh server processes (the bundle `npm start` runs, `dist-server/main.mjs`) sharing',
  'a new PostgreSQL database and a Redis prefix (dropped after), adds drivers through `POST /delivery` (each signs in, reports a',
  'measured position near the outlet over `POST /api/driver/locations`, goes on shift, and keeps the driver app socket open on its',
  'inbox), connects the outlet tablets (demo outlet account, the outlet inbox), and places cash delivery orders to Residency Rd',
  'open-loop over `POST /api/orders` at a steady rate, round-robin over the nodes. A tablet accepts each new order and marks it',
  'ready over its socket; dispatch offers it; the driver accepts over HTTP, opens the order, appends `picked_up` and `delivered`',
  '(no proof is required by the rules). Latencies are performance.now() in the bench process between the step answers (HTTP',
  "response, ACK, the offer's arrival in the driver inbox). Stuck: an order sent in the window and not delivered when the drain",
  'ended. Drivers are many with spare capacity so the driver pool is not the limit; the kitchen and the road take no time.',
  '',
  'Caveat: the bench (every device and HTTP client) runs in one Node process on the same cores as the servers and PostgreSQL;',
  'the "other CPU" column is everything else on the machine during the window (other people\'s work on a shared box).',
].join('\n');

export function renderSection(series: readonly Series[], history: readonly string[]): string {
  const first = series[0]?.steps[0];
  const line = first
    ? `- ${first.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${first.commit}: ${series
        .map((s) => {
          const f = s.steps[0];
          const best = sustainedRate(s.steps);
          return f ? `${f.options.nodes} node(s) ${f.options.storage}: ${best === null ? 'none' : `${best}/s`} sustained` : '';
        })
        .join('; ')}, other CPU ${first.usage.otherCpuPercent.toFixed(0)} %, ${first.machine.cores}× ${first.machine.cpu}`
    : '';
  return [
    START,
    `## ${NAME}: orders through the whole pipeline`,
    '',
    first ? `Last run ${first.date.toISOString()} on ${machineLine(first)}; commit \`${first.commit}\`.` : '',
    '',
    ...series.flatMap(seriesBlock),
    METHOD,
    '',
    '### History',
    '',
    ...[line, ...history].slice(0, 30),
    END,
  ].join('\n');
}

export function writeResults(file: string, series: readonly Series[]): void {
  writeSection(file, START, END, (history) => renderSection(series, history));
}
