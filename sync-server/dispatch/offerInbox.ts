import type { OrderId, UserId } from '../../shared/ids';
import { offersMap, type Offer } from '../../shared/inbox';
import type { WrittenAlong } from '../storage/docStore';
import type { DocRegistry } from '../sync/docRegistry';

const inboxRef = (driverId: UserId) => ({ kind: 'driverInbox', driverId }) as const;

/**
 * Shows an offer in the driver's inbox document (idempotent: the same offer again writes nothing). `along`
 * (a dispatch leader's fence) is written in the same transaction, here and in hideOffer.
 */
export function showOffer(registry: DocRegistry, driverId: UserId, offer: Offer, along?: WrittenAlong): Promise<void> {
  return registry.withDoc(inboxRef(driverId), (doc) =>
    doc.change((y) => {
      if (JSON.stringify(offersMap(y).get(offer.orderId)) !== JSON.stringify(offer)) offersMap(y).set(offer.orderId, offer);
    }, along),
  );
}

/** Takes an offer off the driver's inbox document, if it is there. */
export function hideOffer(registry: DocRegistry, driverId: UserId, orderId: OrderId, along?: WrittenAlong): Promise<void> {
  return registry.withDoc(inboxRef(driverId), (doc) =>
    doc.change((y) => {
      if (offersMap(y).has(orderId)) offersMap(y).delete(orderId);
    }, along),
  );
}
