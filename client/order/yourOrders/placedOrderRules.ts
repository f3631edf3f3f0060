import { isTerminal, type OrderStatus } from '../../../shared/order/status';

/** An order placed from this device, as the ordering page remembers it. */
export interface PlacedOrder {
  readonly orderId: string;
  /** The readable number staff say ("#K7M3X"). */
  readonly number: string;
  readonly outletName: string;
  /** Epoch ms on this device when the server confirmed the order. */
  readonly placedAt: number;
  /** The tracking page, a path on this site (`/track/<token>`). */
  readonly trackingPath: string;
  /** Minor units, as quoted when it was placed. */
  readonly total: number;
  readonly currency: string;
  /** The last status heard from its tracking link; null before any. */
  readonly status: OrderStatus | null;
}

/** A phone is not an order history: the last few weeks' orders are what someone looks for here. */
export const KEEP_ORDERS = 20;
export const KEEP_FOR_MS = 90 * 24 * 60 * 60_000;
/** Each status look-up spends the tracking-lookup budget this address shares, so only a few are asked for per visit. */
export const REFRESH_AT_MOST = 5;

/** Newest first, none older than KEEP_FOR_MS, at most KEEP_ORDERS, one row per order (the newest write wins). */
export function keepRecent(orders: readonly PlacedOrder[], now: number): PlacedOrder[] {
  const seen = new Set<string>();
  return [...orders]
    .filter((o) => now - o.placedAt <= KEEP_FOR_MS)
    .sort((a, b) => b.placedAt - a.placedAt)
    .filter((o) => (seen.has(o.orderId) ? false : (seen.add(o.orderId), true)))
    .slice(0, KEEP_ORDERS);
}

/** The orders whose status may still change, newest first, at most REFRESH_AT_MOST: a finished one never changes. */
export function toRefresh(orders: readonly PlacedOrder[]): PlacedOrder[] {
  return orders.filter((o) => o.status === null || !isTerminal(o.status)).slice(0, REFRESH_AT_MOST);
}

/** The tracking token in a tracking path, for asking its status; null when the path is not one. */
export function trackingTokenOfPath(trackingPath: string): string | null {
  const match = /^\/track\/([A-Za-z0-9_-]{1,64})$/.exec(trackingPath);
  return match?.[1] ?? null;
}

/** Status in the customer's words. */
export const CUSTOMER_STATUS: { readonly [S in OrderStatus]: string } = {
  awaiting_payment: 'Awaiting payment',
  placed: 'Waiting for the restaurant',
  accepted: 'Accepted',
  preparing: 'Being prepared',
  ready: 'Ready',
  picked_up: 'On its way',
  delivered: 'Delivered',
  rejected: 'Declined by the restaurant',
  cancelled: 'Cancelled',
  failed: 'Delivery failed',
};
