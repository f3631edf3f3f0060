import { z } from 'zod';
import { isTimeZone } from '../catalog/timeZone';
import { OutletIdSchema, UserIdSchema } from '../ids';
import { amountSchema } from './adminUsers';
import { instantSchema, withinDays } from './instant';

/** The longest range `GET /api/admin/stats` answers for. */
export const STATS_MAX_DAYS = 92;
/** Ranges up to this long are bucketed by hour unless `bucket` says otherwise; longer ones by day. */
export const HOURLY_UP_TO_DAYS = 3;

export const STATS_BUCKETS = ['hour', 'day'] as const;
export type StatsBucket = (typeof STATS_BUCKETS)[number];

/**
 * `GET /api/admin/stats?from=&to=[&outletId=][&driverId=][&bucket=hour|day][&tz=]` (admin). Orders
 * counted are those placed in [from, to) (epoch ms or ISO 8601); `outletId` narrows to one outlet,
 * `driverId` to the orders that driver has (or had, when finished). `tz` (IANA) is where the
 * series' buckets start; default: the outlet's zone, or the zone every outlet shares, else UTC.
 */
export const statsQuerySchema = z
  .object({
    from: instantSchema,
    to: instantSchema,
    outletId: OutletIdSchema.optional(),
    driverId: UserIdSchema.optional(),
    bucket: z.enum(STATS_BUCKETS).optional(),
    tz: z.string().trim().refine(isTimeZone, 'use an IANA time zone such as "Asia/Kolkata"').optional(),
  })
  .superRefine(withinDays(STATS_MAX_DAYS));
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** A duration over the orders it applies to: how many had it, and its mean in ms (null when none did). */
export const durationSchema = z.object({ count: z.number().int(), avgMs: z.number().nullable() });
export type DurationStat = z.infer<typeof durationSchema>;

/**
 * The numbers of a set of orders. Times are the devices' event times (the outlet's, the driver's),
 * `placed` is the server's. Definitions:
 * - `completed`: delivered (delivery) or handed over (pickup, dine-in).
 * - `timeToAccept`: placed → accepted, over orders accepted.
 * - `prep`: accepted → ready (or picked up / handed over when never marked ready), over orders that got
 *   there; `promisedAvgMs` is the mean prep time promised at acceptance; `late` how many took longer
 *   than promised (announced delays do not move the promise).
 * - `delivery`: picked up → delivered, delivery orders.
 * - `total`: placed → completed.
 * - `late`: completed orders later than the promise made when they were accepted: delivered after the
 *   prep time plus the trip at courier speed (deliveries), ready after the prep time (pickup, dine-in).
 *   `lateShare` is late / completed (null when nothing completed).
 * - `sales`: the totals of completed orders, per currency.
 */
export const statsSummarySchema = z.object({
  orders: z.number().int(),
  completed: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
  failed: z.number().int(),
  /** Not finished yet. */
  open: z.number().int(),
  late: z.number().int(),
  lateShare: z.number().nullable(),
  timeToAccept: durationSchema,
  prep: durationSchema.extend({ promisedAvgMs: z.number().nullable(), late: z.number().int() }),
  delivery: durationSchema,
  total: durationSchema,
  sales: z.array(amountSchema),
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;

/** One bucket of the series: orders placed in [start, start of the next bucket). */
export const seriesPointSchema = z.object({
  start: z.number(),
  orders: z.number().int(),
  completed: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
  late: z.number().int(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** Why orders ended other than completed, most frequent first (at most 20 per kind; `other` counts the rest). */
export const reasonCountSchema = z.object({ reason: z.string(), count: z.number().int() });
export const reasonsSchema = z.object({ items: z.array(reasonCountSchema), other: z.number().int() });

export const outletStatsSchema = statsSummarySchema.extend({ outletId: OutletIdSchema, name: z.string(), timeZone: z.string() });
export type OutletStats = z.infer<typeof outletStatsSchema>;

/** A driver's deliveries among the orders counted, by the driver who has (or finished) them. */
export const driverStatsSchema = z.object({
  driverId: UserIdSchema,
  name: z.string(),
  /** Delivery orders assigned to them. */
  orders: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  late: z.number().int(),
  delivery: durationSchema,
  cashCollected: z.array(amountSchema),
});
export type DriverStats = z.infer<typeof driverStatsSchema>;

/** `GET /api/admin/stats` → 200. */
export const statsResponseSchema = z.object({
  from: z.number(),
  to: z.number(),
  bucket: z.enum(STATS_BUCKETS),
  /** Where the series' buckets start (local midnight or the local hour in this zone). */
  timeZone: z.string(),
  totals: statsSummarySchema,
  /** Every bucket from `from` to `to`, empty ones included. */
  series: z.array(seriesPointSchema),
  /** Orders by the hour of day they were placed, 0–23, each in its own outlet's time zone: the lunch and dinner peaks. */
  hourOfDay: z.array(z.object({ hour: z.number().int(), orders: z.number().int() })).length(24),
  reasons: z.object({ rejected: reasonsSchema, cancelled: reasonsSchema, failed: reasonsSchema }),
  byOutlet: z.array(outletStatsSchema),
  byDriver: z.array(driverStatsSchema),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;
