import type { OrderView } from '../../shared/order/orderDoc';
import { orderNumber } from '../../shared/order/orderNumber';
import { isTerminal } from '../../shared/order/status';
import type { TrackDetails } from '../../shared/track';

/**
 * Which order this is, where it goes and how to order it again, as a tracking link may show it. The
 * drop-off's pin is there for the map only while the order can still reach it: a finished order's
 * link needs no map, and should not go on pointing at a door.
 */
export function trackDetails({ header, state }: OrderView): TrackDetails {
  const rejected = state.status === 'rejected' ? state.applied.findLast((e) => e.type === 'rejected') : undefined;
  const dropoff = header.type === 'delivery' && !isTerminal(state.status) ? header.address : undefined;
  return {
    orderNumber: orderNumber(header.id),
    outletId: header.outletId,
    pickupAddress: header.type === 'pickup' ? header.outlet.address : null,
    // The kitchen's words to the customer; other stops may carry a driver's notes about the door, so only this one.
    rejectionReason: rejected?.type === 'rejected' ? rejected.reason : null,
    pins: dropoff ? { outlet: { lat: header.outlet.lat, lng: header.outlet.lng }, dropoff: { lat: dropoff.lat, lng: dropoff.lng } } : null,
    reorder: header.items.map((l) => ({
      itemId: l.itemId,
      qty: l.qty,
      modifiers: l.modifiers.map((m) => ({ groupId: m.groupId, optionId: m.optionId })),
    })),
  };
}
