import { atCounter } from '../../shared/dispatch/atCounter';
import type { OrderId, UserId } from '../../shared/ids';
import { inboxMap } from '../../shared/inbox';
import { isTerminal } from '../../shared/order/status';
import type { DocRegistry } from '../sync/docRegistry';
import type { TrackDriverSource } from './trackDrivers';

/**
 * Tells the outlet its driver is at the counter: when the driver's newest position is near the outlet of
 * an order they were given and have not collected, the outlet inbox entry's `driver` gets `arrivedAt`
 * (that position's time). Written once: later positions, even far away, leave it; it goes only with
 * the driver, when setOutletDriver rewrites the entry for another one.
 */
export async function noteCounterArrival(
  registry: DocRegistry,
  trackDriver: TrackDriverSource,
  driverId: UserId,
  orderId: OrderId,
): Promise<void> {
  const view = await registry.withDoc({ kind: 'order', orderId }, (doc) => doc.orderView());
  // The index may trail the order: it is the order itself that says whose it is and whether it was collected.
  if (!view || view.state.driverId !== driverId || view.state.status === 'picked_up' || isTerminal(view.state.status)) return;
  const { position } = await trackDriver(driverId);
  if (!position || !atCounter(position, view.header.outlet)) return;
  await registry.withDoc({ kind: 'outletInbox', outletId: view.header.outletId }, (doc) =>
    doc.change((y) => {
      const entry = inboxMap(y).get(orderId);
      // Checked inside the change: a reassignment that landed meanwhile named someone else.
      if (!entry?.driver || entry.driver.id !== driverId || entry.driver.arrivedAt !== undefined) return;
      inboxMap(y).set(orderId, { ...entry, driver: { ...entry.driver, arrivedAt: position.at } });
    }),
  );
}
