import { describe, expect, it } from 'vitest';
import { ageText, mapPoints } from '../../../../../../client/admin/model/map/mapPoints';
import type { OutletCatalog } from '../../../../../../client/admin/model/outlets/useOutletCatalogs';
import type { AdminDriver } from '../../../../../../shared/api/adminDrivers';
import type { OrderId, UserId } from '../../../../../../shared/ids';
import { DRIVER1, event, MINUTE, OUTLET, OUTLET_ID, SYSTEM, T0 } from '../../../../shared/order/fixtures';
import { MENU, PROFILE } from '../../../support/outletFixtures';
import { heldOrder } from '../../support/heldOrders';

const NOW = T0 + 30 * MINUTE;
const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 10 });
const assigned = event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id });

const driver = (change: Partial<AdminDriver>): AdminDriver => ({
  id: DRIVER1.id,
  name: 'Ravi Kumar',
  phone: '+91 90000 00000',
  onShift: true,
  capacity: 2,
  activeOrders: [],
  position: { lat: 12.97, lng: 77.6, at: NOW - 30_000, accuracy: 10 },
  connected: true,
  ...change,
});

const outlet = (paused: boolean): OutletCatalog => ({
  id: OUTLET_ID,
  syncState: 'synced',
  catalog: {
    profile: PROFILE,
    menu: MENU,
    availability: new Map(),
    paused: paused ? { until: null, reason: 'offline', at: T0 } : null,
    busy: null,
  },
});

describe('mapPoints', () => {
  it('heads a driver to the pickup of an assigned order, and to the drop-off once it is on board', () => {
    const waiting = heldOrder('o1', [accepted, assigned], { customer: 'Gita' });
    const carried = heldOrder('o2', [accepted, assigned, event('picked_up', 12 * MINUTE, DRIVER1, {})], { customer: 'Hari' });
    const toPickup = mapPoints([waiting], [], [driver({ activeOrders: ['o1' as OrderId] })], NOW).drivers[0];
    expect(toPickup?.headingTo).toEqual({ orderId: 'o1', kind: 'pickup', text: 'Pick up at Dabba Kitchen' });
    const toDoor = mapPoints([waiting, carried], [], [driver({ activeOrders: ['o1', 'o2'] as OrderId[] })], NOW).drivers[0];
    expect(toDoor?.headingTo).toMatchObject({ orderId: 'o2', kind: 'dropoff' });
    expect(toDoor?.headingTo?.text).toMatch(/^Drop off in /);
    expect(toDoor?.load).toBe(2);
  });

  it('greys a position older than two minutes, and leaves off drivers off shift with nothing to carry or no position', () => {
    const points = mapPoints(
      [],
      [],
      [
        driver({ position: { lat: 1, lng: 2, at: NOW - 3 * MINUTE, accuracy: null } }),
        driver({ id: 'home' as UserId, onShift: false }),
        driver({ id: 'lost' as UserId, position: null }),
      ],
      NOW,
    );
    expect(points.drivers.map((d) => [d.id, d.stale])).toEqual([[DRIVER1.id, true]]);
    expect(ageText(NOW - 3 * MINUTE, NOW)).toBe('3 min ago');
    expect(ageText(NOW - 10_000, NOW)).toBe('just now');
  });

  it('shows each outlet with its orders under way and whether it is paused, and every delivery under way', () => {
    const orders = [
      heldOrder('o1', [accepted], { customer: 'Gita' }),
      heldOrder('o2', [accepted], { customer: 'Kabir', type: 'pickup' }),
      heldOrder('o3', [event('cancelled', MINUTE, OUTLET, { reason: 'x' })]),
    ];
    const points = mapPoints(orders, [outlet(true)], [], NOW);
    expect(points.outlets).toEqual([
      { id: OUTLET_ID, name: PROFILE.name, lat: PROFILE.lat, lng: PROFILE.lng, note: 'Paused', activeOrders: 2 },
    ]);
    expect(points.dropoffs.map((d) => [d.orderId, d.customer, d.late, d.driverId])).toEqual([['o1', 'Gita', true, null]]);
  });
});
