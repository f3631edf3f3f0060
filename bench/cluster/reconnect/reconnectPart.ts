import os from 'node:os';
import * as Y from 'yjs';
import { BenchDevice, QUIET } from '../../sync/device';
import type { Machine } from '../../sync/report';
import { createOrders, login } from '../../sync/setup';
import { MeasuredWindow, probes } from '../../sync/window';
import { startCluster } from '../cluster';
import type { ClusterOptions } from '../options';
import { catchUp, minimalDiff, type CatchUp, type MinimalDiff } from './catchUp';
import { writeHistory } from './history';
import { waitUnloaded } from './loadedDocs';

/** A document nobody holds is unloaded (and compacted) after this long, as it would be hours later. */
const IDLE_MS = 1_000;
/** How long the device stays connected after catching up, to see what else the server sends. */
const SETTLE_MS = 500;

export interface ReconnectResult {
  readonly date: Date;
  readonly nodes: number;
  readonly orders: number;
  /** The node the device was connected to before going offline, and the one it came back to. */
  readonly leftNode: number;
  readonly rejoinNode: number;
  /** Updates the other devices wrote while it was away, and how long that took. */
  readonly updatesWritten: number;
  readonly historyMs: number;
  /** Documents in memory on each node when the device came back. */
  readonly docsLoadedAtReturn: readonly number[];
  readonly catchUp: CatchUp;
  readonly minimal: MinimalDiff;
  /** The node it came back to, from connect to caught up, % of one core. */
  readonly rejoinCpuPercent: number;
  /** % of that time its main thread was ready to run but waited for a core. */
  readonly rejoinWaitPercent: number;
  /** The PostgreSQL backends of the run's database over the same time. */
  readonly postgresCpuPercent: number;
  readonly otherCpuPercent: number;
  readonly loadAvg: number;
}

/** The state the device holds of each document, copied out so later changes cannot touch it. */
function stateVectors(held: ReadonlyMap<string, Y.Doc>): Map<string, Uint8Array> {
  return new Map([...held].map(([name, doc]) => [name, Y.encodeStateVector(doc)]));
}

/**
 * A device holding `options.reconnectOrders` orders goes offline; meanwhile outlet staff, an admin and the
 * driver, each through another node, take every order from accepted to delivered with notes; every
 * document is unloaded; then the device connects to a node other than the one it left and syncs them all.
 */
export async function runReconnect(options: ClusterOptions, host: Machine, log: (line: string) => void): Promise<ReconnectResult> {
  const n = options.reconnectNodes;
  const say = (line: string): void => log(`reconnect: ${line}`);
  const loadAvg = os.loadavg()[0] ?? 0;
  const cluster = await startCluster(
    { storage: 'postgres', nodes: n },
    { DABBA_ORDERS_PER_MINUTE: String(Math.max(1000, options.reconnectOrders * 2)), DABBA_DOC_IDLE_MS: String(IDLE_MS) },
  );
  const url = (node: number): string => cluster.urls[node % n] ?? '';
  const [leftNode, rejoinNode] = [0, 1];
  try {
    const outlet = await login(url(0), 'outlet@dabba.local');
    const docs = await createOrders(url(0), options.reconnectOrders, 8, 'delivery');
    say(`${docs.length} delivery orders placed`);

    const device = await BenchDevice.connect(url(leftNode), outlet.token, 0, QUIET);
    const held = new Map<string, Y.Doc>();
    for (let i = 0; i < docs.length; i += 50) {
      await Promise.all(docs.slice(i, i + 50).map((doc) => device.subscribe(doc)));
    }
    for (const doc of docs) held.set(doc, device.doc(doc) ?? new Y.Doc());
    await device.close();
    const before = stateVectors(held);
    say(`the device synced them on node ${leftNode} and went offline`);

    const historyStart = performance.now();
    const updatesWritten = await writeHistory(
      {
        outlet: { session: outlet, url: url(1) },
        admin: { session: await login(url(2), 'admin@dabba.local'), url: url(2) },
        driver: { session: await login(url(0), 'driver@dabba.local'), url: url(0) },
      },
      docs,
      say,
    );
    const historyMs = performance.now() - historyStart;
    const docsLoadedAtReturn = await waitUnloaded(cluster.urls);
    say(`documents still loaded per node: ${docsLoadedAtReturn.join(', ')}`);
    cluster.assertAlive();

    const rejoinPid = cluster.pids[rejoinNode % n] ?? 0;
    const window = new MeasuredWindow([rejoinPid], host.cores);
    const watch = probes(window, ...(cluster.pg ? [cluster.pg] : []));
    watch.start();
    const back = await catchUp(url(rejoinNode), outlet.token, held, SETTLE_MS, () => watch.stop());
    const w = window.result();
    say(`caught up with ${held.size} documents on node ${rejoinNode} in ${back.caughtUpMs.toFixed(0)} ms`);
    const minimal = await minimalDiff(url(rejoinNode + 1), outlet.token, before, held);
    cluster.assertAlive();
    const rejoinCpuPercent = w.procs[0]?.cpuPercent ?? 0;
    const postgres = (await cluster.pg?.reading())?.percent ?? 0;
    return {
      date: new Date(),
      nodes: n,
      orders: docs.length,
      leftNode,
      rejoinNode,
      updatesWritten,
      historyMs,
      docsLoadedAtReturn,
      catchUp: back,
      minimal,
      rejoinCpuPercent,
      rejoinWaitPercent: w.procs[0]?.waitPercent ?? 0,
      postgresCpuPercent: postgres,
      otherCpuPercent: Math.max(0, w.systemCpuPercent - rejoinCpuPercent - postgres - w.bench.cpuPercent),
      loadAvg,
    };
  } finally {
    await cluster.stop();
  }
}
