import type { OrderId, UserId } from '../../../shared/ids';
import type { OfferRow } from '../../../sync-server/storage/dispatchState';

/** A stored offer of `order` to `driverId`, with text that round-trips only if stored faithfully. */
export const offerRow = (order: OrderId, driverId: UserId, offeredAt: number, expiresAt = offeredAt + 60_000): OfferRow => ({
  orderId: order,
  driverId,
  offeredAt,
  expiresAt,
  offer: {
    orderId: order,
    offeredAt,
    expiresAt,
    outletName: 'Dosa Corner 🥞',
    outletAddress: '12, 80 Feet Rd, Koramangala',
    pickup: { lat: 12.9352, lng: 77.6245 },
    dropoffArea: 'HSR Layout "Sector 2"',
    dropoff: { lat: 12.9121, lng: 77.6446 },
    distanceMeters: 850.5,
    tripMeters: 3_200,
    cashToCollect: 0,
    currency: 'INR',
  },
});
