import { isTerminal } from '../../shared/order/status';
import type { TrackView } from '../../shared/track';

/**
 * A driver's position older than this is shown as old: phones send one every 10 s while on shift,
 * so two minutes of silence means a dead zone or a dead battery, and the customer should know.
 */
export const STALE_AFTER_MS = 2 * 60_000;

export interface Freshness {
  readonly stale: boolean;
  readonly text: string;
}

/** How old the driver's last position is, in the customer's words. The phones' clocks may differ: never "in the future". */
export function positionFreshness(at: number, now: number, clock: (epochMs: number) => string): Freshness {
  const age = Math.max(0, now - at);
  if (age < 60_000) return { stale: false, text: 'Location updated just now' };
  const minutes = Math.floor(age / 60_000);
  if (age < STALE_AFTER_MS) return { stale: false, text: `Location updated ${minutes} min ago` };
  if (minutes < 60) return { stale: true, text: `Last seen ${minutes} min ago` };
  return { stale: true, text: `Last seen at ${clock(at)}` };
}

/** Who brings the order and where they are, while that matters; null when nobody is assigned or it is over. */
export interface DriverNews {
  readonly firstName: string;
  readonly onTheWay: boolean;
  readonly position: { readonly lat: number; readonly lng: number; readonly at: number } | null;
}

export function driverNews(view: TrackView): DriverNews | null {
  if (!view.driver || isTerminal(view.status)) return null;
  const onTheWay = view.status === 'picked_up';
  return { firstName: view.driver.firstName, onTheWay, position: onTheWay ? (view.driverPosition ?? null) : null };
}

/** "Arriving around 12:41" while a delivery is under way; null for other orders and once it is over. */
export function arrivalText(view: TrackView, clock: (epochMs: number) => string): string | null {
  if (view.orderType !== 'delivery' || isTerminal(view.status) || !view.estimatedArrival) return null;
  return `Arriving around ${clock(view.estimatedArrival)}`;
}
