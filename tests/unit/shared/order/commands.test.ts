import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeEvent } from '../../../../shared/order/commands';
import { EVENT_TYPES, parseOrderEvent, type EventType, type OrderEvent } from '../../../../shared/order/events';
import type { OrderType } from '../../../../shared/order/status';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { Actor } from '../../../../shared/roles';
import { scenarioArb } from './arbitraries';
import { ADMIN_ACTOR, DRIVER1, DRIVER1_ACTOR, DRIVER2_ACTOR, MINUTE, OUTLET, OUTLET_ACTOR, SYSTEM, T0, event, header } from './fixtures';

const orderOf = (events: readonly OrderEvent[], type: OrderType = 'delivery') => ({
  header: header(type),
  state: reduceOrder(events, { orderType: type }),
});

const placed = [event('placed', 0, SYSTEM, {})];
const accepted = [...placed, event('accepted', MINUTE, OUTLET, { prepMinutes: 20 })];

/** Which actor may propose which event type, as DESIGN.md and the permission table say. */
const ALLOWED: { readonly [R in Actor['role']]: readonly EventType[] } = {
  admin: [
    'accepted',
    'rejected',
    'preparing',
    'ready',
    'delayed',
    'handed_over',
    'picked_up',
    'delivered',
    'failed',
    'cancelled',
    'assigned',
    'unassigned',
    'note',
  ],
  outlet: ['accepted', 'rejected', 'preparing', 'ready', 'delayed', 'handed_over', 'cancelled', 'note', 'acknowledged'],
  driver: ['picked_up', 'delivered', 'failed', 'note', 'cash_collected', 'delivery_code_failed'],
};
const ACTORS: readonly Actor[] = [ADMIN_ACTOR, OUTLET_ACTOR, DRIVER1_ACTOR];

describe('proposeEvent', () => {
  it('refuses every event type the actor role may not append, naming the role', () => {
    for (const actor of ACTORS) {
      for (const type of EVENT_TYPES.filter((t) => !ALLOWED[actor.role].includes(t))) {
        // The data is irrelevant: the role is refused before anything else is looked at.
        const result = proposeEvent(
          actor,
          orderOf(accepted),
          type,
          { reason: 'x', driverId: DRIVER1.id, minutes: 5, prepMinutes: 5, text: 'x' },
          T0 + 2 * MINUTE,
        );
        expect(result, `${actor.role} ${type}`).toEqual({
          ok: false,
          error: { code: 'not_permitted', message: `${actor.role} cannot ${type.replace('_', ' ')} an order` },
        });
      }
    }
  });

  it('lets each role propose what it may, when the order is in a state that allows it', () => {
    const order = orderOf(accepted);
    expect(proposeEvent(OUTLET_ACTOR, order, 'ready', {}, T0 + 5 * MINUTE).ok).toBe(true);
    expect(proposeEvent(ADMIN_ACTOR, order, 'assigned', { driverId: DRIVER1.id }, T0 + 5 * MINUTE).ok).toBe(true);
    expect(proposeEvent(DRIVER1_ACTOR, order, 'note', { text: 'stuck in traffic' }, T0 + 5 * MINUTE).ok).toBe(true);
  });

  it('refuses a transition the order state does not allow, with the reason', () => {
    expect(proposeEvent(OUTLET_ACTOR, orderOf(placed), 'ready', {}, T0 + MINUTE)).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'not allowed when the order is placed' },
    });
    expect(
      proposeEvent(DRIVER1_ACTOR, orderOf([...accepted, event('ready', 2 * MINUTE, OUTLET, {})]), 'picked_up', {}, T0 + 3 * MINUTE),
    ).toEqual({ ok: false, error: { code: 'invalid_transition', message: 'no driver is assigned' } });
    const assigned = [...accepted, event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id })];
    expect(proposeEvent(DRIVER2_ACTOR, orderOf(assigned), 'picked_up', {}, T0 + 3 * MINUTE)).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'only the assigned driver can do this' },
    });
    expect(proposeEvent(OUTLET_ACTOR, orderOf(accepted, 'pickup'), 'handed_over', {}, T0 + 3 * MINUTE)).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'not allowed when the order is accepted' },
    });
  });

  it('checks the transition against the order type in the header', () => {
    const ready = [...accepted, event('ready', 2 * MINUTE, OUTLET, {})];
    expect(proposeEvent(OUTLET_ACTOR, orderOf(ready, 'pickup'), 'handed_over', {}, T0 + 3 * MINUTE).ok).toBe(true);
    expect(proposeEvent(OUTLET_ACTOR, orderOf(ready, 'delivery'), 'handed_over', {}, T0 + 3 * MINUTE)).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'delivery orders are picked up by a driver' },
    });
  });

  it('builds a valid event by the actor, with a fresh id and the given data', () => {
    const now = T0 + 5 * MINUTE;
    const first = proposeEvent(OUTLET_ACTOR, orderOf(placed), 'accepted', { prepMinutes: 25 }, now);
    const second = proposeEvent(OUTLET_ACTOR, orderOf(placed), 'accepted', { prepMinutes: 25 }, now);
    if (!first.ok || !second.ok) throw new Error('expected both proposals to be accepted');
    expect(first.value).toMatchObject({ type: 'accepted', at: now, prepMinutes: 25, by: { id: OUTLET_ACTOR.id, role: 'outlet' } });
    expect(parseOrderEvent(first.value)).toEqual({ ok: true, value: first.value });
    expect(first.value.id).not.toBe(second.value.id);
    expect(reduceOrder([...placed, first.value])).toMatchObject({ status: 'accepted', conflicts: [] });
  });

  it('stamps the device time when the device clock is ahead of every event', () => {
    const result = proposeEvent(OUTLET_ACTOR, orderOf(accepted), 'preparing', {}, T0 + 10 * MINUTE);
    expect(result.ok && result.value.at).toBe(T0 + 10 * MINUTE);
  });

  it('stamps no earlier than the newest event it has seen plus one, whatever the device clock says', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60 * MINUTE, max: 60 * MINUTE }), fc.integer({ min: 0, max: 60 * MINUTE }), (skew, newestAt) => {
        const events = [...placed, event('accepted', 1, OUTLET, { prepMinutes: 20 }), event('note', newestAt, SYSTEM, { text: 'called' })];
        const now = T0 + newestAt + skew;
        const result = proposeEvent(OUTLET_ACTOR, orderOf(events), 'preparing', {}, now);
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value.at).toBe(Math.max(now, T0 + Math.max(newestAt, 1) + 1));
      }),
    );
  });

  it('proposes only events that take effect at the end of the merged order, changing nothing before them', () => {
    const actors = new Map<string, Actor>([ADMIN_ACTOR, OUTLET_ACTOR, DRIVER1_ACTOR, DRIVER2_ACTOR].map((a) => [a.id, a]));
    fc.assert(
      fc.property(scenarioArb({ extra: { min: 1, max: 1 } }), fc.integer({ min: -5, max: 60 }), (s, clock) => {
        const [template] = s.extra;
        const actor = template && actors.get(template.by.id);
        fc.pre(template !== undefined && actor !== undefined);
        const { id: _id, type, at: _at, by: _by, ...data } = template;
        const order = orderOf(s.events, s.orderType);
        const result = proposeEvent(actor, order, type, data, T0 + clock);
        fc.pre(result.ok);
        const after = reduceOrder([...s.events, result.value], { orderType: s.orderType });
        expect(after.applied).toEqual([...order.state.applied, result.value]);
        expect(after.conflicts).toEqual(order.state.conflicts);
      }),
      { numRuns: 300 },
    );
  });

  it('stamps after a conflicting event it has seen too, so the new event cannot revive it', () => {
    // A driver's offline "picked up", stamped before any driver was assigned: a conflict here.
    const early = event('picked_up', 30 * MINUTE, DRIVER1, {});
    const ready = [...accepted, event('ready', 2 * MINUTE, OUTLET, {}), early];
    const order = orderOf(ready);
    expect(order.state.conflicts.map((c) => c.event)).toEqual([early]);
    // Dispatch assigns the same driver with a clock reading before that conflict.
    const result = proposeEvent(ADMIN_ACTOR, order, 'assigned', { driverId: DRIVER1.id }, T0 + 10 * MINUTE);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.at).toBeGreaterThan(early.at);
    const after = reduceOrder([...ready, result.value]);
    expect(after.status).toBe('ready');
    expect(after.conflicts.map((c) => c.event)).toEqual([early]);
  });

  it('refuses data the server would refuse, with the field that is wrong', () => {
    const order = orderOf(placed);
    expect(proposeEvent(OUTLET_ACTOR, order, 'accepted', { prepMinutes: 0 }, T0 + MINUTE)).toMatchObject({
      ok: false,
      error: { code: 'invalid_event', message: expect.stringMatching(/^prepMinutes/) },
    });
    expect(proposeEvent(OUTLET_ACTOR, order, 'rejected', { reason: '   ' }, T0 + MINUTE)).toMatchObject({
      ok: false,
      error: { code: 'invalid_event', message: expect.stringMatching(/^reason/) },
    });
  });
});
