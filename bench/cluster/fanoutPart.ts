import os from 'node:os';
import { runFleet } from '../sync/fleet';
import type { LoadResult } from '../sync/load';
import { readProc } from '../sync/procStats';
import type { Machine } from '../sync/report';
import { distribution, type Accounting, type Distribution } from '../sync/tracker';
import type { StateCheck } from '../sync/verify';
import { MeasuredWindow, probes, type ProcWindow, type WindowProbe, type WindowReading } from '../sync/window';
import { specName, startCluster, type ClusterSpec } from './cluster';
import { NodeMetrics } from './nodeMetrics';
import { splitByNode } from './nodeSplit';
import type { PgWindow } from './pgBackends';
import type { ClusterOptions } from './options';

/** One setup (SQLite 1 node, PostgreSQL 1 node, PostgreSQL N nodes) under the fan-out load. */
export interface SetupResult {
  readonly name: string;
  readonly spec: ClusterSpec;
  readonly setupMs: { readonly orders: number; readonly connect: number; readonly subscribe: number };
  readonly load: LoadResult;
  /** From the end of the load to the last ACK or relay, ms, and whether all arrived within the drain limit. */
  readonly drain: { readonly ms: number; readonly complete: boolean };
  readonly fanout: Distribution;
  readonly sameNode: Distribution;
  readonly crossNode: Distribution;
  readonly ack: Distribution;
  readonly accounting: Accounting;
  /** The state check on each node, over a fresh socket. */
  readonly states: readonly StateCheck[];
  /** Each node over the measured window, and its RSS before any device connected. */
  readonly nodes: readonly (ProcWindow & { readonly rssIdle: number })[];
  readonly bench: WindowReading['bench'];
  /** The Redis server's CPU (shared with whatever else uses it), % of one core; null without Redis. */
  readonly redisCpuPercent: number | null;
  /** The PostgreSQL backends of this run's database; null on SQLite. */
  readonly postgres: PgWindow | null;
  /** Each node's device commits over the window and their mean time by its own /metrics; null if unread. */
  readonly commits: readonly { readonly count: number; readonly meanMs: number }[] | null;
  /** Everything else on the machine over the window, % of one core. */
  readonly otherCpuPercent: number;
  /** The machine's 1-minute load average when the setup started. */
  readonly loadAvg: number;
}

/** Updates lost: never ACKed or missing at a subscriber, plus ACKed events absent from a node's state. */
export function lostUpdates(r: SetupResult): number {
  return r.accounting.lost + r.states.reduce((n, s) => n + s.missing, 0);
}

/** Runs the fan-out load on a fresh cluster of `spec`, then stops it and cleans up. */
export async function runFanoutSetup(
  spec: ClusterSpec,
  options: ClusterOptions,
  host: Machine,
  log: (line: string) => void,
): Promise<SetupResult> {
  const name = specName(spec);
  const say = (line: string): void => log(`${name}: ${line}`);
  const startLoad = os.loadavg()[0] ?? 0;
  const env = { DABBA_ORDERS_PER_MINUTE: String(Math.max(1000, options.docs * 2)) };
  const cluster = await startCluster(spec, env, options.serverProfDir);
  say(`nodes ${cluster.pids.join(', ')} at ${cluster.urls.join(' ')}`);
  try {
    const idle = cluster.pids.map((pid) => readProc(pid).rssBytes);
    const window = new MeasuredWindow(cluster.pids, host.cores);
    const nodeMetrics = new NodeMetrics(cluster.urls);
    const extra: WindowProbe[] = [nodeMetrics, cluster.redis, cluster.pg].filter((p): p is NonNullable<typeof p> => p !== null);
    const fleet = await runFleet(cluster.urls, options, probes(window, ...extra), { log: say, assertAlive: cluster.assertAlive });
    const w = window.result();
    const redisCpuPercent = (await cluster.redis?.cpuPercent()) ?? null;
    const postgres = (await cluster.pg?.reading()) ?? null;
    const ours = w.procs.reduce((s, p) => s + p.cpuPercent, 0) + w.bench.cpuPercent + (redisCpuPercent ?? 0) + (postgres?.percent ?? 0);
    const tracker = fleet.tracker;
    return {
      name,
      spec,
      setupMs: fleet.setupMs,
      load: fleet.load,
      drain: { ms: fleet.drainMs, complete: fleet.drained },
      fanout: distribution(tracker.fanoutMs),
      ...splitByNode(tracker, spec.nodes),
      ack: distribution(tracker.ackMs),
      accounting: tracker.accounting(),
      states: fleet.states,
      nodes: w.procs.map((p, i) => ({ ...p, rssIdle: idle[i] ?? 0 })),
      bench: w.bench,
      redisCpuPercent,
      postgres,
      commits: await nodeMetrics.commits(),
      otherCpuPercent: Math.max(0, w.systemCpuPercent - ours),
      loadAvg: startLoad,
    };
  } finally {
    await cluster.stop();
  }
}
