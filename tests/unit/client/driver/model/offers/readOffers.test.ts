import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readOffers } from '../../../../../../client/driver/model/offers/readOffers';
import type { OrderId } from '../../../../../../shared/ids';
import { offersMap, type Offer } from '../../../../../../shared/inbox';

const offer = (orderId: string, offeredAt: number): Offer => ({
  orderId: orderId as OrderId,
  offeredAt,
  expiresAt: offeredAt + 60_000,
  outletName: 'Dabba Kitchen',
  outletAddress: '1 MG Road',
  pickup: { lat: 12.97, lng: 77.59 },
  dropoffArea: 'Brigade Road',
  dropoff: { lat: 12.96, lng: 77.6 },
  distanceMeters: 800,
  tripMeters: 2_400,
  cashToCollect: 29_000,
  currency: 'INR',
});

describe('offers in the driver inbox', () => {
  it('lists the offers oldest first and leaves out an entry of an unknown shape', () => {
    const doc = new Y.Doc();
    offersMap(doc).set('b', offer('b', 2_000));
    offersMap(doc).set('a', offer('a', 1_000));
    (doc.getMap('offers') as Y.Map<unknown>).set('c', { orderId: 'c', offeredAt: 3_000 });
    expect(readOffers(doc).map((o) => o.orderId)).toEqual(['a', 'b']);
    expect(readOffers(doc)[0]).toEqual(offer('a', 1_000));
  });

  it('reads the order’s delivery fee where the offer carries one', () => {
    const doc = new Y.Doc();
    offersMap(doc).set('a', { ...offer('a', 1_000), deliveryFee: 4_000 });
    offersMap(doc).set('b', offer('b', 2_000));
    expect(readOffers(doc).map((o) => o.deliveryFee)).toEqual([4_000, undefined]);
  });

  it('has none while the inbox is not on the phone', () => {
    expect(readOffers(undefined)).toEqual([]);
  });
});
