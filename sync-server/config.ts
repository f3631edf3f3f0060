import os from 'node:os';
import path from 'node:path';
import type { LoginLimits } from './auth/loginThrottle';
import type { WatchLimits } from './outletWatch/watchPlan';
import { fcmSettingsOf, type FcmSettings } from './wake/fcmConfig';
import { stripeSettingsOf, type StripeSettings } from './payments/paymentConfig';
import { webhookSettingsOf, type WebhookSettings } from './outbox/webhookConfig';
import { envSchema } from './configEnv';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly demo: boolean;
  /** Demo-password logins also when HOST is not loopback; off unless asked for. */
  readonly demoPublic: boolean;
  readonly jwtSecret: string | null;
  /** Sign-in throttling per client address and per (address, account), and the password hashing one address may cause. */
  readonly login: LoginLimits;
  readonly sqliteSync: 'normal' | 'full';
  readonly docIdleMs: number;
  /** Updates appended to a document's log before it is folded into a snapshot. */
  readonly compactEvery: number;
  readonly staticDir: string;
  readonly ordersPerMinute: number;
  readonly keepaliveMs: number;
  readonly inboxRetentionMs: number;
  readonly inboxSweepMs: number;
  /** How long a driver has to answer an offer before it moves on. */
  readonly offerTimeoutMs: number;
  /** How often dispatch asks again for deliveries no driver could be offered. */
  readonly dispatchRetryMs: number;
  readonly dispatchLeaseMs: number;
  /** Outlet offline vs slow (see sync-server/outletWatch/watchPlan.ts), and how often the watch looks. */
  readonly outletWatch: WatchLimits & { readonly checkEveryMs: number };
  /** The first window of an offer to a driver whose app is not connected (woken by a push); extended if it connects. */
  readonly offerAsleepMs: number;
  /** A driver with no live socket and no position measured within this is not offered orders. */
  readonly driverStaleMs: number;
  /** A bearer token other systems use for the delivery API instead of an admin sign-in; null: admins only. */
  readonly serviceToken: string | null;
  /** The bearer token for /metrics off loopback; null: /metrics answers this machine only. */
  readonly metricsToken: string | null;
  /** Tracking-link lookups per client address per minute: every `GET /api/track/<token>`, and unknown tokens asked for over sockets. */
  readonly trackLookupsPerMinute: number;
  /** Sockets without a token (tracking pages) one address may open per minute. */
  readonly anonymousSocketsPerMinute: number;
  /** Proof photos one order may hold, and their bytes together. */
  readonly proofsPerOrder: number;
  readonly proofBytesPerOrder: number;
  /** Proof photos of an order are deleted this long after it finished. */
  readonly proofRetentionMs: number;
  /** Breadcrumbs kept per driver (the newest by device time), and how long any is kept. */
  readonly breadcrumbsPerDriver: number;
  readonly breadcrumbRetentionMs: number;
  /** How often breadcrumbs and proofs past their retention are deleted. */
  readonly retentionSweepMs: number;
  /** A stop (SIGTERM, SIGINT) ends the process within this, exiting 1 if the drain did not finish. */
  readonly drainTimeoutMs: number;
  /** While draining, /healthz says so and new requests are refused this long before open sockets are closed. */
  readonly drainNoticeMs: number;
  readonly logLevel: 'silent' | 'error' | 'info';
  /** The Content-Security-Policy source of the map tile host, or null (no tiles, or same origin). */
  readonly mapTileSource: string | null;
  /** A proxy in front terminates TLS and sets X-Forwarded-Proto, which is then believed (for HSTS). */
  readonly trustProxy: boolean;
  /**
   * The client address of a request is the X-Forwarded-For entry this many proxies from the right
   * (DABBA_TRUSTED_PROXY_HOPS); 0 without DABBA_TRUST_PROXY, when the header is ignored and the TCP peer is it.
   */
  readonly trustedProxyHops: number;
  /** PostgreSQL storage; null for the embedded SQLite file in dataDir. */
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly redisPrefix: string;
  /** Presence entries in Redis expire this long after the last heartbeat (a killed node's go by themselves). */
  readonly presenceTtlMs: number;
  /** This process's name in presence (which node holds a socket). */
  readonly nodeId: string;
  /** How wake-ups reach Firebase Cloud Messaging; null: wake-ups are off. */
  readonly fcm: FcmSettings | null;
  /** Wake-ups for one device within this many ms go out as one message. */
  readonly wakeCoalesceMs: number;
  /** The apps were built with a Firebase web config: their CSP lets them fetch push tokens. */
  readonly firebasePush: boolean;
  /** Events out: webhook retries, timeouts, which addresses they may reach, how long sent events are kept. */
  readonly webhooks: WebhookSettings;
  /** Card payments through Stripe; null (no keys): cash only. */
  readonly stripe: StripeSettings | null;
  /** How often the leader gives up card orders whose checkout lapsed unnoticed (payments/checkoutExpiry.ts). */
  readonly checkoutSweepMs: number;
}

const invalid = (lines: readonly string[]): Error => new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);

/** Reads the environment once at start; a bad value stops the server with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const fcm = fcmSettingsOf(e);
  if (!fcm.ok) throw invalid([`${fcm.error.code}: ${fcm.error.message}`]);
  // Nodes sharing PostgreSQL must sign and check tokens with one secret; one generated into each node's
  // DATA_DIR would make every node refuse the others' sign-ins.
  if (e.DATABASE_URL !== undefined && e.JWT_SECRET === undefined) {
    throw invalid(['JWT_SECRET: required with DATABASE_URL, so that every node sharing the database accepts the same sign-ins']);
  }
  // The notice is spent before the sockets close and storage flushes: those need time left within the bound.
  if (e.DABBA_DRAIN_NOTICE_MS >= e.DABBA_DRAIN_TIMEOUT_MS) {
    throw invalid(['DABBA_DRAIN_NOTICE_MS: must be shorter than DABBA_DRAIN_TIMEOUT_MS, which bounds the whole drain']);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    demo: e.DABBA_DEMO === '1',
    demoPublic: e.DABBA_DEMO_PUBLIC === '1',
    jwtSecret: e.JWT_SECRET ?? null,
    login: {
      failuresPerAddress: e.DABBA_LOGIN_FAILURES_PER_ADDRESS,
      failuresPerAccount: e.DABBA_LOGIN_FAILURES_PER_ACCOUNT,
      windowMs: e.DABBA_LOGIN_WINDOW_MS,
      hashesPerAddress: e.DABBA_LOGIN_HASHES_PER_ADDRESS,
      hashesInFlight: e.DABBA_LOGIN_HASHES,
    },
    sqliteSync: e.DABBA_SQLITE_SYNC,
    docIdleMs: e.DABBA_DOC_IDLE_MS,
    compactEvery: e.DABBA_COMPACT_EVERY,
    staticDir: path.resolve(e.DABBA_STATIC_DIR),
    ordersPerMinute: e.DABBA_ORDERS_PER_MINUTE,
    keepaliveMs: e.DABBA_KEEPALIVE_MS,
    inboxRetentionMs: e.DABBA_INBOX_RETENTION_MS,
    inboxSweepMs: e.DABBA_INBOX_SWEEP_MS,
    offerTimeoutMs: e.DABBA_OFFER_TIMEOUT_MS,
    dispatchRetryMs: e.DABBA_DISPATCH_RETRY_MS,
    dispatchLeaseMs: e.DABBA_DISPATCH_LEASE_MS,
    outletWatch: {
      offlinePauseMs: e.DABBA_OUTLET_OFFLINE_PAUSE_MS,
      escalateMs: e.DABBA_UNANSWERED_ESCALATE_MS,
      alertMs: e.DABBA_UNANSWERED_ALERT_MS,
      checkEveryMs: e.DABBA_OUTLET_WATCH_MS,
    },
    offerAsleepMs: e.DABBA_OFFER_ASLEEP_MS,
    driverStaleMs: e.DABBA_DRIVER_STALE_MS,
    serviceToken: e.DABBA_SERVICE_TOKEN ?? null,
    metricsToken: e.DABBA_METRICS_TOKEN ?? null,
    trackLookupsPerMinute: e.DABBA_TRACK_LOOKUPS_PER_MINUTE,
    anonymousSocketsPerMinute: e.DABBA_ANONYMOUS_SOCKETS_PER_MINUTE,
    proofsPerOrder: e.DABBA_PROOFS_PER_ORDER,
    proofBytesPerOrder: e.DABBA_PROOF_BYTES_PER_ORDER,
    proofRetentionMs: e.DABBA_PROOF_RETENTION_MS,
    breadcrumbsPerDriver: e.DABBA_BREADCRUMBS_PER_DRIVER,
    breadcrumbRetentionMs: e.DABBA_BREADCRUMB_RETENTION_MS,
    retentionSweepMs: e.DABBA_RETENTION_SWEEP_MS,
    drainTimeoutMs: e.DABBA_DRAIN_TIMEOUT_MS,
    drainNoticeMs: e.DABBA_DRAIN_NOTICE_MS,
    logLevel: e.LOG_LEVEL,
    mapTileSource: e.VITE_MAP_TILE_URL,
    trustProxy: e.DABBA_TRUST_PROXY === '1',
    trustedProxyHops: e.DABBA_TRUST_PROXY === '1' ? e.DABBA_TRUSTED_PROXY_HOPS : 0,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.DABBA_REDIS_PREFIX,
    presenceTtlMs: e.DABBA_PRESENCE_TTL_MS,
    nodeId: e.DABBA_NODE_ID ?? defaultNodeId(),
    fcm: fcm.value,
    wakeCoalesceMs: e.DABBA_WAKE_COALESCE_MS,
    firebasePush: e.VITE_FIREBASE_API_KEY !== '',
    webhooks: webhookSettingsOf(e),
    stripe: stripeSettingsOf(e),
    checkoutSweepMs: e.DABBA_CHECKOUT_SWEEP_MS,
  };
}

/** The host and process: distinct for every node, and the same for one process however often it is asked. */
function defaultNodeId(): string {
  const host =
    os
      .hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '-')
      .slice(0, 80) || 'node';
  return `${host}-${process.pid}`;
}
