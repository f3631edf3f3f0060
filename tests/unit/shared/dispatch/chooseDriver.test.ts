import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseDriver, DEFAULT_POLICY, type DriverCandidate } from '../../../../shared/dispatch/chooseDriver';
import type { OrderId, UserId } from '../../../../shared/ids';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
const NEAR = { lat: 12.98, lng: 77.61 }; // ~600 m
const FAR = { lat: 13.2, lng: 77.9 }; // ~40 km
const NOW = 1_800_000_000_000;

const driver = (id: string, over: Partial<DriverCandidate> = {}): DriverCandidate => ({
  id: id as UserId,
  onShift: true,
  activeOrders: 0,
  capacity: 1,
  position: NEAR,
  positionAt: NOW - 5_000,
  lastDeliveryEndedAt: null,
  lastAssignedAt: null,
  reach: 'connected',
  ...over,
});
const request = (excluded: string[] = [], now = NOW, mode: 'offer' | 'assign' = 'offer') => ({
  orderId: 'o1' as OrderId,
  pickup: OUTLET,
  now,
  excluded: new Set(excluded as UserId[]),
  mode,
});
const chosen = (drivers: DriverCandidate[], excluded: string[] = [], mode: 'offer' | 'assign' = 'offer') => {
  const c = chooseDriver(drivers, request(excluded, NOW, mode));
  return c.ok ? c.value.driverId : c.error.code;
};

describe('chooseDriver', () => {
  it('assigns nine orders in a row to three drivers in least-recent-delivery order', () => {
    let drivers = [
      driver('asha', { lastDeliveryEndedAt: NOW - 30 * 60_000 }),
      driver('bala', { lastDeliveryEndedAt: NOW - 50 * 60_000 }),
      driver('chen', { lastDeliveryEndedAt: NOW - 40 * 60_000 }),
    ];
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      const now = NOW + i * 60_000;
      const choice = chooseDriver(drivers, request([], now));
      if (!choice.ok) throw new Error(choice.error.message);
      order.push(choice.value.driverId);
      // The driver delivers it before the next order comes in.
      drivers = drivers.map((d) =>
        d.id === choice.value.driverId
          ? { ...d, lastAssignedAt: now, lastDeliveryEndedAt: now + 30_000, positionAt: now }
          : { ...d, positionAt: now },
      );
    }
    expect(order).toEqual(['bala', 'chen', 'asha', 'bala', 'chen', 'asha', 'bala', 'chen', 'asha']);
  });

  it('spreads orders across drivers with spare capacity instead of filling one first', () => {
    let drivers = [driver('asha', { capacity: 3 }), driver('bala', { capacity: 3 })];
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const choice = chooseDriver(drivers, request([], NOW + i));
      if (!choice.ok) throw new Error(choice.error.message);
      order.push(choice.value.driverId);
      drivers = drivers.map((d) =>
        d.id === choice.value.driverId ? { ...d, activeOrders: d.activeOrders + 1, lastAssignedAt: NOW + i } : d,
      );
    }
    expect(order).toEqual(['asha', 'bala', 'asha', 'bala']);
  });

  it('gives a driver who never delivered the first order, breaking ties by distance then id', () => {
    expect(chosen([driver('old', { lastDeliveryEndedAt: NOW - 3_600_000 }), driver('new')])).toBe('new');
    expect(
      chosen([driver('b', { position: { lat: 12.99, lng: 77.62 } }), driver('a', { position: NEAR }), driver('c', { position: NEAR })]),
    ).toBe('a');
  });

  it('skips drivers off shift, at capacity, excluded, too far or with a stale position', () => {
    expect(chosen([driver('off', { onShift: false })])).toBe('no_driver_on_shift');
    expect(chosen([driver('full', { activeOrders: 1 })])).toBe('no_driver_available');
    expect(chosen([driver('declined')], ['declined'])).toBe('no_driver_available');
    expect(chosen([driver('far', { position: FAR })])).toBe('no_driver_in_reach');
    expect(chosen([driver('stale', { positionAt: NOW - DEFAULT_POLICY.maxPositionAgeMs - 1 })])).toBe('no_driver_in_reach');
    expect(chosen([driver('unknown', { position: null, positionAt: null })])).toBe('no_driver_in_reach');
    expect(
      chosen([driver('full', { activeOrders: 1 }), driver('far', { position: FAR }), driver('ok', { lastDeliveryEndedAt: NOW })]),
    ).toBe('ok');
  });

  it('offers nothing to a driver whose app is unreachable, but lets the delivery API assign them', () => {
    expect(chosen([driver('gone', { reach: 'unreachable' })])).toBe('no_driver_reachable');
    expect(
      chosen([driver('gone', { reach: 'unreachable', lastDeliveryEndedAt: null }), driver('later', { lastDeliveryEndedAt: NOW })]),
    ).toBe('later');
    expect(chosen([driver('gone', { reach: 'unreachable' })], [], 'assign')).toBe('gone');
  });

  it('offers to a sleeping phone, saying so, when it is that driver’s turn', () => {
    const choice = chooseDriver([driver('asleep', { reach: 'asleep' }), driver('awake', { lastDeliveryEndedAt: NOW })], request());
    expect(choice).toEqual({ ok: true, value: expect.objectContaining({ driverId: 'asleep', reach: 'asleep' }) });
  });

  it('keeps the fair queue first, and between drivers served alike prefers an open app to a nearer sleeping phone', () => {
    const nearer = { lat: 12.9757, lng: 77.6067 };
    expect(chosen([driver('asleep', { reach: 'asleep', position: nearer }), driver('awake')])).toBe('awake');
    expect(chosen([driver('asleep', { reach: 'asleep', position: nearer }), driver('awake')], [], 'assign')).toBe('asleep');
    expect(
      chosen([driver('asleep', { reach: 'asleep', lastDeliveryEndedAt: NOW - 60_000 }), driver('awake', { lastDeliveryEndedAt: NOW })]),
    ).toBe('asleep');
  });

  it('moves the offer on when a driver declines or lets it time out', () => {
    const drivers = [
      driver('asha', { lastDeliveryEndedAt: NOW - 3 }),
      driver('bala', { lastDeliveryEndedAt: NOW - 2 }),
      driver('chen', { lastDeliveryEndedAt: NOW - 1 }),
    ];
    expect(chosen(drivers)).toBe('asha');
    expect(chosen(drivers, ['asha'])).toBe('bala');
    expect(chosen(drivers, ['asha', 'bala'])).toBe('chen');
    expect(chosen(drivers, ['asha', 'bala', 'chen'])).toBe('no_driver_available');
  });

  it('decides the same whatever order the drivers are listed in', () => {
    const arb = fc
      .array(
        fc.record({
          id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
          onShift: fc.boolean(),
          activeOrders: fc.integer({ min: 0, max: 2 }),
          lastDeliveryEndedAt: fc.option(fc.integer({ min: NOW - 10_000, max: NOW }), { nil: null }),
          lat: fc.double({ min: 12.9, max: 13.05, noNaN: true }),
          reach: fc.constantFrom('connected', 'asleep', 'unreachable' as const),
        }),
        { maxLength: 8 },
      )
      .map((rows) => [
        ...new Map(
          rows.map((r) => [
            r.id,
            driver(r.id, {
              onShift: r.onShift,
              activeOrders: r.activeOrders,
              capacity: 2,
              lastDeliveryEndedAt: r.lastDeliveryEndedAt,
              position: { lat: r.lat, lng: 77.6 },
              reach: r.reach,
            }),
          ]),
        ).values(),
      ]);
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.nat()), (drivers, seeds) => {
        const shuffled = [...drivers].sort(() => (seeds.next().value % 3) - 1);
        expect(chooseDriver(shuffled, request())).toEqual(chooseDriver(drivers, request()));
      }),
    );
  });
});
