import { cashLedgerName } from '../../../shared/docNames';
import type { UserId } from '../../../shared/ids';
import type { DabbaDb } from '../../common/store/db';
import { countLocations } from '../../common/store/locations';
import { countWaitingProofs } from '../../common/store/proofs';
import { unsyncedCount } from '../../common/store/updateLog';

/** What is only on this phone so far: each shows as waiting until the server has it. */
export interface DriverPending {
  /** Orders with changes (picked up, delivered…) the server has not acknowledged. */
  readonly orders: number;
  readonly photos: number;
  readonly locations: number;
  /** Cash records (collections, handovers) in the driver's ledger the server has not acknowledged: one update each. */
  readonly cash: number;
}

export const NOTHING_PENDING: DriverPending = { orders: 0, photos: 0, locations: 0, cash: 0 };

/**
 * Every count is started at once: under Dexie's liveQuery only queries begun before the first native
 * `await` are watched, so counting one after another left the later ones stale until another table moved.
 */
export async function driverPending(db: DabbaDb, driverId: UserId): Promise<DriverPending> {
  const [orders, photos, locations, cash] = await Promise.all([
    db.orders.where('syncState').equals('local').count(),
    countWaitingProofs(db, driverId),
    countLocations(db, driverId),
    unsyncedCount(db, cashLedgerName(driverId)),
  ]);
  return { orders, photos, locations, cash };
}

/** How many things wait to upload, for the sign-out warning: a shift change waiting counts as one. */
export const waitingCount = (p: DriverPending, shiftPending: boolean): number =>
  p.orders + p.photos + p.locations + p.cash + (shiftPending ? 1 : 0);
