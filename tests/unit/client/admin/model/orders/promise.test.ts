import { describe, expect, it } from 'vitest';
import { isLate, isUnassigned, promisedArrival, promiseTimer } from '../../../../../../client/admin/model/orders/promise';
import { timerText } from '../../../../../../client/admin/model/orders/timerText';
import { DRIVER1, event, MINUTE, OUTLET, SYSTEM, T0 } from '../../../../shared/order/fixtures';
import { heldOrder } from '../../support/heldOrders';

const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 15 });
const assigned = event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id });
const pickedUp = event('picked_up', 14 * MINUTE, DRIVER1, {});

describe('promise timers', () => {
  it('counts a new order as unanswered, late after five minutes', () => {
    const order = heldOrder('o1');
    expect(timerText(promiseTimer(order, T0 + 2 * MINUTE), 'placed')).toBe('Unanswered for 2 min');
    expect(isLate(order, T0 + 4 * MINUTE)).toBe(false);
    expect(isLate(order, T0 + 5 * MINUTE)).toBe(true);
  });

  it('times the kitchen against its ready-by time', () => {
    const order = heldOrder('o1', [accepted]);
    expect(promiseTimer(order, T0 + 10 * MINUTE)).toMatchObject({ kind: 'due', at: T0 + 16 * MINUTE, minutes: 6, late: false });
    expect(isLate(order, T0 + 17 * MINUTE)).toBe(true);
  });

  it('times a delivery on its way against the arrival promised when it was accepted: ready-by plus the trip', () => {
    const order = heldOrder('o1', [accepted, assigned, pickedUp]);
    const promised = promisedArrival(order);
    // 1 MG Road to 2 Brigade Road in the fixtures: about 1.6 km, 5 minutes at courier speed.
    expect(promised).toBeGreaterThan(T0 + 20 * MINUTE);
    expect(promised).toBeLessThan(T0 + 22 * MINUTE);
    expect(promiseTimer(order, T0 + 18 * MINUTE)).toMatchObject({ kind: 'arriving', late: false });
    expect(isLate(order, (promised ?? 0) + 1)).toBe(true);
    expect(timerText(promiseTimer(order, (promised ?? 0) + 3 * MINUTE), 'picked_up')).toMatch(/^3 min late · promised \d{1,2}:\d{2}/);
  });

  it('never counts a finished order as late', () => {
    const order = heldOrder('o1', [event('cancelled', MINUTE, OUTLET, { reason: 'closing' })]);
    expect(isLate(order, T0 + 60 * MINUTE)).toBe(false);
  });

  it('calls a delivery with no driver unassigned until it is picked up or finished, and never a pickup', () => {
    expect(isUnassigned(heldOrder('o1', [accepted]))).toBe(true);
    expect(isUnassigned(heldOrder('o1', [accepted, assigned]))).toBe(false);
    expect(isUnassigned(heldOrder('o1', [accepted], { type: 'pickup' }))).toBe(false);
    expect(isUnassigned(heldOrder('o1', [event('rejected', MINUTE, OUTLET, { reason: 'busy' })]))).toBe(false);
  });
});
