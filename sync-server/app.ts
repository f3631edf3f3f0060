import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { resolveJwtSecret, TokenService } from './auth/tokens';
import type { Config } from './config';
import { errorHandler, notFound } from './errors';
import { createLogger, type Logger } from './log';
import { orderProjections } from './projections/orderProjections';
import { outletDirectory } from './projections/outletDirectory';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { orderHistoryRoutes } from './routes/orderHistory';
import { orderRoutes } from './routes/orders';
import { staticRoutes } from './routes/static';
import { seedDemo } from './seed/seedDemo';
import { openDb, type Db } from './storage/db';
import { DocStore } from './storage/docStore';
import { OrderHistory } from './storage/orderHistory';
import { OrderIndex } from './storage/orderIndex';
import { OutletRepo } from './storage/outletRepo';
import { UserRepo } from './storage/users';
import { attachSync } from './sync/attachSync';
import { DocRegistry } from './sync/docRegistry';

export interface DabbaServer {
  readonly port: number;
  readonly url: string;
  readonly db: Db;
  readonly log: Logger;
  /** Graceful stop: no new sockets, every socket closed with SHUTTING_DOWN, documents compacted, database closed. */
  close(): Promise<void>;
}

/** Wires storage, sync and routes into one server listening on config.port (0 = any free port). */
export async function startServer(config: Config): Promise<DabbaServer> {
  const log = createLogger(config.logLevel);
  const db = openDb(config.dataDir, config.sqliteSync);
  const tokens = new TokenService(resolveJwtSecret(config.jwtSecret, config.dataDir));
  const users = new UserRepo(db);
  const outlets = new OutletRepo(db);
  const orders = new OrderIndex(db);
  const registry = new DocRegistry(new DocStore(db), config.docIdleMs, log);
  const projections = orderProjections(registry, orders, log);
  registry.use(projections);
  registry.use(outletDirectory(outlets));

  if (config.demo && (await seedDemo({ users, outlets, registry }))) log.info('seeded the demo outlet and accounts');

  const startedAt = Date.now();
  let sync: ReturnType<typeof attachSync> | null = null;
  const app = new Hono();
  app.onError(errorHandler(log));
  app.route('/healthz', healthRoutes({ db, startedAt, loadedDocs: () => registry.size, connections: () => sync?.connections.size ?? 0 }));
  app.route('/api/auth', authRoutes(users, tokens));
  app.route('/api/outlets', catalogRoutes(outlets, registry));
  app.route('/api/orders', orderRoutes({ db, registry, orders, tokens, afterPlaced: (view) => projections.placed(view) }, config.ordersPerMinute));
  app.route('/api/orders', orderHistoryRoutes(new OrderHistory(db), tokens));
  app.all('/api/*', () => { throw notFound('This endpoint'); });
  app.route('/', staticRoutes(config.staticDir));

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
  });
  sync = attachSync(server, tokens, { registry, orders, log }, config.keepaliveMs);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info('listening', { url, dataDir: config.dataDir });

  let closing: Promise<void> | null = null;
  return {
    port, url, db, log,
    close: () => (closing ??= (async () => {
      await sync?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      registry.closeAll();
      db.close();
    })()),
  };
}
