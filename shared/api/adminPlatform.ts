import { z } from 'zod';
import { ROLES } from '../roles';
import { PRESENCE_APPS } from './presence';

/**
 * `GET /api/admin/platform` (admin): the platform's health as the admin app shows it, the same numbers
 * `GET /metrics` exports for Prometheus. Counters count since this node started (`startedAt`); poll
 * twice to get a rate.
 */
export const platformSchema = z.object({
  /** Server epoch ms of this reading, and of this node's start. */
  at: z.number(),
  startedAt: z.number(),
  /** The node (process) answering; with Redis, devices are counted across every node. */
  node: z.string(),
  /** `degraded`: Redis is unreachable, only this node's devices are counted. */
  presence: z.enum(['ok', 'degraded']),
  devices: z.array(z.object({ role: z.enum(ROLES), app: z.enum(PRESENCE_APPS), count: z.number().int() })),
  /** Documents this node holds in memory now. */
  documentsLoaded: z.number().int(),
  /** Delivery orders accepted by their outlet and waiting for a driver. */
  dispatchQueue: z.number().int(),
  /** Device updates and server changes committed (checked, stored, relayed) on this node. */
  commits: z.object({
    count: z.number().int(),
    avgMs: z.number().nullable(),
    /** Cumulative: commits that took at most `leMs`. */
    buckets: z.array(z.object({ leMs: z.number(), count: z.number().int() })),
  }),
  /** Wake-up pushes sent to FCM: accepted, and attempts that failed (a retryable failure is tried again and may count again). */
  wakeUps: z.object({ sent: z.number().int(), failed: z.number().int() }),
  /** HTTP requests answered, and those answered 4xx and 5xx. */
  http: z.object({ requests: z.number().int(), clientErrors: z.number().int(), serverErrors: z.number().int() }),
});
export type Platform = z.infer<typeof platformSchema>;
