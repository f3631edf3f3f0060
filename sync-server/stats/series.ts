import type { SeriesPoint, StatsBucket } from '../../shared/api/adminStats';
import type { OutletId } from '../../shared/ids';
import { nextZonedDay, startOfZonedDay, startOfZonedHour, zonedHour } from '../../shared/zonedTime';
import type { Block } from '../storage/orderStats';

const HOUR = 3_600_000;

const startOf = (bucket: StatsBucket, at: number, tz: string): number =>
  bucket === 'hour' ? startOfZonedHour(at, tz) : startOfZonedDay(at, tz);
const after = (bucket: StatsBucket, start: number, tz: string): number => (bucket === 'hour' ? start + HOUR : nextZonedDay(start, tz));

/**
 * Every bucket (local hour or local day in `tz`) from the one holding `from` to the one holding the
 * last instant before `to`, each with the orders of the blocks placed in it; empty ones are zero.
 */
export function seriesOf(blocks: readonly Block[], from: number, to: number, bucket: StatsBucket, tz: string): SeriesPoint[] {
  const points = new Map<number, { -readonly [K in keyof SeriesPoint]: SeriesPoint[K] }>();
  for (let start = startOf(bucket, from, tz); start < to; start = after(bucket, start, tz))
    points.set(start, { start, orders: 0, completed: 0, rejected: 0, cancelled: 0, late: 0 });
  for (const b of blocks) {
    const point = points.get(startOf(bucket, b.start, tz));
    if (!point) continue;
    point.orders += b.orders;
    point.completed += b.completed;
    point.rejected += b.rejected;
    point.cancelled += b.cancelled;
    point.late += b.late;
  }
  return [...points.values()];
}

/** Orders by the local hour of day they were placed at, each block read in its own outlet's zone. */
export function hourOfDayOf(blocks: readonly Block[], zoneOf: (outletId: OutletId) => string): { hour: number; orders: number }[] {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0 }));
  for (const b of blocks) {
    const slot = hours[zonedHour(b.start, zoneOf(b.outletId))];
    if (slot) slot.orders += b.orders;
  }
  return hours;
}
