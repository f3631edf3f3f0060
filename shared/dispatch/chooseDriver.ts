import type { OrderId, UserId } from '../ids';
import { distanceMeters, type LatLng } from '../catalog/zones';
import { fail, ok, type Result } from '../result';
import type { DriverReach } from './driverReach';

/** What dispatch knows about one driver when an order needs one. */
export interface DriverCandidate {
  readonly id: UserId;
  readonly onShift: boolean;
  /** Orders assigned to the driver and not yet delivered or failed. */
  readonly activeOrders: number;
  readonly capacity: number;
  readonly position: LatLng | null;
  /** When the last known position was taken (device time). */
  readonly positionAt: number | null;
  /** When the driver last finished a delivery, or null if never. */
  readonly lastDeliveryEndedAt: number | null;
  /** When the driver last accepted an assignment, or null if never. */
  readonly lastAssignedAt: number | null;
  /** Whether their app can hear an offer now (see driverReach.ts). */
  readonly reach: DriverReach;
}

export interface DispatchPolicy {
  /** How far from the outlet a driver may be to get an offer. */
  readonly maxDistanceMeters: number;
  /** A position older than this does not count as "within reach". */
  readonly maxPositionAgeMs: number;
}

export const DEFAULT_POLICY: DispatchPolicy = { maxDistanceMeters: 8_000, maxPositionAgeMs: 10 * 60_000 };

export interface DispatchRequest {
  readonly orderId: OrderId;
  readonly pickup: LatLng;
  readonly now: number;
  /** Drivers who already declined this order or let its offer time out. */
  readonly excluded: ReadonlySet<UserId>;
  /**
   * `offer`: the driver answers in their app, so drivers it cannot reach are skipped. `assign`: the
   * order is theirs at once (the delivery API, whose agents may never open the app), reach aside.
   */
  readonly mode: 'offer' | 'assign';
}

export interface ChosenDriver {
  readonly driverId: UserId;
  readonly distanceMeters: number;
  readonly reach: DriverReach;
}

export type NoDriver = 'no_driver_on_shift' | 'no_driver_available' | 'no_driver_reachable' | 'no_driver_in_reach';

const NO_DRIVER: { readonly [K in NoDriver]: string } = {
  no_driver_on_shift: 'No driver is on shift.',
  no_driver_available: 'Every driver on shift is full or has passed on this order.',
  no_driver_reachable: 'No driver with room for it has the app open or has been seen lately.',
  no_driver_in_reach: 'No driver with room for it is near the outlet.',
};
const noDriver = (code: NoDriver) => fail(code, NO_DRIVER[code]);

export type DispatchChoice = Result<ChosenDriver, NoDriver>;

/**
 * When the driver was last served with work: the later of their last finished delivery and their
 * last assignment. The fair queue (least recent first) uses it, so a driver with spare capacity
 * does not take every order in a row before anyone else gets one.
 */
export function lastServedAt(d: DriverCandidate): number {
  return Math.max(d.lastDeliveryEndedAt ?? Number.NEGATIVE_INFINITY, d.lastAssignedAt ?? Number.NEGATIVE_INFINITY);
}

/** For an offer, a driver whose app is open before one whose phone must be woken first. */
const REACH_RANK: { readonly [K in DriverReach]: number } = { connected: 0, asleep: 1, unreachable: 2 };

/**
 * Picks the driver to offer an order to: among drivers on shift, with spare capacity, not excluded,
 * reachable (for an offer), with a fresh position within reach of the pickup, the one served longest
 * ago; ties by reach (an open app first, for an offer), distance, then id. Deterministic: the same
 * inputs always give the same driver.
 */
export function chooseDriver(
  drivers: readonly DriverCandidate[],
  request: DispatchRequest,
  policy: DispatchPolicy = DEFAULT_POLICY,
): DispatchChoice {
  const onShift = drivers.filter((d) => d.onShift);
  if (onShift.length === 0) return noDriver('no_driver_on_shift');
  const free = onShift.filter((d) => d.activeOrders < d.capacity && !request.excluded.has(d.id));
  if (free.length === 0) return noDriver('no_driver_available');
  const offer = request.mode === 'offer';
  const reachable = offer ? free.filter((d) => d.reach !== 'unreachable') : free;
  if (reachable.length === 0) return noDriver('no_driver_reachable');
  const inReach = reachable
    .filter((d) => d.position !== null && d.positionAt !== null && request.now - d.positionAt <= policy.maxPositionAgeMs)
    .map((d) => ({ driver: d, distance: distanceMeters(d.position as LatLng, request.pickup) }))
    .filter(({ distance }) => distance <= policy.maxDistanceMeters);
  if (inReach.length === 0) return noDriver('no_driver_in_reach');
  inReach.sort(
    (a, b) =>
      lastServedAt(a.driver) - lastServedAt(b.driver) ||
      (offer ? REACH_RANK[a.driver.reach] - REACH_RANK[b.driver.reach] : 0) ||
      a.distance - b.distance ||
      (a.driver.id < b.driver.id ? -1 : a.driver.id > b.driver.id ? 1 : 0),
  );
  const best = inReach[0];
  if (!best) return noDriver('no_driver_in_reach');
  return ok({ driverId: best.driver.id, distanceMeters: Math.round(best.distance), reach: best.driver.reach });
}
