import { orderNumber } from '../../../shared/order/orderNumber';
import type { Quote } from '../api/orderApi';
import type { PlacedOrderRef } from '../checkout/placeOutcome';
import { PlacedOrders } from './placedOrders';

/** Adds an order the server just confirmed to "Your orders", with the total it was quoted at. */
export function rememberPlaced(placed: PlacedOrderRef, outletName: string, quote: Quote, store = new PlacedOrders()): void {
  store.remember({
    orderId: placed.orderId,
    number: orderNumber(placed.orderId),
    outletName,
    placedAt: Date.now(),
    trackingPath: placed.trackingPath,
    total: quote.total,
    currency: quote.currency,
  });
}
