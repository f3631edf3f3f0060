import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { LoadResult } from './load';
import type { BenchOptions } from './options';
import type { Accounting, Distribution } from './tracker';
import type { StateCheck } from './verify';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
  /** 1-minute load average when the run started: other work on the machine skews every number. */
  readonly loadAvg: number;
}

export interface BenchResult {
  readonly date: Date;
  readonly machine: Machine;
  readonly commit: string;
  readonly options: BenchOptions;
  readonly setupMs: { readonly orders: number; readonly connect: number; readonly subscribe: number };
  readonly load: LoadResult;
  readonly fanout: Distribution;
  /** Fan-out p99 of each second of the measured window. */
  readonly fanoutPerSecondP99: readonly number[];
  readonly ack: Distribution;
  readonly accounting: Accounting;
  readonly state: StateCheck;
  /** Server process over the measured window: CPU as % of one core, RSS in bytes. */
  readonly server: {
    readonly cpuPercent: number;
    /** % of the window its main thread was ready to run but waited for a core (other work on the machine). */
    readonly waitPercent: number;
    /** RSS right after start, before any device connected. */
    readonly rssIdle: number;
    readonly rssMean: number;
    readonly rssMax: number;
    readonly rssPeakLifetime: number;
  };
  /** This process (all devices): CPU as % of one core and the event loop's p99 delay, which adds to every latency. */
  readonly bench: { readonly cpuPercent: number; readonly loopDelayP99Ms: number; readonly waitPercent: number };
  /** Everything else on the machine over the measured window (% of one core): noise in every number. */
  readonly otherCpuPercent: number;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAvg: os.loadavg()[0] ?? 0,
  };
}

export function gitCommit(cwd: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function passed(r: BenchResult): boolean {
  return r.fanout.count > 0 && r.fanout.p99 < r.options.targetP99Ms && r.accounting.lost === 0 && r.state.missing === 0;
}

const ms = (v: number): string => `${v.toFixed(2)} ms`;
const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const pct = (v: number): string => `${v.toFixed(0)} %`;

function perSecond(r: BenchResult): string {
  const sorted = [...r.fanoutPerSecondP99].sort((a, b) => a - b);
  const over = sorted.filter((v) => v >= r.options.targetP99Ms).length;
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${ms(median)} / ${ms(sorted.at(-1) ?? 0)} (${over} of ${sorted.length} s at or over ${r.options.targetP99Ms} ms)`;
}

/** The summary as (metric, value) rows, shared by the console table and RESULTS.md. */
export function summaryRows(r: BenchResult): [string, string][] {
  const o = r.options;
  const a = r.accounting;
  const closed = [...a.closedSockets].map(([code, n]) => `${n}× ${code}`).join(', ') || 'none';
  return [
    ['load', `${o.devices} devices, ${o.docs} order docs, ${o.subsPerDoc} subscribers/doc, ${o.rate} updates/s`],
    ['window', `${o.warmupS} s warm-up + ${(r.load.measuredMs / 1000).toFixed(1)} s measured, ${o.drainS} s drain limit`],
    ['fan-out p50 / p90', `${ms(r.fanout.p50)} / ${ms(r.fanout.p90)}`],
    ['fan-out p99 / p99.9 / max', `${ms(r.fanout.p99)} / ${ms(r.fanout.p999)} / ${ms(r.fanout.max)}`],
    ['fan-out samples', String(r.fanout.count)],
    ['per-second p99: median / worst', perSecond(r)],
    ['ACK p50 / p99', `${ms(r.ack.p50)} / ${ms(r.ack.p99)}`],
    ['updates sent / ACKed', `${a.sent} / ${a.acked}`],
    ['rejected / unanswered', `${a.rejected} / ${a.unanswered}${a.firstRejection ? ` (first: ${a.firstRejection})` : ''}`],
    ['deliveries missing', `${a.deliveriesMissing} of ${a.deliveriesExpected}`],
    ['lost updates', String(a.lost)],
    ['ACKed but absent from server state', `${r.state.missing} (${r.state.docsChecked} docs checked)`],
    ['server CPU (measured window)', `${pct(r.server.cpuPercent)} of one core`],
    ['server RSS idle / window mean / window max', `${mib(r.server.rssIdle)} / ${mib(r.server.rssMean)} / ${mib(r.server.rssMax)}`],
    ['server peak RSS (lifetime)', mib(r.server.rssPeakLifetime)],
    ['bench process CPU / loop delay p99', `${pct(r.bench.cpuPercent)} / ${ms(r.bench.loopDelayP99Ms)}`],
    ['schedule lateness p99 / max', `${ms(r.load.lateMs.p99)} / ${ms(r.load.lateMs.max)}`],
    ['sockets closed during run', closed],
    ['server / bench waiting for a core (window)', `${pct(r.server.waitPercent)} / ${pct(r.bench.waitPercent)}`],
    ['other processes CPU (window) / load avg at start', `${pct(r.otherCpuPercent)} / ${r.machine.loadAvg.toFixed(2)}`],
    [
      'setup: orders / connect / subscribe',
      `${(r.setupMs.orders / 1000).toFixed(1)} s / ${(r.setupMs.connect / 1000).toFixed(1)} s / ${(r.setupMs.subscribe / 1000).toFixed(1)} s`,
    ],
    ['target', `p99 < ${o.targetP99Ms} ms, 0 lost: ${passed(r) ? 'PASS' : 'FAIL'}`],
  ];
}

export function machineLine(r: { readonly machine: Machine }): string {
  const m = r.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(1)} GiB RAM, Node ${m.node}, ${m.os}`;
}

/** The summary for the terminal: an aligned two-column table. */
export function consoleTable(r: BenchResult): string {
  const rows = summaryRows(r);
  const width = Math.max(...rows.map(([k]) => k.length));
  const rule = '─'.repeat(width + 2 + Math.max(...rows.map(([, v]) => v.length)));
  return [
    `bench:mux  ${r.date.toISOString()}  commit ${r.commit}`,
    machineLine(r),
    rule,
    ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`),
    rule,
  ].join('\n');
}

/** One line for the history list in RESULTS.md. */
export function historyLine(r: BenchResult): string {
  const o = r.options;
  return (
    `- ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${r.commit}: ${o.devices} dev / ${o.docs} docs / ${o.subsPerDoc} subs / ${o.rate}/s / ${o.durationS} s → ` +
    `p50 ${ms(r.fanout.p50)}, p99 ${ms(r.fanout.p99)}, lost ${r.accounting.lost}, server CPU ${pct(r.server.cpuPercent)}, RSS ${mib(r.server.rssMax)}, ` +
    `other processes ${pct(r.otherCpuPercent)}, ${r.machine.cores}× ${r.machine.cpu} — ${passed(r) ? 'PASS' : 'FAIL'}`
  );
}
