import type { OrderId } from '../../shared/ids';
import { eventTimeAfter } from '../../shared/order/assignment';
import type { OrderEvent } from '../../shared/order/events';
import { appendEvent, type OrderView } from '../../shared/order/orderDoc';
import { checkTransition } from '../../shared/order/reduceOrder';
import type { WrittenAlong } from '../storage/docStore';
import type { DocRegistry } from '../sync/docRegistry';

const refOf = (orderId: OrderId) => ({ kind: 'order', orderId }) as const;

/**
 * The order as its document says now; null when there is no such document. `fresh`: caught up with what
 * other nodes stored first, since a document loaded here only learns of their writes when it writes.
 */
export function readOrderView(registry: DocRegistry, orderId: OrderId, fresh = false): Promise<OrderView | null> {
  return registry.withDoc(refOf(orderId), async (doc) => {
    if (fresh) await doc.catchUp();
    return doc.orderView();
  });
}

type WithoutAt<E> = E extends unknown ? Omit<E, 'at'> : never;
/** An event the server appends, minus the time it gets when it is appended. */
export type EventDraft = WithoutAt<OrderEvent>;

/**
 * Appends events the server authors (an assignment, a completion through the delivery API), in one
 * transaction, if `decide` still wants them given the order as it is at that moment, and only if each is
 * valid where it lands in the fold. Times follow everything already in the order, one ms apart, so they
 * fold in the order given. Resolves with the view after the change, or null when nothing was appended.
 * `along` is written in the append's transaction (a dispatch leader's fence).
 */
export function appendServerEvents(
  registry: DocRegistry,
  orderId: OrderId,
  now: number,
  decide: (view: OrderView) => readonly EventDraft[] | null,
  along?: WrittenAlong,
): Promise<{ before: OrderView; after: OrderView } | null> {
  return registry.withDoc(refOf(orderId), async (doc) => {
    const decided: { before: OrderView | null } = { before: null };
    // Decided inside the write: it runs on the order as it is when the write's turn comes.
    await doc.change((y) => {
      decided.before = null;
      const view = doc.orderView();
      const wanted = view ? decide(view) : null;
      if (!view || !wanted || wanted.length === 0) return;
      const start = eventTimeAfter(view.state.applied.concat(view.state.conflicts.map((c) => c.event)), now);
      let state = view.state;
      const events: OrderEvent[] = [];
      for (const [i, partial] of wanted.entries()) {
        const event = { ...partial, at: start + i } as OrderEvent;
        if (checkTransition(state, event, { orderType: view.header.type }) !== null) return;
        events.push(event);
        state = { ...state, applied: [...state.applied, event] };
      }
      for (const e of events) appendEvent(y, e);
      decided.before = view;
    }, along);
    const after = doc.orderView();
    return decided.before && after ? { before: decided.before, after } : null;
  });
}
