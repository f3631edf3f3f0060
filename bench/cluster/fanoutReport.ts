import type { Distribution } from '../sync/tracker';
import { lostUpdates, type SetupResult } from './fanoutPart';
import type { ClusterOptions } from './options';
import type { Table } from './table';

const ms = (v: number): string => `${v.toFixed(1)} ms`;
const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)}`;
const pct = (v: number): string => `${v.toFixed(0)} %`;
const s = (v: number): string => `${(v / 1000).toFixed(1)} s`;

function p50p99(d: Distribution): string {
  return d.count === 0 ? '—' : `${ms(d.p50)} / ${ms(d.p99)}`;
}

/** Each node's value, then their sum when there are several. */
export function perNode(values: readonly number[], show: (v: number) => string): string {
  const each = values.map(show).join(' · ');
  return values.length > 1 ? `${each} (Σ ${show(values.reduce((a, b) => a + b, 0))})` : each;
}

/** One line saying what load every setup ran. */
export function loadLine(o: ClusterOptions): string {
  return (
    `${o.devices} devices spread round-robin over the nodes, ${o.docs} order documents, ${o.subsPerDoc} subscribers each, ` +
    `${o.rate} updates/s; ${o.warmupS} s warm-up, ${o.durationS} s measured, ${o.drainS} s drain limit`
  );
}

/** The fan-out results, one column per setup. */
export function fanoutTable(results: readonly SetupResult[]): Table {
  const row = (label: string, cell: (r: SetupResult) => string): string[] => [label, ...results.map(cell)];
  return {
    header: ['metric', ...results.map((r) => r.name)],
    rows: [
      row('fan-out p50 / p99, all deliveries', (r) => p50p99(r.fanout)),
      row('↳ same node as the writer', (r) => `${p50p99(r.sameNode)} (${r.sameNode.count})`),
      row('↳ another node (through Redis)', (r) => (r.crossNode.count === 0 ? '—' : `${p50p99(r.crossNode)} (${r.crossNode.count})`)),
      row('fan-out p99.9 / max', (r) => `${ms(r.fanout.p999)} / ${ms(r.fanout.max)}`),
      row('ACK p50 / p99', (r) => p50p99(r.ack)),
      row('node commit time, mean (its /metrics)', (r) => (r.commits ? r.commits.map((c) => ms(c.meanMs)).join(' · ') : '—')),
      row('updates sent / ACKed / rejected', (r) => `${r.accounting.sent} / ${r.accounting.acked} / ${r.accounting.rejected}`),
      row('backlog after the last update: drained in', (r) => `${s(r.drain.ms)}${r.drain.complete ? '' : ' (limit reached)'}`),
      row('deliveries missing', (r) => `${r.accounting.deliveriesMissing} of ${r.accounting.deliveriesExpected}`),
      row('ACKed but absent, fresh socket per node', (r) => r.states.map((x) => String(x.missing)).join(' · ')),
      row('lost updates (must be 0)', (r) => String(lostUpdates(r))),
      row('node CPU, % of one core', (r) =>
        perNode(
          r.nodes.map((n) => n.cpuPercent),
          pct,
        ),
      ),
      row('node main thread waiting for a core', (r) => r.nodes.map((n) => pct(n.waitPercent)).join(' · ')),
      row('node RSS mean / max, MiB', (r) => r.nodes.map((n) => `${mib(n.rssMean)}/${mib(n.rssMax)}`).join(' · ')),
      row('node RSS before devices, MiB', (r) => r.nodes.map((n) => mib(n.rssIdle)).join(' · ')),
      row('PostgreSQL backends CPU', (r) => (r.postgres ? `${pct(r.postgres.percent)} (${r.postgres.backends} backends)` : '—')),
      row('PostgreSQL transactions / rolled back', (r) => (r.postgres ? `${r.postgres.commits} / ${r.postgres.rollbacks}` : '—')),
      row('Redis CPU (shared server)', (r) => (r.redisCpuPercent === null ? '—' : pct(r.redisCpuPercent))),
      row(
        'bench process CPU / loop delay p99 / waiting',
        (r) => `${pct(r.bench.cpuPercent)} / ${ms(r.bench.loopDelayP99Ms)} / ${pct(r.bench.waitPercent)}`,
      ),
      row('schedule lateness p99', (r) => ms(r.load.lateMs.p99)),
      row('other processes CPU / load avg at start', (r) => `${pct(r.otherCpuPercent)} / ${r.loadAvg.toFixed(1)}`),
      row('sockets closed during run', (r) => [...r.accounting.closedSockets].map(([code, n]) => `${n}× ${code}`).join(', ') || 'none'),
      row('setup: orders / connect / subscribe', (r) => `${s(r.setupMs.orders)} / ${s(r.setupMs.connect)} / ${s(r.setupMs.subscribe)}`),
    ],
  };
}

/** One line for the history list in RESULTS.md. */
export function fanoutHistoryLine(date: Date, commit: string, o: ClusterOptions, results: readonly SetupResult[]): string {
  const each = results
    .map(
      (r) =>
        `${r.name}: p50 ${ms(r.fanout.p50)}, p99 ${ms(r.fanout.p99)}, lost ${lostUpdates(r)}, ` +
        `CPU ${perNode(
          r.nodes.map((n) => n.cpuPercent),
          pct,
        )}`,
    )
    .join('; ');
  const other = Math.max(...results.map((r) => r.otherCpuPercent));
  return `- ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${commit}: ${o.devices} dev / ${o.rate}/s → ${each}; other processes up to ${pct(other)}`;
}
