import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** One reading of a process from /proc (Linux only). */
export interface ProcSample {
  /** performance.now() when read. */
  readonly at: number;
  /** User + system CPU time, seconds. */
  readonly cpuS: number;
  /** Time the main thread was ready to run but waited for a core (/proc/<pid>/schedstat), seconds; 0 when unknown. */
  readonly waitS: number;
  readonly rssBytes: number;
  /** Peak RSS over the process's life (VmHWM). */
  readonly peakRssBytes: number;
}

let ticksPerSecond: number | null = null;

/** USER_HZ, the unit of utime/stime in /proc/<pid>/stat (almost always 100). */
function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function statusKb(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}

export function readProc(pid: number): ProcSample {
  const at = performance.now();
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    at,
    cpuS: (utime + stime) / clockTicks(),
    waitS: runQueueWaitS(pid),
    rssBytes: statusKb(status, 'VmRSS'),
    peakRssBytes: statusKb(status, 'VmHWM'),
  };
}

/** The second field of /proc/<pid>/schedstat: nanoseconds spent runnable on a run queue, not running. */
function runQueueWaitS(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1] ?? 0) / 1e9;
  } catch {
    return 0; // a kernel without schedstats
  }
}

/**
 * How much of the time between two readings the process's main thread (for Node, the event loop) was ready
 * to run but waited for a core, in %: the machine's other work delaying it.
 */
export function waitPercent(from: ProcSample, to: ProcSample): number {
  const wallS = (to.at - from.at) / 1000;
  return wallS > 0 ? ((to.waitS - from.waitS) / wallS) * 100 : 0;
}

/** CPU use between two readings as a percentage of one core (200% = both cores of a 2-core machine). */
export function cpuPercent(from: ProcSample, to: ProcSample): number {
  const wallS = (to.at - from.at) / 1000;
  return wallS > 0 ? ((to.cpuS - from.cpuS) / wallS) * 100 : 0;
}

/** Whole-machine CPU from /proc/stat: busy and total jiffies over all cores. */
export interface SystemSample {
  readonly busy: number;
  readonly total: number;
}

export function readSystem(): SystemSample {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...fields] = line.trim().split(/\s+/);
  const n = fields.map(Number);
  // user nice system idle iowait irq softirq steal: idle and iowait are the only not-busy ones.
  const total = n.slice(0, 8).reduce((s, v) => s + v, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
}

/** Machine CPU between two readings as a percentage of one core (all cores busy = cores × 100). */
export function systemCpuPercent(from: SystemSample, to: SystemSample, cores: number): number {
  const total = to.total - from.total;
  return total > 0 ? ((to.busy - from.busy) / total) * cores * 100 : 0;
}

/** Samples RSS once a second over a window so the summary can show the mean and the highest. */
export class RssSampler {
  private readonly samples: number[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pid: number) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  stop(): { readonly meanBytes: number; readonly maxBytes: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    const max = this.samples.reduce((m, v) => Math.max(m, v), 0);
    const mean = this.samples.length > 0 ? this.samples.reduce((s, v) => s + v, 0) / this.samples.length : 0;
    return { meanBytes: mean, maxBytes: max };
  }

  private sample(): void {
    try {
      this.samples.push(readProc(this.pid).rssBytes);
    } catch {
      // the process is gone; the run will report that
    }
  }
}
