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
      drivers.noteAssigned(assignment.driverId, assignment.at);
      if (ended !== null) drivers.noteDeliveryEnded(assignment.driverId, ended);
      noted.set(doc, key);
    },
  };
}
