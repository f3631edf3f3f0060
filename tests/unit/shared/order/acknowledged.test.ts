import { describe, expect, it } from 'vitest';
import { proposeEvent } from '../../../../shared/order/commands';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { mayAppend } from '../../../../shared/permissions';
import { ADMIN_ACTOR, DRIVER1, DRIVER1_ACTOR, MINUTE, OUTLET, OUTLET_ACTOR, SYSTEM, T0, event, header } from './fixtures';

const placed = event('placed', 0, SYSTEM, {});

describe('acknowledging a new order (the ring, on every device of the outlet)', () => {
  it('may be written by outlet staff only: not by a driver, a customer, an admin or the server', () => {
    expect(mayAppend('outlet', 'acknowledged')).toBe(true);
    for (const role of ['driver', 'customer', 'admin', 'system'] as const) expect(mayAppend(role, 'acknowledged'), role).toBe(false);
  });

  it('records when it was acknowledged and leaves the order new, waiting for an answer', () => {
    const state = reduceOrder([placed, event('acknowledged', MINUTE, OUTLET, {})], { orderType: 'pickup' });
    expect(state.status).toBe('placed');
    expect(state.acknowledgedAt).toBe(T0 + MINUTE);
    expect(state.conflicts).toEqual([]);
  });

  it('is taken twice when two tablets acknowledge at once, keeping the later time', () => {
    const state = reduceOrder([placed, event('acknowledged', MINUTE, OUTLET, {}), event('acknowledged', 2 * MINUTE, OUTLET, {})], {
      orderType: 'pickup',
    });
    expect(state.conflicts).toEqual([]);
    expect(state.acknowledgedAt).toBe(T0 + 2 * MINUTE);
  });

  it('has no effect once the order was answered: an accepted order no longer rings', () => {
    const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 10 });
    const state = reduceOrder([placed, accepted, event('acknowledged', 2 * MINUTE, OUTLET, {})], { orderType: 'pickup' });
    expect(state.acknowledgedAt).toBeNull();
    expect(state.conflicts.map((c) => c.event.type)).toEqual(['acknowledged']);
  });

  it('is refused as a command from a driver or an admin, and proposed for outlet staff', () => {
    const order = { header: header('pickup'), state: reduceOrder([placed], { orderType: 'pickup' }) };
    const now = T0 + MINUTE;
    expect(proposeEvent(OUTLET_ACTOR, order, 'acknowledged', {}, now).ok).toBe(true);
    expect(proposeEvent(DRIVER1_ACTOR, order, 'acknowledged', {}, now).ok).toBe(false);
    expect(proposeEvent(ADMIN_ACTOR, order, 'acknowledged', {}, now).ok).toBe(false);
    // Written by a driver anyway (an old or forged device), the fold still keeps the order ringing.
    expect(reduceOrder([placed, event('acknowledged', MINUTE, DRIVER1, {})], { orderType: 'pickup' }).acknowledgedAt).toBe(T0 + MINUTE);
  });
});
