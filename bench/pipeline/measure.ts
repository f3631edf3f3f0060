import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import { cpuPercent, readProc, readSystem, RssSampler, systemCpuPercent, type ProcSample, type SystemSample } from '../sync/procStats';
import { backendPids, databaseCommits } from './cluster';

export interface NodeUsage {
  /** % of one core over the measured window. */
  readonly cpuPercent: number;
  readonly rssMeanBytes: number;
  readonly rssMaxBytes: number;
}

export interface Usage {
  readonly nodes: readonly NodeUsage[];
  /** The PostgreSQL backends serving the bench database (the nodes' pools), % of one core; null on SQLite. */
  readonly postgresCpuPercent: number | null;
  /** PostgreSQL transactions committed in the bench database per second over the window (autocommit statements included); null on SQLite. */
  readonly postgresCommitsPerS: number | null;
  readonly benchCpuPercent: number;
  readonly benchLoopDelayP99Ms: number;
  /** Everything else on the machine, % of one core: noise in every number. */
  readonly otherCpuPercent: number;
  readonly loadAvgAtStart: number;
}

function tryRead(pid: number): ProcSample | null {
  try {
    return readProc(pid);
  } catch {
    return null;
  }
}

/** Reads CPU and RSS of the nodes, the database backends, this process and the machine over one window. */
export class UsageWindow {
  private readonly rss: RssSampler[];
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });
  private nodeStart: (ProcSample | null)[] = [];
  private pgStart: { pid: number; sample: ProcSample }[] = [];
  private commitsStart = 0;
  private systemStart: SystemSample | null = null;
  private benchStart: NodeJS.CpuUsage | null = null;
  private wallStart = 0;
  private loadAvg = 0;

  constructor(
    private readonly nodePids: readonly number[],
    private readonly database: string | null,
  ) {
    this.rss = nodePids.map((pid) => new RssSampler(pid));
  }

  async start(): Promise<void> {
    this.pgStart = [];
    if (this.database !== null) {
      this.commitsStart = await databaseCommits(this.database);
      for (const pid of await backendPids(this.database)) {
        const sample = tryRead(pid);
        if (sample) this.pgStart.push({ pid, sample });
      }
    }
    this.loadAvg = os.loadavg()[0] ?? 0;
    this.nodeStart = this.nodePids.map(tryRead);
    for (const r of this.rss) r.start();
    this.systemStart = readSystem();
    this.benchStart = process.cpuUsage();
    this.wallStart = performance.now();
    this.loop.reset();
    this.loop.enable();
  }

  async stop(): Promise<Usage> {
    this.loop.disable();
    const wallS = (performance.now() - this.wallStart) / 1000;
    const commits = this.database === null ? null : ((await databaseCommits(this.database)) - this.commitsStart) / wallS;
    const bench = process.cpuUsage(this.benchStart ?? undefined);
    const benchCpu = wallS > 0 ? ((bench.user + bench.system) / 1e6 / wallS) * 100 : 0;
    const system = this.systemStart ? systemCpuPercent(this.systemStart, readSystem(), os.cpus().length) : 0;
    const nodes = this.nodePids.map((pid, i): NodeUsage => {
      const from = this.nodeStart[i];
      const to = tryRead(pid);
      const rss = this.rss[i]?.stop() ?? { meanBytes: 0, maxBytes: 0 };
      return { cpuPercent: from && to ? cpuPercent(from, to) : 0, rssMeanBytes: rss.meanBytes, rssMaxBytes: rss.maxBytes };
    });
    let postgres: number | null = null;
    if (this.database !== null) {
      postgres = 0;
      for (const { pid, sample } of this.pgStart) {
        const to = tryRead(pid);
        if (to) postgres += cpuPercent(sample, to);
      }
    }
    const ours = nodes.reduce((s, n) => s + n.cpuPercent, 0) + benchCpu + (postgres ?? 0);
    return {
      nodes,
      postgresCpuPercent: postgres,
      postgresCommitsPerS: commits,
      benchCpuPercent: benchCpu,
      benchLoopDelayP99Ms: this.loop.percentile(99) / 1e6,
      otherCpuPercent: Math.max(0, system - ours),
      loadAvgAtStart: this.loadAvg,
    };
  }
}
