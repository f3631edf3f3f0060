import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { unsyncedBoundMs, type OutletBacklog } from '../../shared/api/adminPlatform';
import type { LiveDevice } from '../../shared/api/presence';

/** Where the gauges read from at each scrape: the live server's parts, asked only when Prometheus asks. */
export interface MetricSources {
  /** This node's name in presence. */
  readonly node: string;
  presenceDevices(): Promise<LiveDevice[]>;
  presenceStatus(): 'ok' | 'degraded';
  /** 'degraded' while Redis is away and this node counts rate limits alone. */
  limitsStatus(): 'ok' | 'degraded';
  documentsLoaded(): number;
  dispatchQueue(): Promise<number>;
  sockets(): number;
  /** Every outlet's unsynced changes as its devices report them (outletBacklogs.ts), at `now`. */
  outletBacklogs(): Promise<{ readonly now: number; readonly outlets: OutletBacklog[] }>;
}

export type CommitSource = 'device' | 'server';
/** How one wake-up send to FCM ended (see wake/pushSender.ts); `retryable` ones are tried again. */
export type WakeSendOutcome = 'sent' | 'retryable' | 'unregistered' | 'rejected';

/** Commits take well under a millisecond when nothing waits on the disk; a slow disk shows in the upper buckets. */
export const COMMIT_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const HTTP_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * One server's Prometheus metrics in a registry of its own (tests run several servers in one process).
 * Counters and histograms are fed as things happen; gauges are read from `sources` at each scrape.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly http: Counter<'method' | 'route' | 'status'>;
  readonly httpSeconds: Histogram<'method' | 'route'>;
  readonly commits: Histogram<'source'>;
  readonly wakeSends: Counter<'outcome'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.http = new Counter({
      name: 'dabba_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'dabba_http_request_duration_seconds',
      help: 'Time to answer an HTTP request (to its headers, for streamed bodies).',
      labelNames: ['method', 'route'],
      buckets: HTTP_BUCKETS_SECONDS,
      registers,
    });
    this.commits = new Histogram({
      name: 'dabba_commit_duration_seconds',
      help: 'Time to commit a document update: checked, stored, applied, projected and relayed. source: device or server.',
      labelNames: ['source'],
      buckets: COMMIT_BUCKETS_SECONDS,
      registers,
    });
    this.wakeSends = new Counter({
      name: 'dabba_wakeup_sends_total',
      help: 'Wake-up pushes sent to FCM, by outcome: sent, retryable (tried again), unregistered (token deleted), rejected.',
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'dabba_connected_devices',
      help: 'Signed-in sockets on this node, by role and app (sum over nodes for the whole platform).',
      labelNames: ['role', 'app'],
      registers,
      async collect() {
        this.reset();
        for (const d of await sources.presenceDevices()) if (d.node === sources.node) this.inc({ role: d.role, app: d.app });
      },
    });
    new Gauge({
      name: 'dabba_presence_degraded',
      help: '1 while Redis is unreachable and presence knows only this node.',
      registers,
      collect() {
        this.set(sources.presenceStatus() === 'degraded' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dabba_limits_degraded',
      help: '1 while Redis is unreachable and this node counts rate limits and sign-in failures alone.',
      registers,
      collect() {
        this.set(sources.limitsStatus() === 'degraded' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dabba_sync_sockets',
      help: 'Open sync WebSockets on this node, signed in or not.',
      registers,
      collect() {
        this.set(sources.sockets());
      },
    });
    new Gauge({
      name: 'dabba_documents_loaded',
      help: 'Yjs documents held in memory on this node.',
      registers,
      collect() {
        this.set(sources.documentsLoaded());
      },
    });
    new Gauge({
      name: 'dabba_outlet_oldest_unsynced_seconds',
      help: 'Age of the oldest change an outlet device reported waiting for the server (0: none reported). Across nodes: the same on each.',
      labelNames: ['outlet'],
      registers,
      async collect() {
        this.reset();
        const { now, outlets } = await sources.outletBacklogs();
        for (const o of outlets) this.set({ outlet: o.outletId }, o.oldest ? Math.max(0, now - o.oldest.at) / 1000 : 0);
      },
    });
    new Gauge({
      name: 'dabba_outlet_oldest_unsynced_bound_seconds',
      help: "How old an outlet device's oldest unsynced change can be at most, counting devices not connected now; absent when a device does not say.",
      labelNames: ['outlet'],
      registers,
      async collect() {
        this.reset();
        const { now, outlets } = await sources.outletBacklogs();
        for (const o of outlets) {
          const bound = unsyncedBoundMs(o, now);
          if (bound !== null) this.set({ outlet: o.outletId }, bound / 1000);
        }
      },
    });
    new Gauge({
      name: 'dabba_dispatch_queue_length',
      help: 'Delivery orders accepted by their outlet and waiting for a driver.',
      registers,
      async collect() {
        this.set(await sources.dispatchQueue());
      },
    });
  }

  httpAnswered(method: string, route: string, status: number, seconds: number): void {
    this.http.inc({ method, route, status: String(status) });
    this.httpSeconds.observe({ method, route }, seconds);
  }

  committed(source: CommitSource, seconds: number): void {
    this.commits.observe({ source }, seconds);
  }

  /** A field, so the waker can be handed it on its own. */
  readonly wakeSent = (outcome: WakeSendOutcome): void => {
    this.wakeSends.inc({ outcome });
  };
}
