import type { UserId } from '../../shared/ids';
import { MAX_CLOCK_SKEW_MS } from '../../shared/protocol/limits';
import { badRequest } from '../errors';
import type { DriverPresence, PositionFix } from '../presence/driverPresence';
import type { Breadcrumbs } from '../storage/breadcrumbs';
import type { DriverRepo } from '../storage/drivers';

export interface LocationDeps {
  readonly breadcrumbs: Breadcrumbs;
  readonly drivers: DriverRepo;
  readonly presence: DriverPresence;
  /** Someone moved: tracking links of the orders they carry, and dispatch (they may now be within reach). */
  readonly moved: (driverId: UserId) => Promise<void>;
}

/**
 * Takes a batch of positions a driver's device collected, possibly offline and long ago: all are kept
 * as the breadcrumb trail, and the newest by device time becomes the driver's last position. A point
 * stamped ahead of the server by more than the allowed skew refuses the batch (the device clock is wrong,
 * and a position "from the future" would shadow every real one after it).
 */
export async function recordLocations(deps: LocationDeps, driverId: UserId, points: readonly PositionFix[], now: number): Promise<void> {
  const future = points.findIndex((p) => p.at > now + MAX_CLOCK_SKEW_MS);
  if (future >= 0) {
    throw badRequest('clock_skew', `points.${future}.at is in the future; check the device clock.`, [
      { path: `points.${future}.at`, message: 'in the future' },
    ]);
  }
  await deps.breadcrumbs.append(driverId, points, now);
  const newest = points.reduce((a, b) => (b.at > a.at ? b : a));
  await deps.drivers.recordPosition(driverId, newest);
  await deps.presence.record(driverId, newest);
  await deps.moved(driverId);
}
