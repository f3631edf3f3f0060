import type { Kysely } from 'kysely';
import { Hono } from 'hono';
import { except } from 'hono/combine';
import { MENU_PHOTO_UPLOAD } from '../../shared/api/menuPhotos';
import type { OrderView } from '../../shared/order/orderDoc';
import type { AccountControl } from '../auth/accountControl';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { DispatchPort } from '../dispatch/dispatchPort';
import { errorHandler, notFound } from '../errors';
import { drainGate, type DrainState } from '../lifecycle/drain';
import type { LimiterStore } from '../limits/limiterStore';
import type { RateLimiter } from '../limits/rateLimit';
import type { Logger } from '../log';
import type { PaymentProvider } from '../payments/paymentProvider';
import type { MenuPhotoStore } from '../menuPhotos/menuPhotoStore';
import { httpMetrics } from '../metrics/httpMetrics';
import type { MetricSources, ServerMetrics } from '../metrics/serverMetrics';
import type { Presence } from '../presence/presence';
import type { TrackPositions } from '../projections/trackPositions';
import type { ProofStore } from '../proofs/proofStore';
import type { Breadcrumbs } from '../storage/breadcrumbs';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRepo } from '../storage/drivers';
import { OrderHistory } from '../storage/orderHistory';
import type { OrderIndex } from '../storage/orderIndex';
import type { OutletRepo } from '../storage/outletRepo';
import type { PushTokens } from '../storage/pushTokens';
import type { Database } from '../storage/sql/schema';
import type { StorageHealth } from '../storage/storageHealth';
import type { UserRepo } from '../storage/users';
import type { DocRegistry } from '../sync/docRegistry';
import type { EventsOut } from '../outbox/openEventsOut';
import { adminApi } from './adminApi';
import { authRoutes } from './auth';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { catalogRoutes } from './catalog';
import { clientAddresses } from './clientAddress';
import { deliveryRoutes } from './delivery';
import { deviceRoutes } from './devices';
import { driverRoutes } from './driver';
import type { Fanout } from '../fanout/fanout';
import { healthRoutes } from './health';
import { mediaRoutes } from './media';
import { metricsRoutes } from './metrics';
import { orderHistoryRoutes } from './orderHistory';
import { orderRoutes } from './orders';
import { presenceRoutes } from './presence';
import { PROOF_UPLOAD, proofRoutes } from './proofs';
import { pullRoutes } from './pull';
import { paymentRoutes } from './payments';
import { refundRoutes } from './refunds';
import { Refunds } from '../payments/refunds';
import { securityHeaders } from './securityHeaders';
import { staticRoutes } from './static';
import { trackRoutes } from './track';
import { trackCancelRoutes } from './trackCancel';
import { trackPushRoutes } from './trackPush';

/** The server's parts the HTTP routes read; app.ts builds them once. */
export interface RouteParts {
  readonly config: Config;
  readonly log: Logger;
  readonly sql: Kysely<Database>;
  readonly storage: StorageHealth;
  readonly telemetry: { readonly metrics: ServerMetrics; readonly sources: MetricSources };
  readonly limits: LimiterStore;
  readonly registry: DocRegistry;
  readonly presence: Presence;
  readonly fanout: Fanout;
  readonly users: UserRepo;
  readonly tokens: TokenService;
  readonly accounts: AccountControl;
  readonly demoLogins: boolean;
  readonly outlets: OutletRepo;
  readonly orders: OrderIndex;
  readonly pushTokens: PushTokens;
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly dispatcher: DispatchPort;
  readonly clock: Clock;
  readonly breadcrumbs: Breadcrumbs;
  readonly proofs: ProofStore;
  readonly menuPhotos: MenuPhotoStore;
  readonly trackLookups: RateLimiter;
  readonly trackPositions: TrackPositions;
  /** Writes the inboxes and tracking projection of an order just placed. */
  readonly placed: (view: OrderView) => Promise<void>;
  readonly startedAt: number;
  /** Open sync sockets; zero until the socket server is attached. */
  readonly connections: () => number;
  readonly drain: DrainState;
  readonly eventsOut: EventsOut;
  /** The card payment provider; null: cash only. */
  readonly payments: PaymentProvider | null;
}

/** Every HTTP route of the server, behind its metrics, security headers, drain gate and body cap, with one `onError`. */
export function mountRoutes(p: RouteParts): Hono {
  const { config, log, sql, storage, telemetry, limits, registry, presence, users, tokens, clock } = p;
  const { outlets, orders, drivers, driverOrders, dispatcher, trackLookups, menuPhotos } = p;
  const app = new Hono();
  app.onError(errorHandler(log, (failure) => storage.noticed(failure)));
  app.use('*', httpMetrics(telemetry.metrics));
  // Before any route: every per-address budget keys on it.
  app.use('*', clientAddresses(config.trustedProxyHops));
  app.use('*', securityHeaders({ tileSource: config.mapTileSource, firebasePush: config.firebasePush, trustProxy: config.trustProxy }));
  // /healthz keeps answering while draining: its 503 is what takes the node out of a load balancer.
  app.use('*', except('/healthz', drainGate(p.drain)));
  // A cap for every route, so one added without its own limit is still bounded; proof and menu photos have theirs.
  app.use('*', except([PROOF_UPLOAD, MENU_PHOTO_UPLOAD], limitBody(BODY_LIMITS.fallback)));
  app.route(
    '/healthz',
    healthRoutes({
      storage,
      startedAt: p.startedAt,
      loadedDocs: () => registry.size,
      docsWithGaps: () => registry.withGaps(),
      connections: p.connections,
      presence: () => presence.status(),
      limits: () => limits.status(),
      fanout: () => p.fanout.status(),
      dispatch: () => (dispatcher.leading ? 'leader' : 'follower'),
      draining: () => p.drain.isDraining(),
    }),
  );
  app.route('/api/auth', authRoutes(users, tokens, config.login, limits, p.demoLogins));
  app.route('/api/outlets', catalogRoutes(outlets, registry));
  app.route(
    '/api/orders',
    orderRoutes({ registry, orders, tokens, afterPlaced: p.placed, payments: p.payments, log }, config.ordersPerMinute, limits),
  );
  app.route('/api/payments', paymentRoutes({ registry, payments: p.payments, log }));
  app.route('/api/orders', refundRoutes(tokens, new Refunds({ registry, payments: p.payments, log })));
  app.route('/api/orders', orderHistoryRoutes(new OrderHistory(sql), tokens));
  app.route('/api/orders', proofRoutes({ tokens, orders, proofs: p.proofs, clock }));
  app.route('/api/track', trackRoutes(orders, registry, trackLookups));
  app.route('/api/track', trackPushRoutes(orders, p.pushTokens, trackLookups));
  app.route('/api/track', trackCancelRoutes({ orders, registry, lookups: trackLookups, clock }));
  app.route('/api/devices', deviceRoutes(tokens, p.pushTokens));
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
      breadcrumbs: p.breadcrumbs,
      moved: async (driverId) => {
        await p.trackPositions.driverMoved(driverId);
        dispatcher.kick();
      },
    }),
  );
  app.route('/api/presence', presenceRoutes(presence, tokens));
  const core = { sql, log, users, drivers, outlets, registry, accounts: p.accounts, driverOrders, presence, tokens, clock };
  app.route(
    '/api/admin',
    adminApi({
      ...core,
      sql,
      metrics: telemetry.metrics,
      metricSources: telemetry.sources,
      startedAt: p.startedAt,
      dispatcher,
      menuPhotos,
      eventsOut: p.eventsOut,
      allowPrivateWebhooks: config.webhooks.allowPrivate,
    }),
  );
  app.all('/api/*', () => {
    throw notFound('This endpoint');
  });
  app.route('/metrics', metricsRoutes(telemetry.metrics, config.metricsToken));
  app.route('/media', mediaRoutes(menuPhotos));
  app.route('/', deliveryRoutes({ ...core, serviceToken: config.serviceToken, dispatcher }));
  app.route('/', staticRoutes(config.staticDir));
  return app;
}
