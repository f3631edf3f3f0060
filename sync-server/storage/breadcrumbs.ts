import type { Kysely } from 'kysely';
import type { UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { Database } from './sql/schema';

/** Points per INSERT: far below either dialect's limit on bound parameters (six a point). */
const POINTS_PER_INSERT = 500;

/**
 * The trail of positions each driver's device uploaded, kept as sent (device times, in any order),
 * at most `perDriver` points per driver: the newest by device time stay, and of points taken at the same
 * instant the later stored (the highest `id`).
 */
export class Breadcrumbs {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly perDriver: number,
  ) {}

  /** Stores the points and trims the driver's trail to the cap, together. */
  async append(driverId: UserId, points: readonly PositionFix[], receivedAt: number): Promise<void> {
    const write = async (trx: Kysely<Database>): Promise<void> => {
      for (let i = 0; i < points.length; i += POINTS_PER_INSERT) {
        const rows = points
          .slice(i, i + POINTS_PER_INSERT)
          .map((p) => ({ driver_id: driverId, lat: p.lat, lng: p.lng, at: p.at, accuracy: p.accuracy, received_at: receivedAt }));
        await trx.insertInto('breadcrumbs').values(rows).execute();
      }
      await this.trim(trx, driverId);
    };
    await (this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write));
  }

  async count(driverId: UserId): Promise<number> {
    const row = await this.db
      .selectFrom('breadcrumbs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('driver_id', '=', driverId)
      .executeTakeFirst();
    return row?.n ?? 0;
  }

  /** Deletes every point taken (device time) before `until`; returns how many. */
  async deleteOlderThan(until: number): Promise<number> {
    const result = await this.db.deleteFrom('breadcrumbs').where('at', '<', until).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The newest point past the cap goes, and every point older than it (by device time, then as stored). */
  private async trim(trx: Kysely<Database>, driverId: UserId): Promise<void> {
    const firstOver = await trx
      .selectFrom('breadcrumbs')
      .select(['at', 'id'])
      .where('driver_id', '=', driverId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .offset(this.perDriver)
      .executeTakeFirst();
    if (firstOver === undefined) return;
    await trx
      .deleteFrom('breadcrumbs')
      .where('driver_id', '=', driverId)
      .where((eb) => eb.or([eb('at', '<', firstOver.at), eb.and([eb('at', '=', firstOver.at), eb('id', '<=', firstOver.id)])]))
      .execute();
  }
}
