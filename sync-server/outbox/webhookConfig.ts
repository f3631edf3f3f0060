import { z } from 'zod';
import type { RetryPolicy } from './backoff';

const DAY_MS = 24 * 3_600_000;

/** The environment variables of events out (README, Configuration); config.ts spreads them into its schema. */
export const webhookEnvSchema = z.object({
  DABBA_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  DABBA_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(10_000),
  DABBA_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  DABBA_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  DABBA_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  DABBA_WEBHOOKS_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  DABBA_EVENTS_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(60_000)
    .default(7 * DAY_MS),
});

export interface WebhookSettings {
  readonly retry: RetryPolicy;
  /** How long one POST may take, answer included. */
  readonly timeoutMs: number;
  /** How often the worker looks for work it was not woken for (other nodes' commits, retries coming due). */
  readonly pollMs: number;
  /** Webhooks may point at loopback and private addresses (tests, a receiver on the same network). */
  readonly allowPrivate: boolean;
  /** Delivered and dead-lettered deliveries, and outbox entries nothing waits for, go after this long. */
  readonly retentionMs: number;
}

export function webhookSettingsOf(e: z.infer<typeof webhookEnvSchema>): WebhookSettings {
  return {
    retry: {
      maxAttempts: e.DABBA_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: e.DABBA_WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: Math.max(e.DABBA_WEBHOOK_RETRY_BASE_MS, e.DABBA_WEBHOOK_RETRY_MAX_MS),
    },
    timeoutMs: e.DABBA_WEBHOOK_TIMEOUT_MS,
    pollMs: e.DABBA_WEBHOOK_POLL_MS,
    allowPrivate: e.DABBA_WEBHOOKS_ALLOW_PRIVATE === '1',
    retentionMs: e.DABBA_EVENTS_RETENTION_MS,
  };
}
