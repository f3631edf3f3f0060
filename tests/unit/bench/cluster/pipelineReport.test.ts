import { describe, expect, it } from 'vitest';
import { specName, type ClusterSpec } from '../../../../bench/cluster/cluster';
import { parseOptions } from '../../../../bench/cluster/options';
import type { PipelineSetup } from '../../../../bench/cluster/pipelinePart';
import { goalLine, pipelineHistoryLine, pipelineSummary } from '../../../../bench/cluster/pipelineReport';
import type { PipelineResult } from '../../../../bench/pipeline/pipeline';
import { step } from './pipelineSteps';

const SQLITE: ClusterSpec = { storage: 'sqlite', nodes: 1 };
const PG1: ClusterSpec = { storage: 'postgres', nodes: 1 };
const PG3: ClusterSpec = { storage: 'postgres', nodes: 3 };

const setup = (spec: ClusterSpec, steps: PipelineResult[]): PipelineSetup => ({ name: specName(spec), spec, steps });

/** The summary row of a single setup, by column name. */
function row(s: PipelineSetup): Record<string, string> {
  const table = pipelineSummary([s]);
  return Object.fromEntries(table.header.map((h, i) => [h, table.rows[0]?.[i] ?? '']));
}

describe('bench:cluster pipeline summary', () => {
  it('says the ceiling is above the last rate when every rate tried was sustained', () => {
    const s = setup(SQLITE, [
      step({ storage: 'sqlite', rate: 8, sustained: true }),
      step({ storage: 'sqlite', rate: 16, sustained: true, completedPerS: 15.9, e2e: [90, 240], nodeCpu: [60] }),
    ]);
    expect(row(s)).toMatchObject({
      setup: 'SQLite, 1 node',
      'highest sustained rate': '≥ 16 orders/s (every rate tried)',
      'completed/s': '15.9',
      'sent → delivered p50 / p99': '90 ms / 240 ms',
      'server CPU per completed order': '38 ms',
      'node CPU, % of one core': '60 %',
      'PostgreSQL CPU': 'n/a (SQLite)',
    });
  });

  it('reports the highest sustained rate and its figures, not those of the rate that failed', () => {
    const s = setup(PG3, [
      step({ nodes: 3, rate: 8, sustained: true, e2e: [168, 932], nodeCpu: [45, 21, 20], pgCpu: 55 }),
      step({ nodes: 3, rate: 16, sustained: false, completedPerS: 1.6, e2e: [15680, 19451] }),
    ]);
    expect(row(s)).toMatchObject({
      'highest sustained rate': '8 orders/s',
      'completed/s': '8.0',
      'sent → delivered p50 / p99': '168 ms / 932 ms',
      'node CPU, % of one core': '45 % · 21 % · 20 % (Σ 86 %)',
      'PostgreSQL CPU': '55 %',
    });
  });

  it('says none of the rates tried were sustained, and shows no figures, when the first one failed', () => {
    const s = setup(PG1, [step({ rate: 8, sustained: false, completedPerS: 3 })]);
    expect(Object.values(row(s))).toEqual(['PostgreSQL + Redis, 1 node', 'none of the rates tried', '—', '—', '—', '—', '—']);
  });
});

describe('bench:cluster pipeline against the goal', () => {
  it('judges only the one-node setups against 100 orders/s', () => {
    const line = goalLine([
      setup(SQLITE, [step({ storage: 'sqlite', rate: 80, sustained: true }), step({ storage: 'sqlite', rate: 100, sustained: true })]),
      setup(PG1, [step({ rate: 8, sustained: true }), step({ rate: 16, sustained: false })]),
      setup(PG3, [step({ nodes: 3, rate: 8, sustained: false })]),
    ]);
    expect(line).toBe(
      '1 node vs goal (≥ 100 orders/s on one node): SQLite, 1 node ≥ 100 orders/s (every rate tried) — met; ' +
        'PostgreSQL + Redis, 1 node 8 orders/s — not met',
    );
  });

  it('does not call the goal missed when every rate was kept and none reached it', () => {
    expect(goalLine([setup(PG1, [step({ rate: 8, sustained: true })])])).toMatch(/≥ 8 orders\/s \(every rate tried\) — not shown/);
  });

  it('says so when no one-node setup was run', () => {
    expect(goalLine([setup(PG3, [step({ nodes: 3, rate: 8, sustained: true })])])).toMatch(/no one-node setup was run/);
  });
});

describe('bench:cluster pipeline history line', () => {
  it('gives each setup its highest sustained rate with its p99 and CPU per order', () => {
    const o = parseOptions(['--pipeline-rates', '8,16', '--pipeline-history', '500'], {});
    if (!o) throw new Error('options expected');
    const line = pipelineHistoryLine(new Date('2026-12-06T10:00:00Z'), 'abc1234', o, [
      setup(PG1, [step({ rate: 8, sustained: true, e2e: [100, 241], nodeCpu: [40] }), step({ rate: 16, sustained: false })]),
      setup(PG3, [step({ nodes: 3, rate: 8, sustained: false, otherCpu: 30 })]),
    ]);
    expect(line).toBe(
      '- 2026-12-06 10:00 UTC, abc1234: rates 8,16, 500 past orders → PostgreSQL + Redis, 1 node: 8 orders/s, ' +
        'p99 241 ms, 50 ms CPU/order; PostgreSQL + Redis, 3 nodes: none sustained; other processes up to 30 %',
    );
  });
});
