import type { UserId } from '../../shared/ids';
import type { PositionFix } from '../presence/driverPresence';
import type { Presence } from '../presence/presence';
import type { DispatchState, OfferRow } from '../storage/dispatchState';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRecord, DriverRepo } from '../storage/drivers';

/**
 * What choosing a driver reads of the world: every driver, where the on-shift ones are and whether their app
 * is connected, their unfinished orders and the pending offers. A dispatch pass reads it once and decides
 * every waiting delivery on it, adding each offer it makes, so a pass costs one read of the drivers however
 * many deliveries wait (a backlog used to make every pass read them once per delivery, on the one dispatch queue).
 * Only the dispatch queue writes offers and shifts, so within a pass the pool is as current as a fresh read,
 * save for positions that moved meanwhile.
 */
export interface DriverPool {
  readonly drivers: readonly DriverRecord[];
  readonly live: ReadonlyMap<UserId, PositionFix>;
  readonly connected: ReadonlySet<UserId>;
  readonly activeCounts: ReadonlyMap<UserId, number>;
  /** Pending offers, those made in this pass included. */
  readonly offers: OfferRow[];
}

export interface DriverPoolSources {
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly state: DispatchState;
  readonly presence: Pick<Presence, 'position' | 'devicesOfUser'>;
}

/** Reads the pool; `offers` when the caller has just read them. */
export async function readDriverPool(d: DriverPoolSources, offers?: readonly OfferRow[]): Promise<DriverPool> {
  const drivers = await d.drivers.all();
  const live = new Map<UserId, PositionFix>();
  const connected = new Set<UserId>();
  await Promise.all(
    drivers
      .filter((driver) => driver.onShift)
      .map(async (driver) => {
        const [fix, devices] = await Promise.all([d.presence.position(driver.id), d.presence.devicesOfUser(driver.id)]);
        if (fix) live.set(driver.id, fix);
        if (devices.length > 0) connected.add(driver.id);
      }),
  );
  const [activeCounts, pending] = await Promise.all([d.driverOrders.activeCounts(), offers ?? d.state.offers()]);
  return { drivers, live, connected, activeCounts, offers: [...pending] };
}
