import type { UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { Db } from './db';

/**
 * The trail of positions each driver's device uploaded, kept as sent (device times, in any order),
 * at most `perDriver` points per driver: the newest by device time stay.
 */
export class Breadcrumbs {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly perDriver: number,
  ) {
    this.s = {
      insert: db.prepare<[string, number, number, number, number | null, number]>(
        'INSERT INTO breadcrumbs (driver_id, lat, lng, at, accuracy, received_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM breadcrumbs WHERE driver_id = ?'),
      trim: db.prepare<[string, string, number]>(
        `DELETE FROM breadcrumbs WHERE driver_id = ? AND rowid IN (
           SELECT rowid FROM breadcrumbs WHERE driver_id = ? ORDER BY at DESC, rowid DESC LIMIT -1 OFFSET ?)`,
      ),
      olderThan: db.prepare<[number]>('DELETE FROM breadcrumbs WHERE at < ?'),
    };
  }

  append(driverId: UserId, points: readonly PositionFix[], receivedAt: number): void {
    this.db.transaction(() => {
      for (const p of points) this.s.insert.run(driverId, p.lat, p.lng, p.at, p.accuracy, receivedAt);
      this.s.trim.run(driverId, driverId, this.perDriver);
    })();
  }

  count(driverId: UserId): number {
    return this.s.count.get(driverId)?.n ?? 0;
  }

  /** Deletes every point taken (device time) before `until`; returns how many. */
  deleteOlderThan(until: number): number {
    return this.s.olderThan.run(until).changes;
  }
}
