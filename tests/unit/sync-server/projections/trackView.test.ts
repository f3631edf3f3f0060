import { describe, expect, it } from 'vitest';
import type { OrderEvent } from '../../../../shared/order/events';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { OrderType } from '../../../../shared/order/status';
import { trackView, type TrackDriver } from '../../../../sync-server/projections/trackView';
import { money } from '../../../../shared/money';
import { ADMIN, DRIVER1, event, header, MINUTE, OUTLET, SYSTEM, T0 } from '../../shared/order/fixtures';

const RAVI: TrackDriver = { firstName: 'Ravi', position: { lat: 12.965, lng: 77.598, at: T0 + 30 * MINUTE } };
const view = (events: OrderEvent[], type: OrderType = 'delivery') => ({
  header: header(type),
  state: reduceOrder(events, { orderType: type }),
});
const assigned = [
  event('placed', 0, SYSTEM, {}),
  event('accepted', MINUTE, OUTLET, { prepMinutes: 15 }),
  event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
];

describe('trackView', () => {
  it('carries the driver’s first name once assigned, and their position only while the order is on its way', () => {
    const waiting = trackView(view(assigned), RAVI);
    expect(waiting).toMatchObject({ driver: { firstName: 'Ravi' }, driverPosition: null, dropoffArea: 'Near 12.96, 77.60' });
    expect(waiting.estimatedArrival).toBeGreaterThan(waiting.readyBy ?? Number.POSITIVE_INFINITY);
    const onTheWay = trackView(view([...assigned, event('picked_up', 25 * MINUTE, DRIVER1, {})]), RAVI);
    expect(onTheWay.driverPosition).toEqual(RAVI.position);
    const done = trackView(
      view([...assigned, event('picked_up', 25 * MINUTE, DRIVER1, {}), event('delivered', 40 * MINUTE, DRIVER1, {})]),
      RAVI,
    );
    expect(done).toMatchObject({ driver: { firstName: 'Ravi' }, driverPosition: null, estimatedArrival: null });
  });

  it('has no driver part before assignment and no drop-off for a pickup order', () => {
    expect(trackView(view(assigned.slice(0, 2)), null)).toMatchObject({ driver: null, driverPosition: null });
    expect(trackView(view(assigned.slice(0, 2), 'pickup'), null)).toMatchObject({ dropoffArea: null, estimatedArrival: null });
  });

  it('shows a delivery’s code until it is finished, keeps wrong tries off the timeline, and shows no code on a pickup', () => {
    const pickedUp = [...assigned, event('picked_up', 25 * MINUTE, DRIVER1, {}), event('delivery_code_failed', 30 * MINUTE, DRIVER1, {})];
    const onTheWay = trackView(view(pickedUp), RAVI, null, '0427');
    expect(onTheWay.deliveryCode).toBe('0427');
    expect(onTheWay.timeline.map((e) => e.type)).not.toContain('delivery_code_failed');
    const done = trackView(view([...pickedUp, event('delivered', 40 * MINUTE, DRIVER1, { code: '0427' })]), RAVI, null, '0427');
    expect(done.deliveryCode).toBeNull();
    expect(trackView(view(assigned.slice(0, 2), 'pickup'), null, null, '0427').deliveryCode).toBeNull();
  });

  it('holds its fields and nothing else: no ids, no customer, no phone but the outlet’s', () => {
    const v = trackView(view([...assigned, event('picked_up', 25 * MINUTE, DRIVER1, {})]), RAVI);
    expect(Object.keys(v).sort()).toEqual([
      'currency',
      'deliveryCode',
      'details',
      'driver',
      'driverPosition',
      'dropoffArea',
      'estimatedArrival',
      'items',
      'orderType',
      'outletName',
      'outletPhone',
      'outletWaiting',
      'payment',
      'placedAt',
      'readyBy',
      'receipt',
      'status',
      'timeline',
      'total',
    ]);
    const json = JSON.stringify(v);
    for (const secret of [header().id, DRIVER1.id, header().customer.phone, header().customer.name, '2 Brigade Road'])
      expect(json).not.toContain(secret);
    expect(v.timeline.map((e) => e.type)).toEqual(['placed', 'accepted', 'picked_up']);
  });

  it('prints the taxes the order was priced with on its receipt, and none for an order from before tax settings', () => {
    const gst = { name: 'GST', rateBasisPoints: 500, inclusive: false, amount: money(900) };
    const plain = header('pickup');
    const taxed = { ...plain, totals: { ...plain.totals, taxes: [gst], total: money(plain.totals.total + 900) } };
    const state = reduceOrder(assigned.slice(0, 2), { orderType: 'pickup' });
    expect(trackView({ header: taxed, state }, null).receipt).toMatchObject({ taxes: [gst], total: plain.totals.total + 900 });
    expect(trackView({ header: plain, state }, null).receipt?.taxes).toEqual([]);
  });

  it('shows a card payment awaiting, paid and refunded, without the provider’s references', () => {
    const card = (events: OrderEvent[]) =>
      trackView({ header: { ...header('pickup'), payment: { method: 'card' } }, state: reduceOrder(events) }, null);
    const placed = event('placed', 0, SYSTEM, {});
    const pending = event('payment_pending', 1, SYSTEM, {
      provider: 'stripe',
      amount: money(36000),
      currency: 'INR',
      checkoutRef: 'cs_secret_ref',
      expiresAt: T0 + 30 * MINUTE,
    });
    expect(card([placed, pending])).toMatchObject({ status: 'awaiting_payment', payment: { method: 'card', status: 'awaiting', paid: 0 } });
    const paid = event('paid', MINUTE, SYSTEM, { provider: 'stripe', amount: money(36000), currency: 'INR', paymentRef: 'pi_secret_ref' });
    const refunded = event('refunded', 2 * MINUTE, SYSTEM, {
      amount: money(6000),
      currency: 'INR',
      reason: 'Cold food',
      method: 'card',
      refundedBy: ADMIN.id,
      refundRef: 're_secret_ref',
    });
    const v = card([placed, pending, paid, refunded]);
    expect(v.payment).toEqual({ method: 'card', status: 'paid', paid: 36000, refunded: 6000 });
    expect(JSON.stringify(v)).not.toMatch(/secret_ref|Cold food/);
    expect(trackView(view([placed]), null).payment).toEqual({ method: 'cash', status: null, paid: 0, refunded: 0 });
  });

  it('says why the restaurant has not answered only while the order is placed', () => {
    expect(trackView(view([]), null, 'offline').outletWaiting).toBe('offline');
    expect(trackView(view(assigned), null, 'slow').outletWaiting).toBeNull();
  });

  it('shows the drop-off as its delivery zone, or the pin to about a kilometre, never the address text', () => {
    const text = 'Flat 9, Kiran Rao +91 90000 12345, 14 Church Street';
    const base = header('delivery');
    const typed = { ...base, address: { text, lat: 12.97512, lng: 77.60487 } };
    const zoned = trackView(
      { header: { ...typed, deliveryZone: 'Central Bengaluru' }, state: reduceOrder(assigned, { orderType: 'delivery' }) },
      RAVI,
    );
    const unzoned = trackView({ header: typed, state: reduceOrder(assigned, { orderType: 'delivery' }) }, RAVI);
    expect(zoned.dropoffArea).toBe('Central Bengaluru');
    expect(unzoned.dropoffArea).toBe('Near 12.98, 77.60');
    for (const v of [zoned, unzoned]) {
      const json = JSON.stringify(v);
      for (const secret of ['Kiran', '90000', '12345', 'Church', 'Flat 9']) expect(json).not.toContain(secret);
    }
  });
});
