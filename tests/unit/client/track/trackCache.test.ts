import { describe, expect, it } from 'vitest';
import type { TrackView } from '../../../../shared/track';
import { memoryStorage } from '../../../../client/common/store/keyValueStorage';
import { parseTrackView, TrackCache } from '../../../../client/track/trackCache';

const VIEW: TrackView = {
  status: 'accepted',
  orderType: 'pickup',
  outletName: 'Dabba Demo Kitchen',
  outletPhone: '+91 80 4000 1234',
  placedAt: 1_700_000_000_000,
  readyBy: 1_700_000_900_000,
  timeline: [{ type: 'placed', at: 1_700_000_000_000 }],
  items: [{ name: 'Plain Dosa', qty: 2 }],
  total: 18000,
  currency: 'INR',
};

describe('TrackCache', () => {
  it('gives back the last view of a link after a reload, with when it was saved', () => {
    const storage = memoryStorage();
    new TrackCache(storage).write('tok', VIEW, 42);
    expect(new TrackCache(storage).read('tok')).toEqual({ view: VIEW, savedAt: 42 });
    expect(new TrackCache(storage).read('other')).toBeNull();
  });

  it('forgets a link the server does not know', () => {
    const cache = new TrackCache(memoryStorage());
    cache.write('tok', VIEW);
    cache.forget('tok');
    expect(cache.read('tok')).toBeNull();
  });

  it('keeps the delivery part (driver, position, arrival, area) through a reload, and reads views cached before it existed', () => {
    const storage = memoryStorage();
    const onTheWay: TrackView = {
      ...VIEW,
      status: 'picked_up',
      orderType: 'delivery',
      driver: { firstName: 'Ravi' },
      driverPosition: { lat: 12.97, lng: 77.6, at: 1_700_000_950_000 },
      estimatedArrival: 1_700_001_500_000,
      dropoffArea: 'Residency Road',
    };
    new TrackCache(storage).write('tok', onTheWay, 42);
    expect(new TrackCache(storage).read('tok')?.view).toEqual(onTheWay);
    expect(parseTrackView(VIEW)).not.toHaveProperty('driver');
  });

  it('keeps the order’s details (number, pins, reorder lines) through a reload, and reads views cached before them', () => {
    const storage = memoryStorage();
    const detailed: TrackView = {
      ...VIEW,
      details: {
        orderNumber: '#K7M3X',
        outletId: 'demo-outlet',
        pickupAddress: '12 MG Road',
        rejectionReason: null,
        pins: { outlet: { lat: 12.97, lng: 77.6 }, dropoff: { lat: 12.96, lng: 77.59 } },
        reorder: [{ itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'chutney', optionId: 'mint' }] }],
      },
    };
    new TrackCache(storage).write('tok', detailed, 42);
    expect(new TrackCache(storage).read('tok')?.view).toEqual(detailed);
    expect(parseTrackView(VIEW)).not.toHaveProperty('details');
  });

  it('reads a receipt cached before tax settings as one without taxes', () => {
    const receipt = {
      lines: [{ name: 'Plain Dosa', qty: 2, unitPrice: 9000, modifiers: [], lineTotal: 18000 }],
      subtotal: 18000,
      deliveryFee: 0,
      total: 18000,
    };
    expect(parseTrackView({ ...VIEW, receipt: { ...receipt, tax: 0 } })?.receipt).toEqual({ ...receipt, taxes: [] });
    const taxed = { ...receipt, taxes: [{ name: 'VAT', rateBasisPoints: 2_000, inclusive: true, amount: 3000 }] };
    expect(parseTrackView({ ...VIEW, receipt: taxed })?.receipt).toEqual(taxed);
  });

  it('refuses views of a shape this page does not know', () => {
    expect(parseTrackView(VIEW)).toEqual(VIEW);
    expect(parseTrackView({ ...VIEW, status: 'teleported' })).toBeNull();
    expect(parseTrackView(null)).toBeNull();
  });
});
