import { describe, expect, it } from 'vitest';
import { currentAssignment, deliveryEndedAt, eventTimeAfter } from '../../../../shared/order/assignment';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { ADMIN, DRIVER1, DRIVER2, event, MINUTE, OUTLET, SYSTEM, T0 } from './fixtures';

const accepted = event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 15 });

describe('currentAssignment', () => {
  it('is the assignment that put the current driver on the order', () => {
    const state = reduceOrder([
      event('placed', 0, SYSTEM, {}),
      accepted,
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('unassigned', 3 * MINUTE, ADMIN, { driverId: DRIVER1.id, reason: 'off shift' }),
      event('assigned', 4 * MINUTE, ADMIN, { driverId: DRIVER2.id }),
    ]);
    expect(currentAssignment(state)).toEqual({ driverId: DRIVER2.id, at: T0 + 4 * MINUTE });
  });

  it('is null without a driver', () => {
    const state = reduceOrder([
      event('placed', 0, SYSTEM, {}),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('unassigned', 3 * MINUTE, ADMIN, { driverId: DRIVER1.id, reason: 'off shift' }),
    ]);
    expect(currentAssignment(state)).toBeNull();
  });
});

describe('deliveryEndedAt', () => {
  const base = [
    event('placed', 0, SYSTEM, {}),
    accepted,
    event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
    event('picked_up', 20 * MINUTE, DRIVER1, {}),
  ];

  it('is when the driver delivered or failed, by their device', () => {
    expect(deliveryEndedAt(reduceOrder([...base, event('delivered', 35 * MINUTE, DRIVER1, {})]))).toBe(T0 + 35 * MINUTE);
    expect(deliveryEndedAt(reduceOrder([...base, event('failed', 40 * MINUTE, DRIVER1, { reason: 'nobody home' })]))).toBe(
      T0 + 40 * MINUTE,
    );
  });

  it('is null while the order is on its way', () => {
    expect(deliveryEndedAt(reduceOrder(base))).toBeNull();
  });
});

describe('eventTimeAfter', () => {
  it('is now, unless an event is stamped later (a device clock ahead): then just after it', () => {
    const events = [event('placed', 0, SYSTEM, {}), event('accepted', 10 * MINUTE, OUTLET, { prepMinutes: 15 })];
    expect(eventTimeAfter(events, T0 + 20 * MINUTE)).toBe(T0 + 20 * MINUTE);
    expect(eventTimeAfter(events, T0 + 5 * MINUTE)).toBe(T0 + 10 * MINUTE + 1);
    expect(eventTimeAfter([], T0)).toBe(T0);
  });
});
