import type * as Y from 'yjs';
import type { LatLng } from './catalog/zones';
import { OrderIdSchema, type OrderId, type UserId } from './ids';

/**
 * An inbox document (`inbox:outlet:<id>`, `inbox:driver:<id>`, `inbox:admin`) is written only by the
 * server: Y.Map('orders') of orderId → entry. A device holds every order its inboxes list.
 */
export const INBOX_MAP = 'orders';

export interface InboxEntry {
  readonly placedAt: number;
  /** Outlet inboxes: set by the server when the order was left unanswered too long; the outlet's devices ring harder. */
  readonly escalatedAt?: number;
  /**
   * Outlet inboxes: the driver dispatch gave the order to, by first name as the tracking link shows them,
   * so the counter can tell drivers apart when receiving cash (outlets have no drivers list). Absent while none.
   */
  readonly driver?: {
    readonly id: UserId;
    readonly firstName: string;
    /**
     * When the driver should reach the outlet (server clock), from where their device last was when
     * they were given the order, at courier speed; absent when no position was known.
     */
    readonly expectedAt?: number;
    /**
     * When the driver's phone was first seen near the outlet while the order waited for them (their
     * device's clock); absent until then, and in entries written before it was carried.
     */
    readonly arrivedAt?: number;
  };
}

export const inboxMap = (doc: Y.Doc): Y.Map<InboxEntry> => doc.getMap<InboxEntry>(INBOX_MAP);

export function inboxOrderIds(doc: Y.Doc): OrderId[] {
  // Keys are written only by the server, as order ids; one that is not (a damaged doc) names no order.
  return [...inboxMap(doc).keys()].flatMap((key) => {
    const id = OrderIdSchema.safeParse(key);
    return id.success ? [id.data] : [];
  });
}

/** Orders in an outlet inbox the server escalated for being left unanswered, with when (server time). */
export function escalatedOrders(doc: Y.Doc): Map<OrderId, number> {
  return new Map(
    inboxOrderIds(doc).flatMap((id) => {
      const at = inboxMap(doc).get(id)?.escalatedAt;
      return at === undefined ? [] : [[id, at] as const];
    }),
  );
}

/**
 * A driver's inbox also holds the offers made to them: Y.Map('offers') of orderId → Offer. The server
 * adds an entry when it offers an order and removes it when the offer ends (accepted, declined, timed
 * out, withdrawn). The driver cannot open the order itself until they accept, so an offer carries all
 * a driver needs to decide, and nothing about the customer but the area and the cash.
 */
export const OFFERS_MAP = 'offers';

export interface Offer {
  readonly orderId: OrderId;
  /** Server clock, epoch ms. */
  readonly offeredAt: number;
  /** Server clock: after this the offer moves on to the next driver. */
  readonly expiresAt: number;
  readonly outletName: string;
  readonly outletAddress: string;
  readonly pickup: LatLng;
  /** The drop-off address without the house number, where that can be told apart. */
  readonly dropoffArea: string;
  readonly dropoff: LatLng;
  /** From the driver's last known position to the outlet, great-circle metres. */
  readonly distanceMeters: number;
  /** From the outlet to the drop-off, great-circle metres. */
  readonly tripMeters: number;
  /** What to collect from the customer in cash, minor units; 0 when nothing. */
  readonly cashToCollect: number;
  /**
   * The delivery fee the customer pays for this order, minor units: the only money figure an order
   * carries for the trip (driver pay is not modelled), shown as what it is. Absent in offers made
   * before it was carried.
   */
  readonly deliveryFee?: number;
  readonly currency: string;
}

export const offersMap = (doc: Y.Doc): Y.Map<Offer> => doc.getMap<Offer>(OFFERS_MAP);
