import type * as Y from 'yjs';
import { z } from 'zod';
import { OrderIdSchema } from '../../../../shared/ids';
import { offersMap, type Offer } from '../../../../shared/inbox';

const latLng = z.object({ lat: z.number(), lng: z.number() });
const offerSchema = z.object({
  orderId: OrderIdSchema,
  offeredAt: z.number(),
  expiresAt: z.number(),
  outletName: z.string(),
  outletAddress: z.string(),
  pickup: latLng,
  dropoffArea: z.string(),
  dropoff: latLng,
  distanceMeters: z.number(),
  tripMeters: z.number(),
  cashToCollect: z.number(),
  deliveryFee: z.number().optional(),
  currency: z.string(),
});

/**
 * The offers in a driver's inbox document, oldest first. The server writes them; an entry of a shape
 * this version does not know is left out rather than shown half.
 */
export function readOffers(doc: Y.Doc | undefined): readonly Offer[] {
  if (!doc) return [];
  const offers: Offer[] = [];
  for (const value of offersMap(doc).values()) {
    const parsed = offerSchema.safeParse(value);
    if (!parsed.success) continue;
    // Offers from before the fee was carried have none: leave the key out rather than hold `undefined`.
    const { deliveryFee, ...rest } = parsed.data;
    offers.push(deliveryFee === undefined ? rest : { ...rest, deliveryFee });
  }
  return offers.sort((a, b) => a.offeredAt - b.offeredAt);
}
