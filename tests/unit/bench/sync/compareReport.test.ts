import { describe, expect, it } from 'vitest';
import { comparisonRows, median, misses, summarize, type LevelResult } from '../../../../bench/sync/compare/compareReport';
import type { RunResult } from '../../../../bench/sync/compare/measure';
import { parseOptions } from '../../../../bench/sync/compare/options';
import type { Machine } from '../../../../bench/sync/report';
import type { Distribution } from '../../../../bench/sync/tracker';

function parsed(argv: readonly string[]) {
  const o = parseOptions(argv);
  if (o === 'help') throw new Error('asked for help');
  return o;
}

const MIB = 2 ** 20;
const spread = (p99: number): Distribution => ({
  count: 1000,
  mean: p99 / 4,
  p50: p99 / 5,
  p90: p99 / 2,
  p99,
  p999: p99 * 1.5,
  max: p99 * 2,
});

/** A run with these measures; `lost` updates missing at a device. */
function run(target: 'dabba' | 'stock', p99: number, cpuSeconds: number, rssMiB: number, lost = 0): RunResult {
  return {
    target,
    fanout: spread(p99),
    perSecondP99: [p99],
    cpuSeconds,
    cpuPercent: cpuSeconds * 10,
    rssIdle: 50 * MIB,
    rssMax: rssMiB * MIB,
    accounting: {
      sent: 2000,
      deliveriesExpected: 6000,
      deliveriesMissing: lost,
      lost,
      refused: 0,
      duplicates: 0,
      closedSockets: new Map(),
    },
    missingInState: 0,
    lateMs: spread(1),
    benchLoopP99Ms: 1,
    benchLoopMaxMs: 2,
    benchCpuPercent: 20,
    otherCpuPercent: 0,
    setupMs: { server: 1000, connect: 1000 },
  };
}

const MACHINE: Machine = { cpu: 'test', cores: 2, ramGiB: 24, node: 'v20', os: 'linux', loadAvg: 0 };
const OPTIONS = parsed(['--repeat', '3']);

const level = (dabba: readonly RunResult[], stock: readonly RunResult[]): LevelResult => ({
  level: { devices: 1000, rate: 200 },
  dabba: summarize(dabba),
  stock: summarize(stock),
});

describe('the bench:sync comparison of repeated runs', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('compares the median of each measure, so one outlying run moves no ratio', () => {
    const l = level(
      [run('dabba', 4, 1.2, 200), run('dabba', 40, 2.4, 210), run('dabba', 5, 1.3, 190)],
      [run('stock', 4, 1.0, 100), run('stock', 5, 0.9, 110), run('stock', 3, 1.1, 105)],
    );
    expect(l.dabba.p99).toBe(5);
    expect(l.dabba.cpuSeconds).toBe(1.3);
    expect(misses(l)).toEqual([]);
    expect(comparisonRows({ date: new Date(0), machine: MACHINE, commit: 'abc', options: OPTIONS, levels: [l] })[0]?.at(-1)).toBe('PASS');
  });

  it('counts what any run lost against the goal', () => {
    const l = level([run('dabba', 4, 1.2, 200), run('dabba', 4, 1.2, 200, 2), run('dabba', 4, 1.2, 200)], [run('stock', 4, 1.0, 100)]);
    expect(l.dabba.lost).toBe(2);
    expect(misses(l)).toEqual(['lost 2 / 0']);
  });
});
