import { distanceMeters, type LatLng } from '../catalog/zones';
import type { OrderStatus } from '../order/status';

/** A courier's average speed through city traffic, door to door; a promise, not a route plan. */
export const COURIER_KMH = 20;

/** How long a trip of `meters` takes at COURIER_KMH, in ms. */
export const tripMs = (meters: number): number => Math.round((meters / (COURIER_KMH * 1000)) * 3_600_000);

export interface ArrivalFacts {
  readonly status: OrderStatus;
  /** When the kitchen should be done (acceptedAt + prep + delays). */
  readonly readyBy: number | null;
  /** The `picked_up` event's time, when there is one. */
  readonly pickedUpAt: number | null;
  readonly outlet: LatLng;
  readonly dropoff: LatLng;
  /** The driver's last device position. */
  readonly driver: (LatLng & { readonly at: number }) | null;
}

/**
 * When a delivery should arrive. On its way: from the driver's last position (taken since pickup)
 * to the drop-off, else from the pickup; before: when the kitchen should be done plus the trip.
 * Null once it is finished or before the outlet has accepted it.
 */
export function estimatedArrival(f: ArrivalFacts): number | null {
  if (f.status === 'picked_up') {
    if (f.driver && f.pickedUpAt !== null && f.driver.at >= f.pickedUpAt) return f.driver.at + tripMs(distanceMeters(f.driver, f.dropoff));
    return f.pickedUpAt === null ? null : f.pickedUpAt + tripMs(distanceMeters(f.outlet, f.dropoff));
  }
  if (f.status === 'accepted' || f.status === 'preparing' || f.status === 'ready') {
    return f.readyBy === null ? null : f.readyBy + tripMs(distanceMeters(f.outlet, f.dropoff));
  }
  return null;
}

/**
 * When an assigned driver should reach the counter: the ride from their last position, started no
 * earlier than the assignment (from an older fix it would promise a time already past).
 */
export const counterArrival = (driver: LatLng & { readonly at: number }, outlet: LatLng, assignedAt: number | null): number =>
  Math.max(driver.at, assignedAt ?? driver.at) + tripMs(distanceMeters(driver, outlet));
