import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../../../shared/catalog/zones';
import { buildOffer, isDelivery, needsDriver } from '../../../../shared/dispatch/offer';
import type { OrderEvent } from '../../../../shared/order/events';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { OrderType } from '../../../../shared/order/status';
import { ADMIN, DRIVER1, event, header, MINUTE, OUTLET, SYSTEM } from '../order/fixtures';

const view = (events: OrderEvent[], type: OrderType = 'delivery') => ({
  header: header(type),
  state: reduceOrder(events, { orderType: type }),
});
const placed = event('placed', 0, SYSTEM, {});
const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 15 });

describe('needsDriver', () => {
  it('is true for a delivery the outlet accepted, until it has a driver or is collected or finished', () => {
    expect(needsDriver(view([placed]))).toBe(false);
    expect(needsDriver(view([placed, accepted]))).toBe(true);
    expect(needsDriver(view([placed, accepted, event('ready', 10 * MINUTE, OUTLET, {})]))).toBe(true);
    expect(needsDriver(view([placed, accepted, event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id })]))).toBe(false);
    expect(needsDriver(view([placed, accepted, event('cancelled', 2 * MINUTE, ADMIN, { reason: 'customer called' })]))).toBe(false);
    expect(needsDriver(view([placed, accepted], 'pickup'))).toBe(false);
  });

  it('is true again when the driver is taken off', () => {
    const events = [
      placed,
      accepted,
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('unassigned', 3 * MINUTE, ADMIN, { driverId: DRIVER1.id, reason: 'off shift' }),
    ];
    expect(needsDriver(view(events))).toBe(true);
  });
});

describe('buildOffer', () => {
  it('carries what a driver needs to decide: outlet, area, distances and cash; nothing of the customer', () => {
    const h = header('delivery');
    if (!isDelivery(h)) throw new Error('a delivery');
    const offer = buildOffer(h, { offeredAt: 1000, expiresAt: 61_000, distanceMeters: 812.4 });
    expect(offer).toEqual({
      orderId: h.id,
      offeredAt: 1000,
      expiresAt: 61_000,
      outletName: 'Dabba Kitchen',
      outletAddress: '1 MG Road',
      pickup: { lat: 12.97, lng: 77.59 },
      dropoffArea: 'Brigade Road',
      dropoff: { lat: 12.96, lng: 77.6 },
      distanceMeters: 812,
      tripMeters: Math.round(distanceMeters({ lat: 12.97, lng: 77.59 }, { lat: 12.96, lng: 77.6 })),
      cashToCollect: h.totals.total,
      deliveryFee: h.totals.deliveryFee,
      currency: 'INR',
    });
    expect(JSON.stringify(offer)).not.toContain(h.customer.phone);
    expect(JSON.stringify(offer)).not.toContain(h.customer.name);
  });
});
