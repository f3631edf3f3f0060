import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { keyOf } from '../../../../shared/order/causalEvents';
import { eventsArray, readEvents } from '../../../../shared/order/orderDoc';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { OrderEvent } from '../../../../shared/order/events';
import { DRIVER1, event, MINUTE, OUTLET, SYSTEM } from './fixtures';

/** One device's copy of an order document, under its own Yjs client id. */
function replica(clientID: number, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

const append = (doc: Y.Doc, ...events: OrderEvent[]): void => {
  for (const e of events) doc.transact(() => eventsArray(doc).push([e]));
};

function syncBoth(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const stateOf = (doc: Y.Doc) => {
  const { events, seenAt } = readEvents(doc);
  return reduceOrder(events, { orderType: 'delivery', seenAt });
};

const delivered = (): Y.Doc => {
  const server = replica(1);
  append(
    server,
    event('placed', 0, SYSTEM, {}),
    event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 10 }),
    event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
    event('ready', 12 * MINUTE, OUTLET, {}),
    event('picked_up', 15 * MINUTE, DRIVER1, {}),
    event('delivered', 40 * MINUTE, DRIVER1, { proof: 'at door' }),
  );
  return server;
};

describe('event times are causal', () => {
  it('keeps a delivered order delivered when the outlet, having seen the delivery, stamps a cancel before it', () => {
    const server = delivered();
    const outlet = replica(2, server);
    const cancel = event('cancelled', 30 * MINUTE, OUTLET, { reason: 'customer called' });
    append(outlet, cancel);
    syncBoth(server, outlet);
    for (const doc of [server, outlet]) {
      const state = stateOf(doc);
      expect(state.status).toBe('delivered');
      expect(state.conflicts).toEqual([{ event: cancel, reason: 'stamped before an event its author had already seen' }]);
    }
  });

  it('keeps a cancelled order cancelled when the driver, having seen the cancel, stamps a delivery before it', () => {
    const server = replica(1);
    append(
      server,
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 10 }),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('picked_up', 15 * MINUTE, DRIVER1, {}),
      event('cancelled', 20 * MINUTE, SYSTEM, { reason: 'customer gone' }),
    );
    const driver = replica(3, server);
    append(driver, event('delivered', 19 * MINUTE, DRIVER1, { proof: 'at door' }));
    syncBoth(server, driver);
    expect(stateOf(server).status).toBe('cancelled');
  });

  it('gives no effect to an event stamped before the order was placed', () => {
    const server = replica(1);
    append(server, event('placed', 10 * MINUTE, SYSTEM, {}));
    const outlet = replica(2, server);
    const early = event('rejected', 5 * MINUTE, OUTLET, { reason: 'out of stock' });
    append(outlet, early);
    syncBoth(server, outlet);
    const state = stateOf(server);
    expect(state.status).toBe('placed');
    expect(state.conflicts.map((c) => c.reason)).toEqual(['stamped before the order was placed']);
  });

  it("keeps an offline device's real, earlier time when the later event was one it could not have seen", () => {
    // The driver went offline right after the pickup and delivered at 35 min while the outlet added a note at 38.
    const upToPickup = replica(1);
    append(
      upToPickup,
      event('placed', 0, SYSTEM, {}),
      event('accepted', 1 * MINUTE, OUTLET, { prepMinutes: 10 }),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('picked_up', 15 * MINUTE, DRIVER1, {}),
    );
    const driverView = replica(3, upToPickup);
    const outletView = replica(2, upToPickup);
    append(outletView, event('note', 38 * MINUTE, OUTLET, { text: 'ring twice' }));
    const done = event('delivered', 35 * MINUTE, DRIVER1, { proof: 'at door' });
    append(driverView, done);
    syncBoth(outletView, driverView);
    for (const doc of [outletView, driverView]) {
      const state = stateOf(doc);
      expect(state.status).toBe('delivered');
      expect(state.conflicts).toEqual([]);
    }
  });
});

describe('the key of an entry', () => {
  const yjsId = fc.record({
    client: fc.oneof(
      fc.constantFrom(0, 1, 2, 2 ** 32 - 1, 2 ** 32, 2 ** 33),
      fc.nat({ max: 2 ** 32 - 1 }),
      fc.integer({ min: 2 ** 32 - 2, max: Number.MAX_SAFE_INTEGER }),
    ),
    clock: fc.oneof(
      fc.constantFrom(0, 1, 2 ** 21 - 1, 2 ** 21, 2 ** 21 + 1, 2 ** 22),
      fc.nat({ max: 2 ** 21 + 2 }),
      fc.integer({ min: 2 ** 21 - 2, max: Number.MAX_SAFE_INTEGER }),
    ),
  });

  it('is the same for two ids only when they are the same id, hand-built ones out of range included', () => {
    fc.assert(
      fc.property(yjsId, yjsId, (a, b) => {
        const same = a.client === b.client && a.clock === b.clock;
        expect(keyOf(a.client, a.clock) === keyOf(b.client, b.clock)).toBe(same);
      }),
      { numRuns: 2000 },
    );
    expect(keyOf(1, 2 ** 21)).not.toBe(keyOf(2, 0));
    expect(keyOf(2 ** 33, 1)).not.toBe(keyOf(2 ** 33, 0));
  });
});
