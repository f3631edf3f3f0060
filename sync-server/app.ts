import type { OrderId } from '../shared/ids';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { AccountControl } from './auth/accountControl';
import { cashMismatchAlerts } from './cash/cashMismatchAlerts';
import { resolveJwtSecret, TokenService } from './auth/tokens';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { openDispatch } from './dispatch/openDispatch';
import { driverLedger } from './dispatch/driverLedger';
import { openFanout } from './fanout/openFanout';
import { openEventsOut } from './outbox/openEventsOut';
import type { ResolveHost } from './outbox/privateAddress';
import { storageIdentity } from './storage/storageIdentity';
import { createLogger, type Logger } from './log';
import { startBackgroundWork } from './lifecycle/backgroundWork';
import { DrainState } from './lifecycle/drain';
import { MenuPhotoStore } from './menuPhotos/menuPhotoStore';
import { startMetrics } from './metrics/startMetrics';
import { orderProjections } from './projections/orderProjections';
import { orderTimingsProjection } from './projections/orderTimingsProjection';
import { outletDirectory } from './projections/outletDirectory';
import { trackDrivers } from './projections/trackDrivers';
import { TrackPositions } from './projections/trackPositions';
import { OutletNotices } from './outletWatch/outletNotices';
import { openPresence } from './presence/openPresence';
import type { Presence } from './presence/presence';
import { ProofStore } from './proofs/proofStore';
import { mountRoutes } from './routes/mountRoutes';
import { openPayments } from './payments/openPayments';
import { openLimiterStore } from './limits/openLimiterStore';
import { RateLimiter } from './limits/rateLimit';
import { demoLoginsAllowed } from './seed/demoExposure';
import { guardDemoAccounts } from './seed/guardDemoAccounts';
import { seedDemo } from './seed/seedDemo';
import { Breadcrumbs } from './storage/breadcrumbs';
import { openSqlStorage, sqlTargetOf } from './storage/sql/open';
import type { Database } from './storage/sql/schema';
import { DriverOrders } from './storage/driverOrders';
import { DriverRepo } from './storage/drivers';
import { DocStore } from './storage/docStore';
import { OrderIndex } from './storage/orderIndex';
import { OrderTimingsIndex } from './storage/orderTimingsIndex';
import { OutletRepo } from './storage/outletRepo';
import { ProofRecords } from './storage/proofRecords';
import { ensurePrivateDir } from './storage/privateFiles';
import { PushTokens } from './storage/pushTokens';
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
  /** Resolves once every document hook started so far has finished: projections run, wake-ups queued. */
  hooksSettled(): Promise<void>;
  /**
   * Graceful stop (the drain): /healthz answers 503 and new requests and sockets are refused at once; after
   * DABBA_DRAIN_NOTICE_MS every socket is closed with SHUTTING_DOWN, queued writes and hooks settle,
   * documents are compacted and the database closed.
   */
  close(): Promise<void>;
}

/** What a test may pass instead of the real thing. */
export interface ServerOverrides {
  /** The clock of the server's timed decisions (dispatch offers, the outlet watch). */
  readonly clock?: Clock;
  /** Sends wake-ups instead of the configured one (tests record them). */
  readonly waker?: Waker;
  /** Resolves webhook host names instead of the system (tests point a name at loopback, or move it). */
  readonly resolveHost?: ResolveHost;
}

/** Wires storage, sync and routes into one server listening on config.port (0 = any free port). */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<DabbaServer> {
  const log = createLogger(config.logLevel);
  // Doorstep photos live in DATA_DIR whatever the storage: an older install's readable DATA_DIR is tightened on PostgreSQL too.
  ensurePrivateDir(config.dataDir);
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
  const fanout = openFanout(config, await storageIdentity(sql), log);
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
    : await startWaker(config.fcm, config.wakeCoalesceMs, { tokens: pushTokens, presence, clock, log, sent: telemetry.metrics.wakeSent });
  const waker = wake.waker;
  const notices = new OutletNotices();
  const projections = orderProjections(registry, orders, log, trackDrivers(users, drivers, presence), (orderId) => notices.of(orderId));
  // Tracking pages are re-projected when something outside the order changes (a notice, a driver's move).
  const refreshTrackFor = (why: string) => (orderId: OrderId) => {
    projections.refreshTrack(orderId).catch((err: unknown) => log.error(`projection failed: ${why}`, { error: String(err) }));
  };
  notices.onChange(refreshTrackFor('outlet notice'));
  const openedDispatch = await openDispatch(config, {
    sql,
    registry,
    orders,
    drivers,
    driverOrders,
    presence,
    clock,
    log,
    offerTimeoutMs: config.offerTimeoutMs,
    offerAsleepMs: config.offerAsleepMs,
    driverStaleMs: config.driverStaleMs,
    waker,
    retryMs: config.dispatchRetryMs,
  });
  const dispatcher = openedDispatch.dispatch;
  // Order matters: the index and inboxes first, then the fair-queue ledger, then dispatch, which reads both.
  for (const hooks of [projections, orderTimingsProjection(timings), outletDirectory(outlets), driverLedger(drivers), dispatcher])
    registry.use(hooks);
  registry.use(orderWakes({ orders, marks: new WakeMarks(sql), pushTokens, waker }));
  registry.use(cashMismatchAlerts({ registry, users, outlets, waker, clock, log }));
  // Before any order commit (the demo seed's included): the outbox is written in every commit's transaction.
  const eventsOut = openEventsOut({ config, sql, clock, log, duties: dispatcher.duties, resolveHost: overrides.resolveHost });
  registry.use(eventsOut.hooks);
  registry.use({ storageFailed: (_doc, err) => storage.noticeError(err) });
  const trackPositions = new TrackPositions(driverOrders, refreshTrackFor('driver position'), projections.driverPositioned, clock);

  const seeded = config.demo && (await seedDemo({ sql, users, outlets, drivers, registry }));
  if (seeded) log.info('seeded the demo outlet and accounts');
  const demoLogins = demoLoginsAllowed(config);
  await guardDemoAccounts(config, users, demoLogins);
  await dispatcher.start();
  const breadcrumbs = new Breadcrumbs(sql, config.breadcrumbsPerDriver);
  const proofRecords = new ProofRecords(sql);
  const proofs = new ProofStore(path.join(config.dataDir, 'proofs'), proofRecords, {
    perOrder: config.proofsPerOrder,
    bytesPerOrder: config.proofBytesPerOrder,
  });
  const background = startBackgroundWork({
    config,
    sql,
    log,
    clock,
    registry,
    docStore,
    orders,
    outlets,
    timings,
    presence,
    waker,
    notices,
    breadcrumbs,
    proofRecords,
    proofs,
    refreshTrack: projections.refreshTrack,
    duties: dispatcher.duties,
  });
  const menuPhotos = new MenuPhotoStore(path.join(config.dataDir, 'menu-photos'));

  // One budget per address for tracking-token lookups, over HTTP and sockets alike.
  const trackLookups = new RateLimiter(limits, 'track-lookups', config.trackLookupsPerMinute, 60_000);
  const drain = new DrainState();
  const payments = await openPayments(config, { registry, orders, clock, log, duties: dispatcher.duties });
  const app = mountRoutes({
    config,
    log,
    sql,
    storage,
    telemetry,
    limits,
    registry,
    presence,
    fanout,
    users,
    tokens,
    accounts,
    demoLogins,
    outlets,
    orders,
    pushTokens,
    drivers,
    driverOrders,
    dispatcher,
    clock,
    breadcrumbs,
    proofs,
    menuPhotos,
    trackLookups,
    trackPositions,
    placed: (view) => projections.placed(view),
    payments,
    startedAt: Date.now(),
    connections: () => sync?.connections.size ?? 0,
    drain,
    eventsOut,
  });

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
  });
  sync = attachSync(
    server,
    tokens,
    { registry, orders, log, trackLookups },
    config.keepaliveMs,
    new RateLimiter(limits, 'anonymous-sockets', config.anonymousSocketsPerMinute, 60_000),
    config.trustedProxyHops,
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
    hooksSettled: () => registry.hooksSettled(),
    close: () =>
      (closing ??= (async () => {
        drain.begin();
        sync.stopAccepting();
        // Open sockets are still served while a load balancer sees the 503 and stops sending anything here,
        // so the devices closed next reconnect straight to another node.
        if (config.drainNoticeMs > 0) await sleep(config.drainNoticeMs);
        background.abort();
        await sync.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        trackPositions.close();
        // Dispatch stops with the periodic services it leads (see LeaderDuties).
        await openedDispatch.close();
        await wake.close();
        await presence.close();
        await limits.close();
        await registry.closeAll();
        await fanout.close();
        await opened.close();
      })()),
  };
}
