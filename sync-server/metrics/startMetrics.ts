import { UNSYNCED_REPORT_SETTLE_MS } from '../../shared/api/unsyncedReport';
import type { Config } from '../config';
import type { Presence } from '../presence/presence';
import type { OutletRepo } from '../storage/outletRepo';
import type { DriverOrders } from '../storage/driverOrders';
import type { DocHooks, DocRegistry } from '../sync/docRegistry';
import { outletBacklogs } from './outletBacklogs';
import { ServerMetrics, type MetricSources } from './serverMetrics';

export interface MetricParts {
  readonly config: Pick<Config, 'nodeId' | 'keepaliveMs'>;
  readonly presence: Presence;
  readonly limits: { status(): 'ok' | 'degraded' };
  readonly outlets: Pick<OutletRepo, 'list'>;
  readonly clock: { now(): number };
  readonly registry: DocRegistry;
  readonly driverOrders: DriverOrders;
  /** Open sync sockets; zero until the socket server is attached. */
  readonly sockets: () => number;
}

/** The server's metrics, reading its parts at each scrape, and timing every commit of the registry. */
export function startMetrics(parts: MetricParts): { readonly metrics: ServerMetrics; readonly sources: MetricSources } {
  const sources: MetricSources = {
    node: parts.config.nodeId,
    presenceDevices: () => parts.presence.list(),
    presenceStatus: () => parts.presence.status(),
    limitsStatus: () => parts.limits.status(),
    documentsLoaded: () => parts.registry.size,
    dispatchQueue: async () => (await parts.driverOrders.awaitingDriver()).length,
    sockets: parts.sockets,
    outletBacklogs: async () => {
      const [live, records] = await Promise.all([parts.presence.list(), parts.presence.outletDeviceRecords()]);
      // A half-open socket is given up on within two keepalives; the device's reports trail by the settle time.
      const slackMs = 2 * parts.config.keepaliveMs + UNSYNCED_REPORT_SETTLE_MS;
      const ids = (await parts.outlets.list()).map((o) => o.id);
      return { now: parts.clock.now(), outlets: outletBacklogs(ids, live, records, slackMs) };
    },
  };
  const metrics = new ServerMetrics(sources);
  const timer: DocHooks = { commitTimed: (_doc, source, ms) => metrics.committed(source, ms / 1000) };
  parts.registry.use(timer);
  return { metrics, sources };
}
