import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import {
  cpuPercent,
  readProc,
  readSystem,
  RssSampler,
  systemCpuPercent,
  waitPercent,
  type ProcSample,
  type SystemSample,
} from './procStats';

/** One server process over the measured window: CPU as % of one core, RSS in bytes. */
export interface ProcWindow {
  readonly cpuPercent: number;
  /** % of the window its main thread was ready to run but waited for a core. */
  readonly waitPercent: number;
  readonly rssMean: number;
  readonly rssMax: number;
  /** Peak RSS over the process's life (VmHWM), read at the end of the window. */
  readonly rssPeakLifetime: number;
}

/** What the window saw: the watched processes (in the order given), this process, and the whole machine. */
export interface WindowReading {
  readonly startedAt: number;
  readonly ms: number;
  readonly procs: readonly ProcWindow[];
  /**
   * This process (all devices): CPU as % of one core, the event loop's p99 delay, which adds to every latency,
   * and how much of the window its main thread waited for a core.
   */
  readonly bench: {
    readonly cpuPercent: number;
    readonly loopDelayP99Ms: number;
    readonly loopDelayMaxMs: number;
    readonly waitPercent: number;
  };
  /** The whole machine, % of one core (all cores busy = cores × 100). */
  readonly systemCpuPercent: number;
}

/** Something read at the start and at the end of the measured window (synchronously: the load is running). */
export interface WindowProbe {
  start(): void;
  stop(): void;
}

/** Several probes as one, started and stopped in the order given. */
export function probes(...all: readonly WindowProbe[]): WindowProbe {
  return {
    start: () => all.forEach((p) => p.start()),
    stop: () => all.forEach((p) => p.stop()),
  };
}

interface Started {
  readonly at: number;
  readonly procs: readonly ProcSample[];
  readonly self: ProcSample;
  readonly samplers: readonly RssSampler[];
  readonly system: SystemSample;
  readonly benchCpu: NodeJS.CpuUsage;
  readonly loop: IntervalHistogram;
}

/**
 * The measured window of a run: CPU and RSS of the server processes, the bench process's own CPU and
 * event-loop delay, and the machine's CPU, all between `start()` and `stop()`.
 */
export class MeasuredWindow implements WindowProbe {
  private started: Started | null = null;
  private reading: WindowReading | null = null;

  constructor(
    private readonly pids: readonly number[],
    private readonly cores: number,
  ) {}

  start(): void {
    const loop = monitorEventLoopDelay({ resolution: 1 });
    const samplers = this.pids.map((pid) => new RssSampler(pid));
    this.started = {
      at: performance.now(),
      procs: this.pids.map(readProc),
      self: readProc(process.pid),
      samplers,
      system: readSystem(),
      benchCpu: process.cpuUsage(),
      loop,
    };
    for (const sampler of samplers) sampler.start();
    loop.enable();
  }

  stop(): void {
    const s = this.started;
    if (!s) throw new Error('the measured window never started');
    const ends = this.pids.map(readProc);
    const self = readProc(process.pid);
    const system = readSystem();
    const ms = performance.now() - s.at;
    const cpu = process.cpuUsage(s.benchCpu);
    s.loop.disable();
    this.reading = {
      startedAt: s.at,
      ms,
      procs: ends.map((end, i) => {
        const start = s.procs[i];
        const rss = s.samplers[i]?.stop() ?? { meanBytes: 0, maxBytes: 0 };
        return {
          cpuPercent: start ? cpuPercent(start, end) : 0,
          waitPercent: start ? waitPercent(start, end) : 0,
          rssMean: rss.meanBytes,
          rssMax: rss.maxBytes,
          rssPeakLifetime: end.peakRssBytes,
        };
      }),
      bench: {
        cpuPercent: ms > 0 ? ((cpu.user + cpu.system) / 1000 / ms) * 100 : 0,
        loopDelayP99Ms: s.loop.percentile(99) / 1e6,
        loopDelayMaxMs: s.loop.max / 1e6,
        waitPercent: waitPercent(s.self, self),
      },
      systemCpuPercent: systemCpuPercent(s.system, system, this.cores),
    };
  }

  /** The reading; throws when the window has not run start to stop. */
  result(): WindowReading {
    if (!this.reading) throw new Error('the measured window never ended');
    return this.reading;
  }
}
