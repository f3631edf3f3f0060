import type { PipelineResult } from '../../../../bench/pipeline/pipeline';
import { DEFAULTS, type PipelineOptions } from '../../../../bench/pipeline/options';
import { SPANS } from '../../../../bench/pipeline/tracker';

/** What a hand-made step varies: the setup and rate, what came out, and what it cost. */
export interface StepShape {
  readonly nodes?: number;
  readonly storage?: PipelineOptions['storage'];
  readonly rate: number;
  readonly completedPerS?: number;
  readonly sustained: boolean;
  /** Order sent → delivered p50 and p99, ms. */
  readonly e2e?: readonly [number, number];
  readonly nodeCpu?: readonly number[];
  readonly pgCpu?: number | null;
  readonly otherCpu?: number;
}

/** A PipelineResult as runPipeline returns it, made by hand: the spans all share the e2e figures. */
export function step(shape: StepShape): PipelineResult {
  const nodes = shape.nodes ?? 1;
  const storage = shape.storage ?? 'postgres';
  const [p50, p99] = shape.e2e ?? [100, 200];
  const sent = shape.rate * 20;
  const completedPerS = shape.completedPerS ?? shape.rate;
  const delivered = Math.min(sent, Math.round(completedPerS * 20));
  return {
    options: { ...DEFAULTS, nodes, storage, rate: shape.rate, durationS: 20, drainS: 20, history: 100_000 },
    date: new Date('2026-12-06T10:00:00Z'),
    machine: { cpu: 'AMD EPYC', cores: 2, ramGiB: 23.5, node: 'v20.20.2', os: 'Linux', loadAvg: 1 },
    commit: 'abc1234',
    setupS: 3,
    accounting: {
      offered: sent,
      completed: delivered,
      stuck: sent - delivered,
      stuckAt: {},
      deliveredPerS: completedPerS,
      totalSent: sent,
      totalDelivered: delivered,
      errors: {},
      duplicateOffers: 0,
    },
    spans: SPANS.map(([name]) => ({ name, d: { count: delivered, p50, p99, max: p99 } })),
    usage: {
      nodes: (shape.nodeCpu ?? Array.from({ length: nodes }, () => 40)).map((cpuPercent) => ({
        cpuPercent,
        rssMeanBytes: 200 * 1024 ** 2,
        rssMaxBytes: 220 * 1024 ** 2,
      })),
      postgresCpuPercent: shape.pgCpu === undefined ? (storage === 'sqlite' ? null : 30) : shape.pgCpu,
      postgresCommitsPerS: storage === 'sqlite' ? null : 900,
      benchCpuPercent: 10,
      benchLoopDelayP99Ms: 15,
      otherCpuPercent: shape.otherCpu ?? 12,
      loadAvgAtStart: 1,
    },
    sendLateP99Ms: 5,
    crashed: [],
    sustained: shape.sustained,
  };
}
