import type { DabbaDb, LocationRow } from './db';

/**
 * The breadcrumb buffer: positions measured on shift wait here, with their device times, until the
 * server has them. Uploads take the oldest first, so a trail buffered in a dead zone arrives in order.
 */

export async function bufferLocation(db: DabbaDb, point: Omit<LocationRow, 'id'>): Promise<void> {
  await db.locations.add(point);
}

/** The oldest `limit` buffered points of this driver. */
export async function oldestLocations(db: DabbaDb, driverId: string, limit: number): Promise<LocationRow[]> {
  const rows = await db.locations.where('driverId').equals(driverId).sortBy('id');
  return rows.slice(0, limit);
}

/** Forgets points the server has acknowledged. */
export async function dropLocations(db: DabbaDb, ids: readonly number[]): Promise<void> {
  await db.locations.bulkDelete([...ids]);
}

export async function countLocations(db: DabbaDb, driverId: string): Promise<number> {
  return db.locations.where('driverId').equals(driverId).count();
}
