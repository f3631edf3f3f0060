import type { Config } from '../config';
import type { Presence } from '../presence/presence';
import type { DriverOrders } from '../storage/driverOrders';
import type { DocHooks, DocRegistry } from '../sync/docRegistry';
import { ServerMetrics, type MetricSources } from './serverMetrics';

export interface MetricParts {
  readonly config: Pick<Config, 'nodeId'>;
  readonly presence: Presence;
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
    documentsLoaded: () => parts.registry.size,
    dispatchQueue: () => parts.driverOrders.awaitingDriver().length,
    sockets: parts.sockets,
  };
  const metrics = new ServerMetrics(sources);
  const timer: DocHooks = { commitTimed: (_doc, source, ms) => metrics.committed(source, ms / 1000) };
  parts.registry.use(timer);
  return { metrics, sources };
}
