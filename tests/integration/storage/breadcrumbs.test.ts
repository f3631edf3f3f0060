import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newUserId, type UserId } from '../../../shared/ids';
import type { PositionFix } from '../../../sync-server/presence/driverPresence';
import { Breadcrumbs } from '../../../sync-server/storage/breadcrumbs';
import { openDb } from '../../../sync-server/storage/db';
import { runMigrations } from '../../../sync-server/storage/sql/migrate';
import { migrationsFor } from '../../../sync-server/storage/sql/migrations';
import { postgresKysely } from '../../../sync-server/storage/sql/postgres';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { sqliteKysely } from '../../../sync-server/storage/sql/sqlite';
import { createTestTarget, DIALECTS, silentLog, useTestStorage, type Dialect } from '../support/sqlStorage';

const CAP = 40;
const HOUR = 3_600_000;

const fix = (at: number, lat = 12.97): PositionFix => ({ lat, lng: 77.6, at, accuracy: null });

describe.each(DIALECTS)('breadcrumbs stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const repo = (cap = CAP): Breadcrumbs => new Breadcrumbs(storage().db, cap);

  /** The driver's points as stored: device time and latitude (which tells points taken at one instant apart). */
  const stored = async (driverId: UserId): Promise<{ at: number; lat: number }[]> =>
    storage().db.selectFrom('breadcrumbs').select(['at', 'lat']).where('driver_id', '=', driverId).orderBy('at').orderBy('lat').execute();
  const times = async (driverId: UserId): Promise<number[]> => (await stored(driverId)).map((p) => p.at);

  it('counts nothing for a driver who never sent a point', async () => {
    expect(await repo().count(newUserId())).toBe(0);
  });

  it('keeps every point of a trail under the cap as sent, with its accuracy and when it was received', async () => {
    const driver = newUserId();
    await repo().append(
      driver,
      [{ lat: 12.9716, lng: 77.5946, at: 1_700_000_000_000, accuracy: 8.5 }, fix(1_700_000_001_000)],
      1_700_000_002_000,
    );
    const rows = await storage()
      .db.selectFrom('breadcrumbs')
      .select(['lat', 'lng', 'at', 'accuracy', 'received_at'])
      .orderBy('at')
      .execute();
    expect(rows).toEqual([
      { lat: 12.9716, lng: 77.5946, at: 1_700_000_000_000, accuracy: 8.5, received_at: 1_700_000_002_000 },
      { lat: 12.97, lng: 77.6, at: 1_700_000_001_000, accuracy: null, received_at: 1_700_000_002_000 },
    ]);
    expect(await repo().count(driver)).toBe(2);
  });

  it('keeps the newest points by device time, whatever order the batches arrive in, across three times the cap', async () => {
    const driver = newUserId();
    const other = newUserId();
    const start = Date.now() - HOUR;
    const sent: number[] = [];
    // Batches of 7 going forward in time, then one from long ago (a phone that was offline), and so on.
    for (let batch = 0; sent.length < 3 * CAP; batch++) {
      const batchTimes = Array.from({ length: 7 }, (_, i) => start + (batch * 7 + i) * 1000);
      await repo().append(
        driver,
        batchTimes.map((at) => fix(at)),
        Date.now(),
      );
      sent.push(...batchTimes);
      const stale = start - (batch + 1) * 60_000;
      await repo().append(driver, [fix(stale)], Date.now());
      sent.push(stale);
      expect(await times(driver)).toEqual([...sent].sort((a, b) => a - b).slice(-CAP));
    }
    await repo().append(other, [fix(start)], Date.now());
    expect(await repo().count(driver)).toBe(CAP);
    expect(await times(other)).toEqual([start]); // one driver's cap never trims another's trail
  });

  it('of points taken at the same instant on the cap, keeps the ones stored last, batch after batch', async () => {
    const driver = newUserId();
    const at = Date.now();
    // Every batch is 3 points at one instant, the same instant each time: each pushes the cap of 4 over again.
    for (let batch = 1; batch <= 5; batch++) {
      await repo(4).append(driver, [fix(at, batch + 0.1), fix(at, batch + 0.2), fix(at, batch + 0.3)], Date.now());
      const all = Array.from({ length: batch * 3 }, (_, i) => Math.floor(i / 3) + 1 + ((i % 3) + 1) / 10);
      expect((await stored(driver)).map((p) => p.lat)).toEqual(all.slice(-4).map((lat) => expect.closeTo(lat, 9)));
    }
    // A point taken later outlives all of them; one taken earlier is trimmed as it arrives.
    await repo(4).append(driver, [fix(at + 1, 9), fix(at - 1, 8)], Date.now());
    expect(await stored(driver)).toEqual([
      { at, lat: expect.closeTo(5.1, 9) },
      { at, lat: expect.closeTo(5.2, 9) },
      { at, lat: expect.closeTo(5.3, 9) },
      { at: at + 1, lat: 9 },
    ]);
  });

  it('keeps only the newest cap of one batch larger than the cap, sent in any order', async () => {
    const driver = newUserId();
    const start = Date.now() - HOUR;
    const batch = Array.from({ length: 1_200 }, (_, i) => start + ((i * 7919) % 1_200) * 1000);
    await repo(1_000).append(
      driver,
      batch.map((at) => fix(at)),
      Date.now(),
    );
    expect(await times(driver)).toEqual([...batch].sort((a, b) => a - b).slice(-1_000));
  });

  it('deletes the points taken before a time, keeping one taken exactly then, and says how many went', async () => {
    const [driver, other] = [newUserId(), newUserId()];
    const t0 = Date.now() - 10 * HOUR;
    const trail = Array.from({ length: 10 }, (_, i) => t0 + i * HOUR);
    await repo().append(
      driver,
      trail.map((at) => fix(at)),
      Date.now(),
    );
    await repo().append(other, [fix(t0 + 4 * HOUR)], Date.now());
    expect(await repo().deleteOlderThan(t0)).toBe(0);
    expect(await repo().deleteOlderThan(t0 + 3 * HOUR)).toBe(3);
    expect(await repo().deleteOlderThan(t0 + 3 * HOUR)).toBe(0);
    expect(await repo().deleteOlderThan(t0 + 4 * HOUR + 1)).toBe(3); // the one kept at the cutoff, the next, and the other driver's
    expect(await times(driver)).toEqual(trail.slice(5));
    expect(await repo().count(other)).toBe(0);
    expect(await repo().deleteOlderThan(t0 + 100 * HOUR)).toBe(5);
    expect(await repo().count(driver)).toBe(0);
  });

  it('stores nothing and fails for a point with no latitude, leaving the rest of the batch out too', async () => {
    const driver = newUserId();
    await repo().append(driver, [fix(1)], Date.now());
    const broken = { lat: null, lng: 77.6, at: 2, accuracy: null } as unknown as PositionFix;
    await expect(repo().append(driver, [fix(3), broken], Date.now())).rejects.toThrow();
    expect(await times(driver)).toEqual([1]);
  });
});

/** Storage as it was before migration 0011: the legacy SQLite list, or the PostgreSQL baseline alone. */
async function openBeforeIds(dialect: Dialect): Promise<{ db: Kysely<Database>; dispose(): Promise<void> }> {
  const { target, discard } = await createTestTarget(dialect);
  const db = target.dialect === 'sqlite' ? sqliteKysely(openDb(target.dataDir, target.sync)) : postgresKysely(target.url, silentLog);
  await runMigrations(db, migrationsFor(dialect, {}));
  return {
    db,
    dispose: async () => {
      await db.destroy();
      await discard();
    },
  };
}

describe.each(DIALECTS)('a trail stored on %s before breadcrumbs had ids', (dialect: Dialect) => {
  it('keeps every point and its order of storing, so the cap still trims the earliest stored of one instant', async () => {
    const { db, dispose } = await openBeforeIds(dialect);
    try {
      const driver = newUserId();
      const at = 1_700_000_000_000;
      for (const lat of [1, 2, 3]) {
        await db
          .insertInto('breadcrumbs')
          .values({ driver_id: driver, lat, lng: 77.6, at, accuracy: null, received_at: at + lat })
          .execute();
      }
      await runMigrations(db, migrationsFor(dialect));
      const rows = await db.selectFrom('breadcrumbs').select(['id', 'lat', 'received_at']).orderBy('id').execute();
      expect(rows.map((r) => [r.lat, r.received_at])).toEqual([
        [1, at + 1],
        [2, at + 2],
        [3, at + 3],
      ]);
      await new Breadcrumbs(db, 3).append(driver, [fix(at, 4)], at + 4);
      expect((await db.selectFrom('breadcrumbs').select('lat').orderBy('id').execute()).map((r) => r.lat)).toEqual([2, 3, 4]);
    } finally {
      await dispose();
    }
  });
});
