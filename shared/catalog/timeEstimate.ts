import { tripMs } from '../dispatch/arrival';
import { distanceMeters, type LatLng } from './zones';

const MINUTE = 60_000;
/** A driver's walk in and out of the kitchen with the bag, and the wait at the door: trip time alone undersells it. */
export const HANDOVER_MINUTES = 5;
/** The ride when the customer has not placed a pin yet: about 3 km across town at courier speed. */
export const UNKNOWN_TRIP_MINUTES = 10;
/** How wide the delivery window is: traffic and the driver's way to the kitchen vary more than the kitchen does. */
export const DELIVERY_SPREAD_MINUTES = 10;

export interface EstimateFacts {
  readonly type: 'delivery' | 'pickup' | 'dine-in';
  /** The outlet's usual prep time (what staff start from when accepting). */
  readonly prepMinutes: number;
  /** Busy mode's extra minutes right now (0 when not busy). */
  readonly busyMinutes: number;
  readonly outlet: LatLng;
  /** Where a delivery goes, once the customer has put the pin there; null: not known yet. */
  readonly dropoff: LatLng | null;
}

/** Minutes from placing the order: a window for deliveries, one time (from = to) for pickup and dine-in. */
export interface TimeEstimate {
  readonly type: EstimateFacts['type'];
  readonly from: number;
  readonly to: number;
}

/** Promises read as round numbers; rounding up keeps "about" honest rather than early. */
const upToFive = (minutes: number): number => Math.max(5, Math.ceil(minutes / 5) * 5);

/**
 * How long an order placed now should take, before any kitchen has accepted it: the outlet's prep
 * time plus busy mode, and for a delivery the handover and the ride to the pin at courier speed
 * (the same speed the tracking page's arrival time uses).
 */
export function timeEstimate(f: EstimateFacts): TimeEstimate {
  const kitchen = Math.max(0, f.prepMinutes) + Math.max(0, f.busyMinutes);
  if (f.type !== 'delivery') {
    const at = upToFive(kitchen);
    return { type: f.type, from: at, to: at };
  }
  const ride = f.dropoff ? Math.ceil(tripMs(distanceMeters(f.outlet, f.dropoff)) / MINUTE) : UNKNOWN_TRIP_MINUTES;
  const from = upToFive(kitchen + HANDOVER_MINUTES + ride);
  return { type: 'delivery', from, to: from + DELIVERY_SPREAD_MINUTES };
}

/** "Delivery in about 30–40 min", "Pickup in about 15 min", "At your table in about 15 min". */
export function estimateText(e: TimeEstimate): string {
  switch (e.type) {
    case 'delivery':
      return `Delivery in about ${e.from}–${e.to} min`;
    case 'pickup':
      return `Pickup in about ${e.from} min`;
    case 'dine-in':
      return `At your table in about ${e.from} min`;
  }
}
