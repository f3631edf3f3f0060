import type { OrderId } from '../shared/ids';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { AccountControl } from './auth/accountControl';
import { resolveJwtSecret, TokenService } from './auth/tokens';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { Dispatcher } from './dispatch/dispatcher';
import { driverLedger } from './dispatch/driverLedger';
import { errorHandler, notFound } from './errors';
import { openFanout } from './fanout/openFanout';
import { createLogger, type Logger } from './log';
import { MENU_PHOTO_UPLOAD } from '../shared/api/menuPhotos';
import { MenuPhotoStore } from './menuPhotos/menuPhotoStore';
import { httpMetrics } from './metrics/httpMetrics';
import { startMetrics } from './metrics/startMetrics';
import { InboxPruner } from './projections/inboxPruner';
import { orderProjections } from './projections/orderProjections';
import { orderTimingsProjection } from './projections/orderTimingsProjection';
import { backfillOrderTimings } from './projections/timingsBackfill';
import { outletDirectory } from './projections/outletDirectory';
import { trackDrivers } from './projections/trackDrivers';
import { TrackPositions } from './projections/trackPositions';
import { OutletNotices } from './outletWatch/outletNotices';
import { OutletWatch } from './outletWatch/outletWatch';
import { openPresence } from './presence/openPresence';
import type { Presence } from './presence/presence';
import { ProofStore } from './proofs/proofStore';
import { adminApi } from './routes/adminApi';
import { authRoutes } from './routes/auth';
import { BODY_LIMITS, limitBody } from './routes/bodyLimit';
import { catalogRoutes } from './routes/catalog';
import { deliveryRoutes } from './routes/delivery';
import { deviceRoutes } from './routes/devices';
import { driverRoutes } from './routes/driver';
import { healthRoutes } from './routes/health';
import { mediaRoutes } from './routes/media';
import { metricsRoutes } from './routes/metrics';
import { orderHistoryRoutes } from './routes/orderHistory';
import { orderRoutes } from './routes/orders';
import { presenceRoutes } from './routes/presence';
import { RetentionSweeper } from './retention/retentionSweeper';
import { PROOF_UPLOAD, proofRoutes } from './routes/proofs';
import { pullRoutes } from './routes/pull';
import { openLimiterStore } from './limits/openLimiterStore';
import { RateLimiter } from './limits/rateLimit';
import { securityHeaders } from './routes/securityHeaders';
import { staticRoutes } from './routes/static';
import { trackRoutes } from './routes/track';
import { trackPushRoutes } from './routes/trackPush';
import { reprojectTracksOnce } from './projections/trackReprojection';
import { demoLoginsAllowed } from './seed/demoExposure';
import { guardDemoAccounts } from './seed/guardDemoAccounts';
import { seedDemo } from './seed/seedDemo';
import { Breadcrumbs } from './storage/breadcrumbs';
import { openSqlStorage, sqlTargetOf } from './storage/sql/open';
import type { Database } from './storage/sql/schema';
import { DispatchState } from './storage/dispatchState';
import { DriverOrders } from './storage/driverOrders';
import { DriverRepo } from './storage/drivers';
import { DocStore } from './storage/docStore';
import { OrderHistory } from './storage/orderHistory';
import { OrderIndex } from './storage/orderIndex';
import { OrderTimingsIndex } from './storage/orderTimingsIndex';
import { OutletRepo } from './storage/outletRepo';
import { ProofRecords } from './storage/proofRecords';
import { PushTokens } from './storage/pushTokens';
import { storageFailureOf } from './storage/storageFailure';
import { StorageHealth } from './storage/storageHealth';
import { storageProbeOf } from './storage/healthProbes';
import { UserRepo } from './storage/users';
import { WakeMarks } from './storage/wakeMarks';
import { attachSync } from './sync/attachSync';
import { orderWakes } from './wake/orderWakes';
import { startWaker } from './wake/startWaker';
import type { Waker } from './wake/waker';
import { DocRegistry } from './sync/docRegistry';

export interface DabbaServer {
  readonly port: number;
  readonly url: string;
  /** Storage, as every ported repository queries it. */
  readonly sql: Kysely<Database>;
  readonly log: Logger;
  /** Disable, enable, sign out everywhere: takes effect on the next request and closes live sockets at once. */
  readonly accounts: AccountControl;
  /** Who is connected, on this node or (with Redis) any. */
  readonly presence: Presence;
  /** Graceful stop: no new sockets, every socket closed with SHUTTING_DOWN, documents compacted, database closed. */
  close(): Promise<void>;
}

/** What a test may pass instead of the real thing. */
export interface ServerOverrides {
  /** The clock of the server's timed decisions (dispatch offers, the outlet watch). */
  readonly clock?: Clock;
  /** Sends wake-ups instead of the configured one (tests record them). */
  readonly waker?: Waker;
}

/** Wires storage, sync and routes into one server listening on config.port (0 = any free port). */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<DabbaServer> {
  const log = createLogger(config.logLevel);
  const opened = await openSqlStorage(sqlTargetOf(config, config.databaseUrl), log);
  const sql = opened.db;
  const storage = new StorageHealth(storageProbeOf(opened));
  const malformed = await storage.checkIntegrity();
  if (malformed.length > 0)
    log.error('the database is malformed (PRAGMA quick_check); /healthz reports storage "corrupt"', { problems: malformed.slice(0, 20) });
  const users = new UserRepo(sql);
  const tokens = new TokenService(resolveJwtSecret(config.jwtSecret, config.dataDir), users);
  const accounts = new AccountControl(users);
  const outlets = new OutletRepo(sql);
  const orders = new OrderIndex(sql);
  const pushTokens = new PushTokens(sql);
  // A device signed out everywhere (or of a disabled account) must not be woken with what it may no longer see.
  accounts.onSessionsEnded((userId) =>
    pushTokens
      .deleteUser(userId)
      .catch((err: unknown) => log.error('deleting the push tokens of a signed-out user failed', { error: String(err) })),
  );
  const docStore = new DocStore(sql);
  const fanout = openFanout(config, log);
  const registry = new DocRegistry(docStore, config.docIdleMs, log, config.compactEvery, fanout);
  const timings = new OrderTimingsIndex(sql);
  const clock = overrides.clock ?? systemClock;
  const drivers = new DriverRepo(sql);
  const driverOrders = new DriverOrders(sql);
  const presence = await openPresence(config, clock, log);
  // Per-address budgets: shared by every node through Redis, so spreading requests over nodes gains nothing.
  const limits = await openLimiterStore(config, log);
  let sync: ReturnType<typeof attachSync> | null = null;
  const telemetry = startMetrics({
    config,
    presence,
    limits,
    outlets,
    clock,
    registry,
    driverOrders,
    sockets: () => sync?.connections.size ?? 0,
  });
  const wake = overrides.waker
    ? { waker: overrides.waker, close: () => Promise.resolve() }
    : startWaker(config.fcm, config.wakeCoalesceMs, { tokens: pushTokens, presence, clock, log, sent: telemetry.metrics.wakeSent });
  const waker = wake.waker;
  const notices = new OutletNotices();
  const projections = orderProjections(registry, orders, log, trackDrivers(users, drivers, presence), (orderId) => notices.of(orderId));
  // Tracking pages are re-projected when something outside the order changes (a notice, a driver's move).
  const refreshTrackFor = (why: string) => (orderId: OrderId) => {
    projections.refreshTrack(orderId).catch((err: unknown) => log.error(`projection failed: ${why}`, { error: String(err) }));
  };
  notices.onChange(refreshTrackFor('outlet notice'));
  const dispatcher = new Dispatcher({
    registry,
    orders,
    drivers,
    driverOrders,
    state: new DispatchState(sql),
    presence,
    clock,
    log,
    offerTimeoutMs: config.offerTimeoutMs,
    offerAsleepMs: config.offerAsleepMs,
    driverStaleMs: config.driverStaleMs,
    waker,
    retryMs: config.dispatchRetryMs,
  });
  // Order matters: the index and inboxes first, then the fair-queue ledger, then dispatch, which reads both.
  for (const hooks of [projections, orderTimingsProjection(timings), outletDirectory(outlets), driverLedger(drivers), dispatcher])
    registry.use(hooks);
  registry.use(orderWakes({ orders, marks: new WakeMarks(sql), pushTokens, waker }));
  registry.use({
    storageFailed: (_doc, err) => {
      const failure = storageFailureOf(err);
      if (failure) storage.noticed(failure);
    },
  });
  const trackPositions = new TrackPositions(driverOrders, refreshTrackFor('driver position'), clock);

  const seeded = config.demo && (await seedDemo({ users, outlets, drivers, registry }));
  if (seeded) log.info('seeded the demo outlet and accounts');
  const demoLogins = demoLoginsAllowed(config);
  await guardDemoAccounts(config, users, demoLogins);
  await dispatcher.start();
  reprojectTracksOnce(sql, projections.refreshTrack, log).catch((err: unknown) =>
    log.error('rewriting tracking projections failed; retried at the next start', { error: String(err) }),
  );
  const backgroundWork = new AbortController();
  backfillOrderTimings(timings, docStore, log, backgroundWork.signal).catch((err: unknown) =>
    log.error('writing the timings of older orders failed; retried at the next start', { error: String(err) }),
  );
  const outletWatch = new OutletWatch({
    registry,
    orders,
    outlets,
    presence,
    waker,
    notices,
    clock,
    log,
    limits: config.outletWatch,
    checkEveryMs: config.outletWatch.checkEveryMs,
  });
  outletWatch.start();
  const pruner = new InboxPruner({ registry, orders, clock, log, retentionMs: config.inboxRetentionMs, sweepEveryMs: config.inboxSweepMs });
  pruner.start();
  const breadcrumbs = new Breadcrumbs(sql, config.breadcrumbsPerDriver);
  const proofRecords = new ProofRecords(sql);
  const proofs = new ProofStore(path.join(config.dataDir, 'proofs'), proofRecords, {
    perOrder: config.proofsPerOrder,
    bytesPerOrder: config.proofBytesPerOrder,
  });
  const retention = new RetentionSweeper({
    breadcrumbs,
    proofRecords,
    proofs,
    clock,
    log,
    breadcrumbRetentionMs: config.breadcrumbRetentionMs,
    proofRetentionMs: config.proofRetentionMs,
    sweepEveryMs: config.retentionSweepMs,
  });
  retention.start();
  const menuPhotos = new MenuPhotoStore(path.join(config.dataDir, 'menu-photos'));

  // One budget per address for tracking-token lookups, over HTTP and sockets alike.
  const trackLookups = new RateLimiter(limits, 'track-lookups', config.trackLookupsPerMinute, 60_000);
  const startedAt = Date.now();
  const app = new Hono();
  app.onError(errorHandler(log, (failure) => storage.noticed(failure)));
  app.use('*', httpMetrics(telemetry.metrics));
  app.use('*', securityHeaders({ tileSource: config.mapTileSource, firebasePush: config.firebasePush, trustProxy: config.trustProxy }));
  // A cap for every route, so one added without its own limit is still bounded; proof and menu photos have theirs.
  app.use('*', except([PROOF_UPLOAD, MENU_PHOTO_UPLOAD], limitBody(BODY_LIMITS.fallback)));
  app.route(
    '/healthz',
    healthRoutes({
      storage,
      startedAt,
      loadedDocs: () => registry.size,
      docsWithGaps: () => registry.withGaps(),
      connections: () => sync?.connections.size ?? 0,
      presence: () => presence.status(),
      limits: () => limits.status(),
    }),
  );
  app.route('/api/auth', authRoutes(users, tokens, config.login, limits, demoLogins));
  app.route('/api/outlets', catalogRoutes(outlets, registry));
  app.route(
    '/api/orders',
    orderRoutes({ registry, orders, tokens, afterPlaced: (view) => projections.placed(view) }, config.ordersPerMinute, limits),
  );
  app.route('/api/orders', orderHistoryRoutes(new OrderHistory(sql), tokens));
  app.route('/api/orders', proofRoutes({ tokens, orders, proofs, clock }));
  app.route('/api/track', trackRoutes(orders, registry, trackLookups));
  app.route('/api/track', trackPushRoutes(orders, pushTokens, trackLookups));
  app.route('/api/devices', deviceRoutes(tokens, pushTokens));
  app.route('/api/sync', pullRoutes({ tokens, registry, orders, trackLookups }));
  app.route(
    '/api/driver',
    driverRoutes({
      tokens,
      drivers,
      driverOrders,
      dispatcher,
      clock,
      presence,
      breadcrumbs,
      moved: async (driverId) => {
        await trackPositions.driverMoved(driverId);
        dispatcher.kick();
      },
    }),
  );
  app.route('/api/presence', presenceRoutes(presence, tokens));
  const core = { sql, log, users, drivers, outlets, registry, accounts, driverOrders, presence, tokens, clock };
  app.route(
    '/api/admin',
    adminApi({ ...core, sql, metrics: telemetry.metrics, metricSources: telemetry.sources, startedAt, dispatcher, menuPhotos }),
  );
  app.all('/api/*', () => {
    throw notFound('This endpoint');
  });
  app.route('/metrics', metricsRoutes(telemetry.metrics, config.metricsToken));
  app.route('/media', mediaRoutes(menuPhotos));
  app.route('/', deliveryRoutes({ ...core, serviceToken: config.serviceToken, dispatcher }));
  app.route('/', staticRoutes(config.staticDir));

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
  });
  sync = attachSync(
    server,
    tokens,
    { registry, orders, log, trackLookups },
    config.keepaliveMs,
    new RateLimiter(limits, 'anonymous-sockets', config.anonymousSocketsPerMinute, 60_000),
    accounts,
    {
      // A driver whose app connects may be whom a waiting delivery needs (offers skip unreachable drivers).
      connect: (socket) => {
        const handle = presence.connect(socket);
        if (socket.role === 'driver') dispatcher.kick();
        return handle;
      },
      reportUnsynced: (device, oldestAgeMs) => presence.reportUnsynced(device, oldestAgeMs),
    },
  );
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info('listening', { url, dataDir: config.dataDir });

  let closing: Promise<void> | null = null;
  return {
    port,
    url,
    sql,
    log,
    accounts,
    presence,
    close: () =>
      (closing ??= (async () => {
        backgroundWork.abort();
        await sync.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        trackPositions.close();
        await outletWatch.close();
        await pruner.close();
        await retention.close();
        await dispatcher.close();
        await wake.close();
        await presence.close();
        await limits.close();
        await registry.closeAll();
        await fanout.close();
        await opened.close();
      })()),
  };
}
