import type { UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { Db } from './db';

/** The trail of positions each driver's device uploaded, kept as sent (device times, in any order). */
export class Breadcrumbs {
  private readonly insert;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.insert = db.prepare<[string, number, number, number, number | null, number]>(
      'INSERT INTO breadcrumbs (driver_id, lat, lng, at, accuracy, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.countStmt = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM breadcrumbs WHERE driver_id = ?');
  }

  append(driverId: UserId, points: readonly PositionFix[], receivedAt: number): void {
    this.db.transaction(() => {
      for (const p of points) this.insert.run(driverId, p.lat, p.lng, p.at, p.accuracy, receivedAt);
    })();
  }

  count(driverId: UserId): number {
    return this.countStmt.get(driverId)?.n ?? 0;
  }
}
