import { distanceMeters } from '../catalog/zones';
import type { Offer } from '../inbox';
import { dropoffArea } from '../order/dropoffArea';
import type { OrderHeader } from '../order/header';
import type { OrderView } from '../order/orderDoc';
import type { OrderStatus } from '../order/status';

/** Statuses in which a delivery without a driver waits for one: the outlet took it and no one has collected it. */
export const AWAITING_DRIVER: readonly OrderStatus[] = ['accepted', 'preparing', 'ready'];

export type DeliveryHeader = OrderHeader & { readonly address: NonNullable<OrderHeader['address']> };

export const isDelivery = (header: OrderHeader): header is DeliveryHeader => header.type === 'delivery' && header.address !== undefined;

/** Does dispatch owe this order a driver? A delivery the outlet accepted, not picked up or finished, with no driver. */
export function needsDriver({ header, state }: OrderView): boolean {
  return isDelivery(header) && state.driverId === null && AWAITING_DRIVER.includes(state.status);
}

/** What the driver collects at the door, minor units: the whole total for cash orders, else nothing. */
export const cashDue = (header: OrderHeader): number => (header.payment.method === 'cash' ? header.totals.total : 0);

/** What a driver sees of an order offered to them (see Offer): enough to decide, nothing more. */
export function buildOffer(header: DeliveryHeader, offer: { offeredAt: number; expiresAt: number; distanceMeters: number }): Offer {
  const pickup = { lat: header.outlet.lat, lng: header.outlet.lng };
  const dropoff = { lat: header.address.lat, lng: header.address.lng };
  return {
    orderId: header.id,
    offeredAt: offer.offeredAt,
    expiresAt: offer.expiresAt,
    outletName: header.outlet.name,
    outletAddress: header.outlet.address,
    pickup,
    dropoffArea: dropoffArea(header.address.text),
    dropoff,
    distanceMeters: Math.round(offer.distanceMeters),
    tripMeters: Math.round(distanceMeters(pickup, dropoff)),
    cashToCollect: cashDue(header),
    deliveryFee: header.totals.deliveryFee,
    currency: header.currency,
  };
}
