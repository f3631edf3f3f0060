import type { DabbaDb, DriverShiftRow } from './db';

/** The driver's shift wish on this device: what they last asked for, and whether the server has it. */

export async function loadShift(db: DabbaDb, driverId: string): Promise<DriverShiftRow | null> {
  const row = await db.driverShift.get('current');
  // Another driver's wish (a shared phone) is not this driver's.
  return row && row.driverId === driverId ? row : null;
}

/** Records a toggle made on this device, to be sent. */
export async function saveShiftWish(db: DabbaDb, driverId: string, onShift: boolean, at: number): Promise<DriverShiftRow> {
  const row: DriverShiftRow = { key: 'current', driverId, onShift, changedAt: at, unsynced: 1, refusal: null };
  await db.driverShift.put(row);
  return row;
}

/**
 * Marks the wish `sent` as on the server, or refused with `refusal`, unless the driver toggled again
 * while it was in flight: their newer wish still has to be sent. Returns whether it was stored.
 */
export async function settleShiftWish(db: DabbaDb, sent: DriverShiftRow, refusal: string | null = null): Promise<boolean> {
  return db.transaction('rw', db.driverShift, async () => {
    const current = await db.driverShift.get('current');
    if (!current || current.driverId !== sent.driverId || current.changedAt !== sent.changedAt || current.onShift !== sent.onShift)
      return false;
    await db.driverShift.put({ ...current, unsynced: 0, refusal });
    return true;
  });
}

/**
 * Takes the server's word for the shift when this device has nothing waiting to tell it (the driver
 * went off shift on another phone, or the seed put them on): an unsent toggle here still wins.
 */
export async function adoptServerShift(db: DabbaDb, driverId: string, onShift: boolean, at: number): Promise<DriverShiftRow> {
  return db.transaction('rw', db.driverShift, async () => {
    const current = await db.driverShift.get('current');
    if (current && current.driverId === driverId && current.unsynced === 1) return current;
    if (current && current.driverId === driverId && current.onShift === onShift) return current;
    const row: DriverShiftRow = { key: 'current', driverId, onShift, changedAt: at, unsynced: 0, refusal: null };
    await db.driverShift.put(row);
    return row;
  });
}
