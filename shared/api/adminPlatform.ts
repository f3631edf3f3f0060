import { z } from 'zod';
import { OutletIdSchema } from '../ids';
import { ROLES } from '../roles';
import { DeviceIdSchema } from './devices';
import { PRESENCE_APPS } from './presence';

/**
 * One outlet's changes that its devices made and the server has not received, as far as the server can
 * know: only the devices hold them, so this is what they last reported (shared/api/unsyncedReport.ts),
 * and for an outlet none of whose devices is connected, since when it has heard nothing. Server epoch ms.
 */
export const outletBacklogSchema = z.object({
  outletId: OutletIdSchema,
  /** Sockets of its staff connected now, on any node presence sees. */
  connected: z.number().int(),
  /**
   * Its devices whose unsynced changes nobody can tell, because their app is from before these
   * reports: connected sockets that say nothing, and devices not connected now whose last socket said nothing.
   */
  unreported: z.number().int(),
  /**
   * The oldest change known to be waiting on one of its devices; null when none is known. `connected`:
   * that device is connected now, so this is current (it reports changes within seconds); otherwise it is
   * the last it said before it went.
   */
  oldest: z.object({ at: z.number(), deviceId: DeviceIdSchema, reportedAt: z.number(), connected: z.boolean() }).nullable(),
  /** With no device connected, when one last was; null while one is, or when none was heard (see below). */
  lastHeardAt: z.number().nullable(),
  /**
   * The least recently heard of its devices that are not connected now, and from when changes made on it
   * may be waiting unseen (its last contact, less the time its reports may trail). With `oldest`, this
   * bounds how old its oldest unsynced change can be. Null when every device presence heard in the days
   * it keeps this (since this node started, without Redis) is connected.
   */
  unseenSince: z.object({ at: z.number(), deviceId: DeviceIdSchema }).nullable(),
});
export type OutletBacklog = z.infer<typeof outletBacklogSchema>;

/**
 * How old the outlet's oldest unsynced change can be at most, in ms: its oldest reported one, or one
 * made just after a device not connected now was last heard. Null when that cannot be told: a device
 * says nothing of its changes, or none is connected and none was heard. Zero when its devices are all
 * connected and report none waiting. Devices presence never heard of are beyond anyone's knowing.
 */
export function unsyncedBoundMs(backlog: OutletBacklog, now: number): number | null {
  if (backlog.unreported > 0 || (backlog.connected === 0 && backlog.lastHeardAt === null)) return null;
  const from = Math.min(backlog.oldest?.at ?? now, backlog.unseenSince?.at ?? now);
  return Math.max(0, now - from);
}

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
  /** `degraded`: Redis is unreachable, this node counts rate limits and sign-in failures alone. */
  limits: z.enum(['ok', 'degraded']),
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
  /** Every outlet in the catalog, by id, across every node presence sees. */
  outlets: z.array(outletBacklogSchema),
});
export type Platform = z.infer<typeof platformSchema>;
