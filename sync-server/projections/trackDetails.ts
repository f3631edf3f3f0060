import type { OrderView } from '../../shared/order/orderDoc';
import { orderNumber } from '../../shared/order/orderNumber';
import { isTerminal } from '../../shared/order/status';
import type { TrackDetails } from '../../shared/track';

/** Three decimals of a degree: about 110 m, the street and not the door. */
const roundToStreet = (degrees: number): number => Math.round(degrees * 1000) / 1000;

/**
 * Which order this is, where it goes and how to order it again, as a tracking link may show it. The
 * drop-off's pin is there for the map from placing until the order is finished, and only to about
 * 110 m: a link is meant to be shared, and whoever holds it needs the area, not the door (the driver's
 * own app has the exact pin). A finished order's link needs no map and points nowhere.
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
    pins: dropoff
      ? {
          outlet: { lat: header.outlet.lat, lng: header.outlet.lng },
          dropoff: { lat: roundToStreet(dropoff.lat), lng: roundToStreet(dropoff.lng) },
        }
      : null,
    reorder: header.items.map((l) => ({
      itemId: l.itemId,
      qty: l.qty,
      modifiers: l.modifiers.map((m) => ({ groupId: m.groupId, optionId: m.optionId })),
    })),
  };
}
