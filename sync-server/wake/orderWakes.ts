import { isTerminal } from '../../shared/order/status';
import type { OrderIndex } from '../storage/orderIndex';
import type { PushTokens } from '../storage/pushTokens';
import type { WakeMarks } from '../storage/wakeMarks';
import type { DocHooks } from '../sync/docRegistry';
import { LastProjected } from '../projections/lastProjected';
import type { SyncedDoc } from '../sync/syncedDoc';
import { wakesForChange } from './orderTransitions';
import type { Waker } from './waker';

export interface OrderWakesDeps {
  readonly orders: OrderIndex;
  readonly marks: WakeMarks;
  readonly pushTokens: PushTokens;
  readonly waker: Waker;
}

/**
 * A document plug-in that turns order changes into wake-ups (orderTransitions.ts says which). A hook
 * sees every commit, and a note or a late device update commits without changing anything that
 * matters, so each order keeps a stored mark of the state wake-ups were last decided for; a change is
 * announced only by the caller that moves the mark (a compare-and-set), which makes it once per
 * transition across commits, restarts and nodes sharing the database. Comparing with the order index
 * row instead would depend on running before the projections update it, and on one process only.
 * When an order finishes, the browsers following its tracking link are forgotten after their last update.
 */
export function orderWakes(d: OrderWakesDeps): DocHooks {
  // The mark this node last saw match the order: commits that leave status and driver alone read nothing.
  const marked = new LastProjected();
  return {
    async afterCommit(doc: SyncedDoc) {
      if (doc.ref.kind !== 'order') return;
      const view = doc.orderView();
      if (!view) return;
      const { status, driverId } = view.state;
      const key = `${status}|${driverId ?? ''}`;
      if (marked.holds(doc, key)) return;
      const before = await d.marks.get(doc.ref.orderId);
      if (before && before.status === status && before.driverId === driverId) {
        marked.record(doc, key);
        return;
      }
      if (!(await d.marks.advance(doc.ref.orderId, before, { status, driverId }))) return;
      marked.record(doc, key);
      const row = await d.orders.get(doc.ref.orderId);
      if (!row) return;
      // Awaited: hooks run per document in commit order, so an order's next change is queued after this one's.
      await Promise.all(wakesForChange(before, view, row.trackingToken).map((wake) => d.waker.wake(wake.target, wake.data)));
      // Once the wake-ups have read the link's tokens: its browsers still hear that the order finished.
      if (isTerminal(status) && !(before && isTerminal(before.status))) await d.pushTokens.deleteTrack(row.trackingToken);
    },
  };
}
