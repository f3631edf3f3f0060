import type { Machine } from '../report';
import type { Level, RunResult } from './measure';
import type { CompareOptions } from './options';

/**
 * One server's runs under one load, and what the comparison reads of them: the median of each measure (one
 * run's p99 or CPU moved by a third from run to run on this machine), and what any run lost.
 */
export interface ServerRuns {
  readonly runs: readonly RunResult[];
  readonly p99: number;
  readonly cpuSeconds: number;
  readonly rssMax: number;
  readonly lost: number;
}

/** Both servers under one load. */
export interface LevelResult {
  readonly level: Level;
  readonly dabba: ServerRuns;
  readonly stock: ServerRuns;
}

export interface Comparison {
  readonly date: Date;
  readonly machine: Machine;
  readonly commit: string;
  readonly options: CompareOptions;
  readonly levels: readonly LevelResult[];
}

/** The goal: Dabba within these multiples of the stock server, nothing lost, and an absolute p99 at the top load. */
export const GOAL = { p99Ratio: 1.5, cpuRatio: 1.5, rssRatio: 2, topP99Ms: 50, topDevices: 10_000, topRate: 500 } as const;

const ms = (v: number): string => `${v.toFixed(1)} ms`;
const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
const x = (v: number): string => `${v.toFixed(2)}×`;

export const lostOf = (r: RunResult): number => r.accounting.lost + r.missingInState + r.accounting.refused;

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export function summarize(runs: readonly RunResult[]): ServerRuns {
  if (runs.length === 0) throw new Error('a server with no runs has nothing to compare');
  return {
    runs,
    p99: median(runs.map((r) => r.fanout.p99)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    rssMax: median(runs.map((r) => r.rssMax)),
    lost: runs.reduce((n, r) => n + lostOf(r), 0),
  };
}

export interface Ratios {
  readonly p99: number;
  readonly cpu: number;
  readonly rss: number;
}

export const ratiosOf = (l: LevelResult): Ratios => ({
  p99: ratio(l.dabba.p99, l.stock.p99),
  cpu: ratio(l.dabba.cpuSeconds, l.stock.cpuSeconds),
  rss: ratio(l.dabba.rssMax, l.stock.rssMax),
});

/** What of the goal a level misses; empty when it meets it. */
export function misses(l: LevelResult): string[] {
  const r = ratiosOf(l);
  const out: string[] = [];
  if (r.p99 > GOAL.p99Ratio) out.push(`p99 ${x(r.p99)} > ${GOAL.p99Ratio}×`);
  if (r.cpu > GOAL.cpuRatio) out.push(`CPU ${x(r.cpu)} > ${GOAL.cpuRatio}×`);
  if (r.rss > GOAL.rssRatio) out.push(`RSS ${x(r.rss)} > ${GOAL.rssRatio}×`);
  if (l.dabba.lost > 0 || l.stock.lost > 0) out.push(`lost ${l.dabba.lost} / ${l.stock.lost}`);
  const top = l.level.devices >= GOAL.topDevices && l.level.rate >= GOAL.topRate;
  if (top && l.dabba.p99 >= GOAL.topP99Ms) out.push(`p99 ${ms(l.dabba.p99)} ≥ ${GOAL.topP99Ms} ms`);
  return out;
}

const side = (r: ServerRuns): string => `${ms(r.p99)} / ${r.cpuSeconds.toFixed(2)} s / ${mib(r.rssMax)}`;

/** One table row per level: both servers, the ratios, what was lost, and the verdict. */
export function comparisonRows(c: Comparison): string[][] {
  return c.levels.map((l) => {
    const r = ratiosOf(l);
    const miss = misses(l);
    return [
      `${l.level.devices.toLocaleString('en')} devices, ${l.level.rate} upd/s`,
      side(l.dabba),
      side(l.stock),
      `${x(r.p99)}, ${x(r.cpu)}, ${x(r.rss)}`,
      `${l.dabba.lost} / ${l.stock.lost}`,
      miss.length === 0 ? 'PASS' : `FAIL (${miss.join('; ')})`,
    ];
  });
}

export const COMPARISON_HEADER = [
  'load',
  'Dabba p99 / CPU / RSS',
  'stock p99 / CPU / RSS',
  'ratio p99, CPU, RSS',
  'lost Dabba / stock',
  'goal',
];

/** Every run, and the generator's own share of its latencies: how late it sent and how long its loop stalled. */
export function generatorRows(c: Comparison): string[][] {
  return c.levels.flatMap((l) =>
    [l.stock, l.dabba]
      .flatMap((server) => server.runs.map((r, i) => [r, i] as const))
      .map(([r, i]) => [
        `${l.level.devices.toLocaleString('en')} / ${r.target} #${i + 1}`,
        `${ms(r.fanout.p50)} / ${ms(r.fanout.p99)} / ${ms(r.fanout.p999)} / ${ms(r.fanout.max)}`,
        `${r.fanout.count}`,
        `${r.cpuSeconds.toFixed(2)} s (${r.cpuPercent.toFixed(0)} %)`,
        `${mib(r.rssIdle)} → ${mib(r.rssMax)}`,
        `${ms(r.lateMs.p99)} / ${ms(r.benchLoopP99Ms)} / ${ms(r.benchLoopMaxMs)} / ${r.benchCpuPercent.toFixed(0)} %`,
        `${r.otherCpuPercent.toFixed(0)} %`,
        `${(r.setupMs.server / 1000).toFixed(1)} s / ${(r.setupMs.connect / 1000).toFixed(1)} s`,
      ]),
  );
}

export const GENERATOR_HEADER = [
  'devices / server / run',
  'fan-out p50 / p99 / p99.9 / max',
  'samples',
  'server CPU',
  'server RSS idle → max',
  'generator: late p99 / loop p99 / loop max / CPU',
  'other CPU',
  'setup: docs / connect',
];

export const passedAll = (c: Comparison): boolean => c.levels.every((l) => misses(l).length === 0);

/** A markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const cell = (v: string): string => v.replaceAll('|', '\\|');
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/** One line for the history list. */
export function historyLine(c: Comparison): string {
  const levels = c.levels
    .map((l) => {
      const r = ratiosOf(l);
      return `${l.level.devices}@${l.level.rate}/s p99 ${ms(l.dabba.p99)} vs ${ms(l.stock.p99)} (${x(r.p99)}), CPU ${x(r.cpu)}, RSS ${x(r.rss)}`;
    })
    .join('; ');
  const runs = c.options.repeat > 1 ? ` (medians of ${c.options.repeat} runs)` : '';
  return `- ${c.date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${c.commit}${runs}: ${levels} — ${passedAll(c) ? 'PASS' : 'FAIL'}`;
}
