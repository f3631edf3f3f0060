import type { TaxLine } from './catalog/taxes';
import type * as Y from 'yjs';
import type { OrderStatus, OrderType } from './order/status';

/**
 * `track:<token>`: the public projection of one order, written only by the server.
 * It carries nothing a customer may not see: no ids, no phone numbers but the outlet's, no text the
 * customer typed (anyone the link is shared with reads it).
 */
export const TRACK_MAP = 'track';

/** The delivery part of the projection: who brings it (first name only), where they are, when it should arrive. */
export interface TrackDelivery {
  readonly driver: { readonly firstName: string } | null;
  /** The driver's last device position, only while the order is on its way (picked up). */
  readonly driverPosition: { readonly lat: number; readonly lng: number; readonly at: number } | null;
  /** Epoch ms; null when there is nothing to estimate (not a delivery, not accepted yet, finished). */
  readonly estimatedArrival: number | null;
  /** The drop-off's locality (dropoffLocality: the delivery zone's name, or the pin to about a km), never the address text; null for pickup and dine-in. */
  readonly dropoffArea: string | null;
  /**
   * The code the customer reads out to the driver at the door (the driver is never shown it); null when
   * the order has none (pickup, dine-in, placed before codes) or is finished. Absent in older cached views.
   */
  readonly deliveryCode?: string | null;
}

/**
 * The delivery fields are optional here only because devices keep views cached from before they
 * existed; the server always writes all of them (see TrackDelivery).
 */
export interface TrackView extends Partial<TrackDelivery> {
  readonly status: OrderStatus;
  readonly orderType: OrderType;
  readonly outletName: string;
  readonly outletPhone: string;
  readonly placedAt: number;
  readonly readyBy: number | null;
  readonly timeline: readonly { readonly type: string; readonly at: number }[];
  readonly items: readonly { readonly name: string; readonly qty: number }[];
  readonly total: number;
  readonly currency: string;
  /**
   * Why a placed order is still waiting for the restaurant, when the server knows: its tablets are
   * offline (ordering is paused and the restaurant is being reached), or it is online but has not
   * answered yet. Absent or null: nothing unusual.
   */
  readonly outletWaiting?: OutletWaiting | null;
  /** Absent in views cached from before payments were shown. */
  readonly payment?: TrackPayment;
  /** Absent in views cached from before receipts were shown. */
  readonly receipt?: TrackReceipt;
  /** The rest is absent in views cached from before the page showed it; the server always writes it (see TrackDetails). */
  readonly details?: TrackDetails;
}

export interface TrackLatLng {
  readonly lat: number;
  readonly lng: number;
}

/**
 * What the page needs to say which order this is and where it goes, and to order it again. Public-safe
 * like the rest: the readable order number (not the id), catalog ids anyone can read off the menu, the
 * outlet's own address, and the drop-off's pin to about 110 m (never its text), from placing until it is finished.
 */
export interface TrackDetails {
  /** "#K7M3X", as staff read it out (shared/order/orderNumber.ts). */
  readonly orderNumber: string;
  readonly outletId: string;
  /** Pickup orders: where to collect it (the outlet's address); null otherwise. */
  readonly pickupAddress: string | null;
  /** Why the restaurant declined it, in its words; null unless the order was rejected. */
  readonly rejectionReason: string | null;
  /** The map's fixed pins: a delivery's outlet and drop-off while it is not finished; null otherwise. */
  readonly pins: { readonly outlet: TrackLatLng; readonly dropoff: TrackLatLng } | null;
  /** The lines as the ordering page takes them, for "Order again". */
  readonly reorder: readonly ReorderLine[];
}

export interface ReorderLine {
  readonly itemId: string;
  readonly qty: number;
  readonly modifiers: readonly { readonly groupId: string; readonly optionId: string }[];
}

export type OutletWaiting = 'offline' | 'slow';

/**
 * The receipt: what was priced, as the server priced it. Modifier names are the menu's, never text the
 * customer typed. `taxes` as the outlet's tax settings charged them (empty: no separate tax).
 */
export interface TrackReceipt {
  readonly lines: readonly {
    readonly name: string;
    readonly qty: number;
    readonly unitPrice: number;
    readonly modifiers: readonly { readonly name: string; readonly price: number }[];
    readonly lineTotal: number;
  }[];
  readonly subtotal: number;
  readonly deliveryFee: number;
  readonly taxes: readonly TaxLine[];
  readonly total: number;
}

/** How the order is paid, for the customer: method, where a card payment stands, and money given back. */
export interface TrackPayment {
  readonly method: 'cash' | 'card';
  /** Card: 'awaiting' until the provider confirms, then 'paid' (or 'failed'); null for cash. */
  readonly status: 'awaiting' | 'paid' | 'failed' | null;
  /** Minor units confirmed paid (card) and refunded (either method). */
  readonly paid: number;
  readonly refunded: number;
}

export const trackMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(TRACK_MAP);

export function readTrack(doc: Y.Doc): TrackView | null {
  const value = trackMap(doc).get('view');
  return value && typeof value === 'object' ? (value as TrackView) : null;
}
