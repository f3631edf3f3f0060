import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../../../shared/catalog/zones';
import { tripMs } from '../../../../shared/dispatch/arrival';
import { orderTimings } from '../../../../shared/order/orderTimings';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { OrderEvent } from '../../../../shared/order/events';
import type { OrderType } from '../../../../shared/order/status';
import { DRIVER1, DRIVER1_ACTOR, event, header, MINUTE, OUTLET, SYSTEM, T0 } from './fixtures';

const timingsOf = (events: readonly OrderEvent[], type: OrderType = 'delivery') =>
  orderTimings({ header: header(type), state: reduceOrder(events, { orderType: type }) });

const h = header('delivery');
const TRIP = h.address ? tripMs(distanceMeters(h.outlet, h.address)) : 0;

const delivery = (deliveredAt: number): OrderEvent[] => [
  event('placed', 0, SYSTEM, {}),
  event('accepted', 2 * MINUTE, OUTLET, { prepMinutes: 25 }),
  event('delayed', 10 * MINUTE, OUTLET, { minutes: 5 }),
  event('assigned', 3 * MINUTE, SYSTEM, { driverId: DRIVER1_ACTOR.id }),
  event('ready', 19 * MINUTE, OUTLET, {}),
  event('picked_up', 22 * MINUTE, DRIVER1, {}),
  event('delivered', deliveredAt, DRIVER1, {}),
];

describe('orderTimings', () => {
  it('reads each step of a delivery and the promise made at acceptance', () => {
    expect(timingsOf(delivery(30 * MINUTE))).toEqual({
      acceptedAt: T0 + 2 * MINUTE,
      prepMinutes: 25,
      delayMinutes: 5,
      readyAt: T0 + 19 * MINUTE,
      pickedUpAt: T0 + 22 * MINUTE,
      finishedAt: T0 + 30 * MINUTE,
      promisedAt: T0 + 27 * MINUTE + TRIP,
      late: 30 * MINUTE > 27 * MINUTE + TRIP,
      endReason: null,
      cashDue: h.totals.total,
    });
  });

  it('calls a delivery late when it reaches the door after the promise, announced delays or not', () => {
    expect(timingsOf(delivery(27 * MINUTE + TRIP)).late).toBe(false);
    expect(timingsOf(delivery(27 * MINUTE + TRIP + 1)).late).toBe(true);
  });

  it('calls a pickup late when it was ready after the prep time promised', () => {
    const pickup = (readyAt: number) => [
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 10 }),
      event('ready', readyAt, OUTLET, {}),
      event('handed_over', 40 * MINUTE, OUTLET, {}),
    ];
    expect(timingsOf(pickup(11 * MINUTE), 'pickup')).toMatchObject({
      late: false,
      pickedUpAt: T0 + 40 * MINUTE,
      finishedAt: T0 + 40 * MINUTE,
    });
    expect(timingsOf(pickup(12 * MINUTE), 'pickup').late).toBe(true);
  });

  it('keeps why an order ended, and leaves late unknown for orders that did not complete', () => {
    const rejected = timingsOf([event('placed', 0, SYSTEM, {}), event('rejected', 1 * MINUTE, OUTLET, { reason: 'Out of rice' })]);
    expect(rejected).toMatchObject({ finishedAt: T0 + MINUTE, endReason: 'Out of rice', late: null, acceptedAt: null, promisedAt: null });
    const open = timingsOf(delivery(30 * MINUTE).slice(0, 3));
    expect(open).toMatchObject({ finishedAt: null, late: null, readyAt: null });
  });

  it('ignores events that conflict with the merged order', () => {
    // A ready stamped after the cancel is kept but inert.
    const t = timingsOf([
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 10 }),
      event('cancelled', 5 * MINUTE, OUTLET, { reason: 'Customer called' }),
      event('ready', 6 * MINUTE, OUTLET, {}),
    ]);
    expect(t).toMatchObject({ readyAt: null, finishedAt: T0 + 5 * MINUTE, endReason: 'Customer called' });
  });
});
