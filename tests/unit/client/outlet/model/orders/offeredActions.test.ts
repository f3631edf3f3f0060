import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { appendEvent, readOrder } from '../../../../../../shared/order/orderDoc';
import type { OrderType } from '../../../../../../shared/order/status';
import type { Actor } from '../../../../../../shared/roles';
import { offeredActions } from '../../../../../../client/outlet/model/orders/offeredActions';
import { allowedActions } from '../../../../../../client/outlet/model/orders/orderActions';
import { acceptOrder, cancelOrder, handOverOrder, markPreparing, markReady, rejectOrder } from '../../../../../../client/common/commands/orderCommands';
import { ADMIN_ACTOR, DRIVER1, DRIVER1_ACTOR, MINUTE, OUTLET_ACTOR, SYSTEM, event } from '../../../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID, placedOrderDoc } from '../../../support/orderDocs';

const ACTORS: readonly Actor[] = [OUTLET_ACTOR, ADMIN_ACTOR, DRIVER1_ACTOR];
const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

/** Real order documents walked through every status an order of `type` can reach. */
function histories(type: OrderType): Y.Doc[] {
  const docs: Y.Doc[] = [];
  const walk = (...steps: ((ctx: { actor: Actor; docs: ReturnType<typeof docsOf> }) => unknown)[]): void => {
    const doc = placedOrderDoc(type);
    const ctx = { actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) };
    for (const step of steps) step(ctx);
    docs.push(doc);
  };
  const accept = (c: Parameters<typeof acceptOrder>[0]) => acceptOrder(c, ORDER_ID, 15);
  const prepare = (c: Parameters<typeof markPreparing>[0]) => markPreparing(c, ORDER_ID);
  const ready = (c: Parameters<typeof markReady>[0]) => markReady(c, ORDER_ID);
  walk();
  walk(accept);
  walk(accept, prepare);
  walk(accept, prepare, ready);
  walk((c) => rejectOrder(c, ORDER_ID, 'too busy'));
  walk(accept, (c) => cancelOrder(c, ORDER_ID, 'ran out'));
  if (type === 'delivery') {
    // Far in the future, so they fold after the outlet's events whenever the test runs.
    const later = Date.now() - 1_700_000_000_000 + 60 * MINUTE;
    walk(accept, prepare, ready, (c) => {
      const doc = c.docs.get(ORDER_DOC);
      if (!doc) return;
      appendEvent(doc, event('assigned', later, SYSTEM, { driverId: DRIVER1.id }));
      appendEvent(doc, event('picked_up', later + MINUTE, DRIVER1, {}));
    });
  } else {
    walk(accept, prepare, ready, (c) => handOverOrder(c, ORDER_ID));
  }
  return docs;
}

describe('offeredActions', () => {
  for (const type of ['pickup', 'delivery', 'dine-in'] as const) {
    it(`offers for each status of a ${type} order exactly what the rules allow on a real order in that status`, () => {
      for (const doc of histories(type)) {
        const view = readOrder(doc);
        if (!view) throw new Error('no order');
        for (const actor of ACTORS) {
          const stand = offeredActions(actor, view.state.status, type);
          const real = allowedActions(actor.role === 'driver' ? { ...actor, id: view.state.driverId ?? actor.id } : actor, view);
          expect(sorted(stand), `${actor.role} on ${view.state.status}`).toEqual(sorted(real));
        }
      }
    });
  }

  it('offers staff accept, reject or cancel on a new order and hand-over only for a ready pickup', () => {
    expect(sorted(offeredActions(OUTLET_ACTOR, 'placed', 'pickup'))).toEqual(['accepted', 'cancelled', 'rejected']);
    expect(sorted(offeredActions(OUTLET_ACTOR, 'ready', 'pickup'))).toEqual(['cancelled', 'delayed', 'handed_over']);
    expect(sorted(offeredActions(OUTLET_ACTOR, 'ready', 'delivery'))).toEqual(['cancelled', 'delayed']);
    expect(offeredActions(OUTLET_ACTOR, 'delivered', 'pickup').size).toBe(0);
  });
});
