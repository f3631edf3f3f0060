import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareEvents, type OrderEvent } from '../../../../shared/order/events';
import { eventsArray, readEvents } from '../../../../shared/order/orderDoc';
import { reduceOrder, type OrderState, type ReduceOptions } from '../../../../shared/order/reduceOrder';
import { ORDER_STATUSES, isTerminal } from '../../../../shared/order/status';
import { permutationArb, scenarioArb, type Scenario } from './arbitraries';
import { ADMIN, DRIVER1, DRIVER2, MINUTE, OUTLET, SYSTEM, T0, event, ids } from './fixtures';

const optionsOf = (s: Scenario): ReduceOptions => ({ orderType: s.orderType });

/** What every device must agree on. */
const summary = (state: OrderState) => ({
  status: state.status,
  driverId: state.driverId,
  readyBy: state.readyBy,
  applied: ids(state.applied),
  conflicts: state.conflicts.map((c) => c.event.id),
});

describe('reduceOrder properties', () => {
  it('reduces any permutation of the same events to the same state', () => {
    fc.assert(
      fc.property(
        scenarioArb().chain((s) => fc.tuple(fc.constant(s), permutationArb(s.events))),
        ([s, shuffled]) => {
          expect(summary(reduceOrder(shuffled, optionsOf(s)))).toEqual(summary(reduceOrder(s.events, optionsOf(s))));
        },
      ),
    );
  });

  it('reduces the events to the same state however often each one arrives', () => {
    fc.assert(
      fc.property(
        scenarioArb().chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.array(fc.nat(), { maxLength: 12 }).chain((picks) => {
              const copies = picks.map((i) => structuredClone(s.events[i % s.events.length]));
              return permutationArb([...s.events, ...copies.filter((e): e is OrderEvent => e !== undefined)]);
            }),
          ),
        ),
        ([s, withDuplicates]) => {
          const state = reduceOrder(withDuplicates, optionsOf(s));
          expect(summary(state)).toEqual(summary(reduceOrder(s.events, optionsOf(s))));
          expect(new Set([...ids(state.applied), ...state.conflicts.map((c) => c.event.id)]).size).toBe(
            state.applied.length + state.conflicts.length,
          );
        },
      ),
    );
  });

  it('accounts for every event exactly once, as applied or as a conflict with a reason', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const state = reduceOrder(s.events, optionsOf(s));
        expect([...ids(state.applied), ...state.conflicts.map((c) => c.event.id)].sort()).toEqual(ids(s.events).sort());
        for (const conflict of state.conflicts) expect(conflict.reason).toMatch(/\w/);
        expect([...state.applied].sort(compareEvents)).toEqual(state.applied);
      }),
    );
  });

  it('brings devices that each saw an overlapping part of the events to one state once they sync', () => {
    const partitioned = scenarioArb().chain((s) => {
      const n = s.events.length;
      const indices = [...Array(n).keys()];
      return fc.record({
        s: fc.constant(s),
        devices: fc.integer({ min: 2, max: 4 }),
        // Each event is on a non-empty set of devices (a bit mask), so devices overlap.
        masks: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: n, maxLength: n }),
        // The order in which each device appended what it saw, one transaction per event.
        orders: fc.array(permutationArb(indices), { minLength: 4, maxLength: 4 }),
      });
    });
    fc.assert(
      fc.property(partitioned, ({ s, devices, masks, orders }) => {
        const expected = summary(reduceOrder(s.events, optionsOf(s)));
        const docs = Array.from({ length: devices }, (_, d) => {
          const doc = new Y.Doc();
          doc.clientID = d + 1;
          const mine = (orders[d] ?? []).filter((i) => {
            const mask = (masks[i] ?? 0) & ((1 << devices) - 1);
            return mask === 0 ? i % devices === d : (mask & (1 << d)) !== 0;
          });
          for (const i of mine) doc.transact(() => eventsArray(doc).push([s.events[i]]));
          // Offline, each device folds only what it has.
          const own = mine.flatMap((i) => s.events[i] ?? []);
          const local = reduceOrder(readEvents(doc).events, optionsOf(s));
          expect(summary(local)).toEqual(summary(reduceOrder(own, optionsOf(s))));
          expect(ORDER_STATUSES).toContain(local.status);
          return doc;
        });
        const updates = docs.map((doc) => Y.encodeStateAsUpdate(doc));
        // Back online, each device receives the others' changes in its own order.
        docs.forEach((doc, d) => {
          for (let k = 1; k < devices; k += 1) Y.applyUpdate(doc, updates[(d + k) % devices] ?? new Uint8Array());
        });
        for (const doc of docs) {
          const { events, malformed } = readEvents(doc);
          expect(malformed).toBe(0);
          expect(summary(reduceOrder(events, optionsOf(s)))).toEqual(expected);
        }
      }),
    );
  });

  it('keeps an event that is invalid in the merged order inert and reports it with a reason', () => {
    fc.assert(
      fc.property(scenarioArb({ extra: { min: 1, max: 1 } }), (s) => {
        const [extra] = s.extra;
        if (!extra) throw new Error('scenario without its extra event');
        const withExtra = reduceOrder([...s.events, extra], optionsOf(s));
        const conflict = withExtra.conflicts.find((c) => c.event.id === extra.id);
        if (conflict === undefined) return fc.pre(false);
        const before = reduceOrder(s.events, optionsOf(s));
        expect(conflict.reason).toMatch(/\w/);
        expect(conflict.event).toEqual(extra);
        expect(withExtra.status).toBe(before.status);
        expect(withExtra.driverId).toBe(before.driverId);
        expect(withExtra.readyBy).toBe(before.readyBy);
        expect(ids(withExtra.applied)).toEqual(ids(before.applied));
        expect(withExtra.conflicts.map((c) => c.event.id).sort()).toEqual([...before.conflicts.map((c) => c.event.id), extra.id].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('always derives one of the known statuses', () => {
    fc.assert(
      fc.property(scenarioArb({ extra: { min: 0, max: 4 } }), (s) => {
        expect(ORDER_STATUSES).toContain(reduceOrder([...s.events, ...s.extra], optionsOf(s)).status);
      }),
    );
  });

  it('never leaves a terminal status, whatever events follow', () => {
    fc.assert(
      fc.property(scenarioArb({ extra: { min: 1, max: 6 } }), (s) => {
        const sorted = [...s.events].sort(compareEvents);
        let terminal: string | null = null;
        for (let k = 1; k <= sorted.length; k += 1) {
          const { status } = reduceOrder(sorted.slice(0, k), optionsOf(s));
          if (terminal !== null) expect(status).toBe(terminal);
          else if (isTerminal(status)) terminal = status;
        }
        // Events stamped after everything seen so far (the normal case for new actions).
        const end = Math.max(...s.events.map((e) => e.at));
        const later = s.extra.map((e) => ({ ...e, at: end + 1 + (e.at - T0) }));
        const { status } = reduceOrder([...s.events, ...later], optionsOf(s));
        if (terminal !== null) expect(status).toBe(terminal);
      }),
    );
  });
});

describe('reduceOrder examples', () => {
  const statusesAlong = (events: readonly OrderEvent[], options: ReduceOptions = {}) =>
    events.map((_, k) => reduceOrder(events.slice(0, k + 1), options).status);

  it('walks a delivery order through its whole lifecycle', () => {
    const events = [
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 20 }),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('preparing', 3 * MINUTE, OUTLET, {}),
      event('ready', 20 * MINUTE, OUTLET, {}),
      event('picked_up', 25 * MINUTE, DRIVER1, {}),
      event('delivered', 40 * MINUTE, DRIVER1, { proof: 'handed to customer' }),
    ];
    expect(statusesAlong(events)).toEqual(['placed', 'accepted', 'accepted', 'preparing', 'ready', 'picked_up', 'delivered']);
    const state = reduceOrder([...events].reverse());
    expect(state).toMatchObject({
      status: 'delivered',
      driverId: DRIVER1.id,
      placedAt: T0,
      acceptedAt: T0 + MINUTE,
      prepMinutes: 20,
      readyBy: T0 + 21 * MINUTE,
      conflicts: [],
    });
    expect(ids(state.applied)).toEqual(ids(events));
  });

  it('completes a pickup order when the outlet hands it over', () => {
    const events = [
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1, OUTLET, { prepMinutes: 10 }),
      event('ready', 2, OUTLET, {}),
      event('handed_over', 3, OUTLET, {}),
    ];
    expect(statusesAlong(events, { orderType: 'pickup' })).toEqual(['placed', 'accepted', 'ready', 'delivered']);
    expect(reduceOrder(events, { orderType: 'pickup' }).driverId).toBeNull();
  });

  it('does not let a delivery order be handed over at the counter, nor a pickup order be picked up by a driver', () => {
    const ready = [event('placed', 0, SYSTEM, {}), event('accepted', 1, OUTLET, { prepMinutes: 10 }), event('ready', 2, OUTLET, {})];
    const handedOver = event('handed_over', 3, OUTLET, {});
    const delivery = reduceOrder([...ready, handedOver], { orderType: 'delivery' });
    expect(delivery.status).toBe('ready');
    expect(delivery.conflicts).toEqual([{ event: handedOver, reason: 'delivery orders are picked up by a driver' }]);

    const assigned = event('assigned', 3, SYSTEM, { driverId: DRIVER1.id });
    const pickedUp = event('picked_up', 4, DRIVER1, {});
    const pickup = reduceOrder([...ready, assigned, pickedUp], { orderType: 'pickup' });
    expect(pickup.status).toBe('ready');
    expect(pickup.conflicts).toEqual([{ event: pickedUp, reason: 'pickup orders are handed over, not picked up' }]);
  });

  it('reports picked_up without an assigned driver as a conflict', () => {
    const pickedUp = event('picked_up', 3, DRIVER1, {});
    const state = reduceOrder([
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1, OUTLET, { prepMinutes: 15 }),
      event('ready', 2, OUTLET, {}),
      pickedUp,
    ]);
    expect(state.status).toBe('ready');
    expect(state.driverId).toBeNull();
    expect(state.conflicts).toEqual([{ event: pickedUp, reason: 'no driver is assigned' }]);
  });

  it('lets only the assigned driver pick up and deliver', () => {
    const strangerPickup = event('picked_up', 3, DRIVER2, {});
    const strangerDelivery = event('delivered', 5, DRIVER2, {});
    const state = reduceOrder([
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1, OUTLET, { prepMinutes: 15 }),
      event('assigned', 2, SYSTEM, { driverId: DRIVER1.id }),
      strangerPickup,
      event('picked_up', 4, DRIVER1, {}),
      strangerDelivery,
    ]);
    expect(state.status).toBe('picked_up');
    expect(state.conflicts).toEqual([
      { event: strangerPickup, reason: 'only the assigned driver can do this' },
      { event: strangerDelivery, reason: 'only the assigned driver can do this' },
    ]);
  });

  it('hands a reassigned order to the new driver only', () => {
    const wrongUnassign = event('unassigned', 3, ADMIN, { driverId: DRIVER2.id, reason: 'mistake' });
    const oldDriverPickup = event('picked_up', 6, DRIVER1, {});
    const untilUnassigned = [
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1, OUTLET, { prepMinutes: 15 }),
      event('assigned', 2, SYSTEM, { driverId: DRIVER1.id }),
      wrongUnassign,
      event('unassigned', 4, ADMIN, { driverId: DRIVER1.id, reason: 'bike broke down' }),
    ];
    expect(reduceOrder(untilUnassigned.slice(0, 4)).driverId).toBe(DRIVER1.id);
    expect(reduceOrder(untilUnassigned).driverId).toBeNull();
    const state = reduceOrder([
      ...untilUnassigned,
      event('assigned', 5, SYSTEM, { driverId: DRIVER2.id }),
      oldDriverPickup,
      event('picked_up', 7, DRIVER2, {}),
    ]);
    expect(state).toMatchObject({ status: 'picked_up', driverId: DRIVER2.id });
    expect(state.conflicts).toEqual([
      { event: wrongUnassign, reason: 'that driver is not assigned' },
      { event: oldDriverPickup, reason: 'only the assigned driver can do this' },
    ]);
  });

  describe('the classic offline conflict: admin cancels while the outlet, offline, marks the order ready', () => {
    const accepted = [event('placed', 0, SYSTEM, {}), event('accepted', 1, OUTLET, { prepMinutes: 15 })];

    it('keeps the cancel and reports the ready when the cancel sorts first', () => {
      const cancelled = event('cancelled', 10, ADMIN, { reason: 'customer called to cancel' });
      const ready = event('ready', 12, OUTLET, {});
      for (const events of [
        [...accepted, cancelled, ready],
        [ready, ...accepted, cancelled],
      ]) {
        const state = reduceOrder(events);
        expect(state.status).toBe('cancelled');
        expect(ids(state.applied)).toContain(cancelled.id);
        expect(state.conflicts).toEqual([{ event: ready, reason: 'not allowed when the order is cancelled' }]);
      }
    });

    it('applies both when the ready sorts first, since a ready order may still be cancelled', () => {
      const ready = event('ready', 10, OUTLET, {});
      const cancelled = event('cancelled', 12, ADMIN, { reason: 'customer called to cancel' });
      const state = reduceOrder([cancelled, ...accepted, ready]);
      expect(statusesAlong([...accepted, ready, cancelled])).toEqual(['placed', 'accepted', 'ready', 'cancelled']);
      expect(state.status).toBe('cancelled');
      expect(state.conflicts).toEqual([]);
    });

    it('breaks a tie on the same millisecond by event id, the same way on every device', () => {
      const cancelled = event('cancelled', 10, ADMIN, { reason: 'customer called to cancel' }, 'a-cancel');
      const ready = event('ready', 10, OUTLET, {}, 'b-ready');
      expect(reduceOrder([...accepted, ready, cancelled]).conflicts).toEqual([
        { event: ready, reason: 'not allowed when the order is cancelled' },
      ]);
      expect(reduceOrder([cancelled, ready, ...accepted]).conflicts).toEqual([
        { event: ready, reason: 'not allowed when the order is cancelled' },
      ]);
    });
  });

  it('moves readyBy by every applied delay', () => {
    const base = [event('placed', 0, SYSTEM, {}), event('accepted', 2 * MINUTE, OUTLET, { prepMinutes: 20 })];
    expect(reduceOrder(base).readyBy).toBe(T0 + 22 * MINUTE);
    const delayed = [...base, event('delayed', 5 * MINUTE, OUTLET, { minutes: 10 }), event('delayed', 15 * MINUTE, ADMIN, { minutes: 5 })];
    expect(reduceOrder(delayed)).toMatchObject({ delayMinutes: 15, readyBy: T0 + 37 * MINUTE });
    // A delay after the order left the kitchen is a conflict and does not count.
    const late = event('delayed', 30 * MINUTE, OUTLET, { minutes: 60 });
    const after = reduceOrder([
      ...delayed,
      event('assigned', 16 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('picked_up', 20 * MINUTE, DRIVER1, {}),
      late,
    ]);
    expect(after).toMatchObject({ delayMinutes: 15, readyBy: T0 + 37 * MINUTE });
    expect(after.conflicts.map((c) => c.event)).toEqual([late]);
  });

  it('has no readyBy before the outlet accepts', () => {
    expect(reduceOrder([event('placed', 0, SYSTEM, {})]).readyBy).toBeNull();
    expect(reduceOrder([]).status).toBe('placed');
  });

  it('folds the earlier of two events that claim the same id', () => {
    const first = event('accepted', 1, OUTLET, { prepMinutes: 10 }, 'same-id');
    const forged = event('rejected', 2, OUTLET, { reason: 'too busy' }, 'same-id');
    for (const events of [
      [first, forged],
      [forged, first],
    ]) {
      const state = reduceOrder([event('placed', 0, SYSTEM, {}), ...events]);
      expect(state.status).toBe('accepted');
      expect(state.applied).toContainEqual(first);
      expect(state.conflicts).toEqual([]);
    }
  });
});
