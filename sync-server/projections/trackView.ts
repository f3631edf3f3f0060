import { estimatedArrival } from '../../shared/dispatch/arrival';
import { isDelivery } from '../../shared/dispatch/offer';
import { dropoffLocality } from '../../shared/order/dropoffLocality';
import type { OrderView } from '../../shared/order/orderDoc';
import { isTerminal } from '../../shared/order/status';
import type { OrderEvent } from '../../shared/order/events';
import type { OutletWaiting, TrackDelivery, TrackView } from '../../shared/track';
import { trackDetails } from './trackDetails';

/** Events that are kitchen-side bookkeeping, not steps of the customer's order. */
const HIDDEN_FROM_CUSTOMER: ReadonlySet<OrderEvent['type']> = new Set([
  'note',
  'assigned',
  'unassigned',
  'acknowledged',
  'delivery_code_failed',
]);

/** What the tracking link may know about the order's driver. */
export interface TrackDriver {
  /** First name only: the customer needs to know who rings the bell, not who they are. */
  readonly firstName: string | null;
  /** The driver's last device position (never a declared one), or null. */
  readonly position: { readonly lat: number; readonly lng: number; readonly at: number } | null;
}

/**
 * The public projection of an order: what a tracking link may show, and nothing more (no ids, no
 * phone but the outlet's, nothing the customer typed: the drop-off is its zone, not the address). The driver's position is there only while the order is on its way.
 */
export function trackView(
  order: OrderView,
  driver: TrackDriver | null,
  outletWaiting: OutletWaiting | null = null,
  deliveryCode: string | null = null,
): TrackView & TrackDelivery {
  const { header, state } = order;
  const delivery = isDelivery(header) ? header : null;
  const onTheWay = state.status === 'picked_up';
  const position = onTheWay && driver?.position ? { lat: driver.position.lat, lng: driver.position.lng, at: driver.position.at } : null;
  const pickedUpAt = state.applied.findLast((e) => e.type === 'picked_up')?.at ?? null;
  return {
    status: state.status,
    orderType: header.type,
    outletName: header.outlet.name,
    outletPhone: header.outlet.phone,
    placedAt: header.createdAt,
    readyBy: state.readyBy,
    timeline: state.applied
      // Kitchen-side bookkeeping (notes, driver changes, a tablet's acknowledgement, a wrong delivery code) is not the customer's news.
      .filter((e) => !HIDDEN_FROM_CUSTOMER.has(e.type))
      .map((e) => ({ type: e.type, at: e.at })),
    items: header.items.map((l) => ({ name: l.name, qty: l.qty })),
    total: header.totals.total,
    currency: header.currency,
    driver: state.driverId !== null && driver?.firstName ? { firstName: driver.firstName } : null,
    driverPosition: position,
    estimatedArrival: delivery
      ? estimatedArrival({
          status: state.status,
          readyBy: state.readyBy,
          pickedUpAt,
          outlet: delivery.outlet,
          dropoff: delivery.address,
          driver: position,
        })
      : null,
    dropoffArea: dropoffLocality(header),
    // Only while it can still be asked for: a finished order's code proves nothing any more.
    deliveryCode: delivery && !isTerminal(state.status) ? deliveryCode : null,
    outletWaiting: state.status === 'placed' ? outletWaiting : null,
    receipt: {
      lines: header.items.map((l) => ({
        name: l.name,
        qty: l.qty,
        unitPrice: l.unitPrice,
        modifiers: l.modifiers.map((m) => ({ name: m.name, price: m.price })),
        lineTotal: l.lineTotal,
      })),
      subtotal: header.totals.subtotal,
      deliveryFee: header.totals.deliveryFee,
      taxes: header.totals.taxes ?? [],
      total: header.totals.total,
    },
    payment: {
      method: header.payment.method,
      status: state.payment.status === 'pending' ? 'awaiting' : state.payment.status,
      paid: state.payment.paid,
      refunded: state.payment.refunded,
    },
    details: trackDetails(order),
  };
}
