import { Hono } from 'hono';
import type { FanoutStatus } from '../fanout/fanout';
import type { StorageHealth } from '../storage/storageHealth';

export interface HealthSource {
  readonly storage: StorageHealth;
  readonly startedAt: number;
  loadedDocs(): number;
  /** Loaded documents whose stored log has a gap (see SyncedDoc.incomplete). */
  docsWithGaps(): readonly string[];
  connections(): number;
  /** 'degraded' while Redis is away: this node still serves, knowing only its own sockets. */
  presence(): 'ok' | 'degraded';
  /** 'degraded' while Redis is away: this node still serves, counting rate limits alone. */
  limits(): 'ok' | 'degraded';
  /** 'degraded' while Redis is away: devices on other nodes see this node's changes late (once it is back). */
  fanout(): FanoutStatus;
  /** The node is stopping: a load balancer should send nothing new here. */
  draining(): boolean;
  /** Whether this node makes dispatch's decisions now (one node of several does; a node alone always). */
  dispatch(): 'leader' | 'follower';
}

/**
 * `GET /healthz`: 200 only when storage can take a write and the database is well-formed and the node
 * is not draining, else 503. Presence, limits and fan-out do not decide the status: a node whose Redis is down
 * still syncs and takes orders.
 */
export function healthRoutes(src: HealthSource): Hono {
  return new Hono().get('/', async (c) => {
    const storage = await src.storage.status();
    const draining = src.draining();
    const ok = storage === 'ok' && !draining;
    const body = {
      ok,
      draining,
      storage,
      uptimeSeconds: Math.round((Date.now() - src.startedAt) / 1000),
      loadedDocs: src.loadedDocs(),
      // Served (what could be loaded is), but some acknowledged change is missing until a device refills it.
      docsWithGaps: src.docsWithGaps().slice(0, 20),
      connections: src.connections(),
      presence: src.presence(),
      limits: src.limits(),
      fanout: src.fanout(),
      dispatch: src.dispatch(),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, ok ? 200 : 503);
  });
}
