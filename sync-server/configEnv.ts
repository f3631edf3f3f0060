import { z } from 'zod';
import { DEFAULT_TILE_URL } from '../shared/map/tiles';
import { tileSource } from './routes/contentSecurityPolicy';
import { MIN_JWT_SECRET_LENGTH } from './auth/tokens';
import { MAX_TRUSTED_PROXY_HOPS } from './limits/clientAddress';
import { fcmEnvSchema } from './wake/fcmConfig';
import { paymentEnvSchema } from './payments/paymentConfig';
import { webhookEnvSchema } from './outbox/webhookConfig';

const DAY_MS = 24 * 3_600_000;

/** The environment the server reads, parsed and defaulted; loadConfig (config.ts) turns it into a Config. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Loopback by default: serving the network (0.0.0.0, ::, a LAN address) is a choice (see demoExposure.ts). */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DABBA_DEMO: z.enum(['0', '1']).default('1'),
  DABBA_DEMO_PUBLIC: z.enum(['0', '1']).default('0'),
  DABBA_LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  DABBA_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  DABBA_LOGIN_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(15 * 60_000),
  DABBA_LOGIN_HASHES_PER_ADDRESS: z.coerce.number().int().min(1).default(4),
  DABBA_LOGIN_HASHES: z.coerce.number().int().min(1).default(8),
  JWT_SECRET: z.string().min(MIN_JWT_SECRET_LENGTH, `JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters`).optional(),
  /** `normal` survives a killed process (WAL); `full` also survives power loss, at a cost per commit. */
  DABBA_SQLITE_SYNC: z.enum(['normal', 'full']).default('normal'),
  DABBA_DOC_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  DABBA_COMPACT_EVERY: z.coerce.number().int().min(1).default(500),
  DABBA_STATIC_DIR: z.string().default('dist'),
  DABBA_INBOX_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 3_600_000),
  DABBA_INBOX_SWEEP_MS: z.coerce.number().int().min(100).default(3_600_000),
  DABBA_KEEPALIVE_MS: z.coerce.number().int().min(100).default(30_000),
  DABBA_ORDERS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  DABBA_OFFER_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  DABBA_DISPATCH_RETRY_MS: z.coerce.number().int().min(100).default(30_000),
  /** Several nodes: the dispatch leader's lease; another node takes over within about this long after it dies. */
  DABBA_DISPATCH_LEASE_MS: z.coerce.number().int().min(300).max(60_000).default(3_000),
  DABBA_OUTLET_OFFLINE_PAUSE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60_000),
  DABBA_UNANSWERED_ESCALATE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(3 * 60_000),
  DABBA_UNANSWERED_ALERT_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(6 * 60_000),
  DABBA_OUTLET_WATCH_MS: z.coerce.number().int().min(100).default(15_000),
  DABBA_OFFER_ASLEEP_MS: z.coerce.number().int().min(100).default(30_000),
  DABBA_DRIVER_STALE_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(10 * 60_000),
  DABBA_SERVICE_TOKEN: z.string().min(32, 'DABBA_SERVICE_TOKEN must be at least 32 characters').optional(),
  /** Lets Prometheus scrape /metrics from other machines; without it /metrics answers this machine only. */
  DABBA_METRICS_TOKEN: z.string().min(16, 'DABBA_METRICS_TOKEN must be at least 16 characters').optional(),
  DABBA_TRACK_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  DABBA_ANONYMOUS_SOCKETS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  DABBA_PROOFS_PER_ORDER: z.coerce.number().int().min(1).default(5),
  DABBA_PROOF_BYTES_PER_ORDER: z.coerce
    .number()
    .int()
    .min(1)
    .default(15 * 1024 * 1024),
  DABBA_PROOF_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(90 * DAY_MS),
  DABBA_BREADCRUMBS_PER_DRIVER: z.coerce.number().int().min(1).default(5_000),
  DABBA_BREADCRUMB_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(7 * DAY_MS),
  DABBA_RETENTION_SWEEP_MS: z.coerce.number().int().min(100).default(3_600_000),
  /** From SIGTERM to exit at most; past it the process exits 1 with whatever did not finish. */
  DABBA_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(10_000),
  /** How long a draining node keeps serving its open sockets so a load balancer can take it out first. */
  DABBA_DRAIN_NOTICE_MS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  /** The tile URL template the apps were built with (vite reads the same variable); '' for no tiles. */
  VITE_MAP_TILE_URL: z
    .string()
    .default(DEFAULT_TILE_URL)
    .transform((url, ctx) => {
      try {
        return tileSource(url);
      } catch (err: unknown) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    }),
  DABBA_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** With DABBA_TRUST_PROXY=1: how many proxies in a row append to X-Forwarded-For (HAProxy alone: 1). */
  DABBA_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(MAX_TRUSTED_PROXY_HOPS).default(1),
  /** Storage in PostgreSQL (several nodes share it); the SQLite file in DATA_DIR when absent. */
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Presence (and what else is shared between nodes) in Redis; this process's memory when absent. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  /** Starts every key Dabba writes to Redis, so several deployments (or parallel tests) can share one. */
  DABBA_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits, _ . : or -')
    .default('dabba:'),
  /** How long a device stays listed after its node stopped vouching for it; refreshed every third of it. */
  DABBA_PRESENCE_TTL_MS: z.coerce.number().int().min(300).default(30_000),
  /** How this process names itself in presence; unique per node sharing one Redis. */
  DABBA_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1–100 letters, digits, _ . : or -')
    .optional(),
  ...fcmEnvSchema.shape,
  ...webhookEnvSchema.shape,
  ...paymentEnvSchema.shape,
  /** The web Firebase config the apps were built with (vite reads the same variables); set: push tokens may be fetched. */
  VITE_FIREBASE_API_KEY: z.string().trim().default(''),
});
