import type { OrderId, UserId } from '../../shared/ids';
import { offersMap, type Offer } from '../../shared/inbox';
import type { DocRegistry } from '../sync/docRegistry';

const inboxRef = (driverId: UserId) => ({ kind: 'driverInbox', driverId }) as const;

/** Shows an offer in the driver's inbox document (idempotent: the same offer again writes nothing). */
export function showOffer(registry: DocRegistry, driverId: UserId, offer: Offer): Promise<void> {
  return registry.withDoc(inboxRef(driverId), (doc) => {
    const current = offersMap(doc.ydoc).get(offer.orderId);
    if (JSON.stringify(current) !== JSON.stringify(offer)) doc.change((y) => offersMap(y).set(offer.orderId, offer));
  });
}

/** Takes an offer off the driver's inbox document, if it is there. */
export function hideOffer(registry: DocRegistry, driverId: UserId, orderId: OrderId): Promise<void> {
  return registry.withDoc(inboxRef(driverId), (doc) => {
    if (offersMap(doc.ydoc).has(orderId)) doc.change((y) => offersMap(y).delete(orderId));
  });
}
