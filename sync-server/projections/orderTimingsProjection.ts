import { orderTimings } from '../../shared/order/orderTimings';
import { sameTimings, type OrderTimingsIndex } from '../storage/orderTimingsIndex';
import type { DocHooks } from '../sync/docRegistry';
import { LastProjected } from './lastProjected';

/**
 * Keeps the timing columns of the order index in step with each order document after every commit,
 * so stats read SQL and never the documents. Most commits (notes, assignments) change no timing: once
 * a loaded order's timings are known to be written, they cost no read and no write.
 */
export function orderTimingsProjection(timings: OrderTimingsIndex): DocHooks {
  const written = new LastProjected();
  return {
    async afterCommit(doc) {
      if (doc.ref.kind !== 'order') return;
      const seen = doc.orderView();
      if (!seen || written.holds(doc, JSON.stringify(orderTimings(seen)))) return;
      const orderId = doc.ref.orderId;
      const stored = await timings.get(orderId);
      // Read after the await: hooks run per commit in order, and the latest state is what is written.
      const view = doc.orderView();
      if (!view) return;
      const next = orderTimings(view);
      if (stored === null || !sameTimings(stored, next)) await timings.write(orderId, next);
      written.record(doc, JSON.stringify(next));
    },
  };
}
