import { currentAssignment, deliveryEndedAt } from '../../shared/order/assignment';
import type { DriverRepo } from '../storage/drivers';
import type { DocHooks } from '../sync/docRegistry';
import type { SyncedDoc } from '../sync/syncedDoc';

/**
 * Keeps each driver's place in the fair queue: when they were last assigned an order and when they
 * last finished one, from the order documents' events (device times). Idempotent and monotonic, so
 * replays and events that arrive late never move a driver back.
 */
export function driverLedger(drivers: DriverRepo): DocHooks {
  // What was last written for each loaded order, so the many commits that change neither (notes,
  // kitchen steps) cost no write.
  const noted = new WeakMap<SyncedDoc, string>();
  return {
    afterCommit(doc) {
      if (doc.ref.kind !== 'order') return;
      const view = doc.orderView();
      const assignment = view ? currentAssignment(view.state) : null;
      if (!view || !assignment) return;
      const ended = deliveryEndedAt(view.state);
      const key = `${assignment.driverId}:${assignment.at}:${ended ?? ''}`;
      if (noted.get(doc) === key) return;
      // A promise only when there is a write: the commits that change neither hold back no hook behind this one.
      return (async () => {
        await drivers.noteAssigned(assignment.driverId, assignment.at);
        if (ended !== null) await drivers.noteDeliveryEnded(assignment.driverId, ended);
        noted.set(doc, key);
      })();
    },
  };
}
