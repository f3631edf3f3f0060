import { z } from 'zod';
import { DeviceIdSchema } from './devices';

/**
 * How an outlet device tells the server about the changes it made that the server has not acknowledged
 * yet: their age, on its sync socket's URL when it connects and with `PUT /api/presence/unsynced` when
 * that changes while it is connected. An age rather than a time, because a tablet's clock may be off by
 * hours: the age is off only by how much the clock moved since the change, and the server puts it on
 * its own clock.
 */

/**
 * A device reports a change of its oldest unsynced change once it has lasted this long, so the changes
 * a connected device sends and has acknowledged within moments never cost a request.
 */
export const UNSYNCED_REPORT_SETTLE_MS = 5_000;

/** Past a year a report says more about the device's clock than about its changes: refused. */
export const MAX_UNSYNCED_AGE_MS = 366 * 24 * 3_600_000;

/**
 * How long ago (ms, by the device's clock) its oldest unacknowledged change was made. Negative (the
 * clock was set back since) counts as just now; beyond a year either way is refused.
 */
export const unsyncedAgeSchema = z
  .number()
  .int()
  .min(-MAX_UNSYNCED_AGE_MS, 'oldestAgeMs is further in the future than any clock error')
  .max(MAX_UNSYNCED_AGE_MS, 'oldestAgeMs is older than a year')
  .transform((ms) => Math.max(0, ms));

/** `PUT /api/presence/unsynced` (outlet staff) → 204. `oldestAgeMs` null: nothing is waiting. */
export const unsyncedReportSchema = z.object({
  deviceId: DeviceIdSchema,
  oldestAgeMs: unsyncedAgeSchema.nullable(),
});
export type UnsyncedReportBody = z.input<typeof unsyncedReportSchema>;

/** The sync socket's query parameter: `unsynced=none`, or the age in ms. Absent: the device does not say. */
export const UNSYNCED_PARAM = 'unsynced';
const NONE = 'none';

export function unsyncedParamValue(oldestAgeMs: number | null): string {
  return oldestAgeMs === null ? NONE : String(Math.round(oldestAgeMs));
}

const paramSchema = z.union([
  z.literal(NONE).transform(() => null),
  z
    .string()
    .regex(/^-?\d{1,15}$/)
    .transform(Number)
    .pipe(unsyncedAgeSchema),
]);

/**
 * What a socket's URL says: the age (clamped), null when nothing waits, undefined when it says nothing
 * believable. A bad value never refuses the socket: the device syncs all the same, unreported.
 */
export function readUnsyncedParam(params: URLSearchParams): number | null | undefined {
  const parsed = paramSchema.safeParse(params.get(UNSYNCED_PARAM));
  return parsed.success ? parsed.data : undefined;
}
