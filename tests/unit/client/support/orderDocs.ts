import * as Y from 'yjs';
import type { OrderId, UserId } from '../../../../shared/ids';
import { orderDocName } from '../../../../shared/docNames';
import { appendEvent, createOrderDoc } from '../../../../shared/order/orderDoc';
import type { PaymentMethod } from '../../../../shared/order/events';
import type { OrderType } from '../../../../shared/order/status';
import { event, header, OUTLET, SYSTEM } from '../../shared/order/fixtures';

export const ORDER_ID = 'order-1' as OrderId;
export const ORDER_DOC = orderDocName(ORDER_ID);

/** A freshly placed order document, as the server creates it. */
export function placedOrderDoc(type: OrderType = 'pickup', method: PaymentMethod = 'cash'): Y.Doc {
  const doc = new Y.Doc();
  createOrderDoc(doc, { ...header(type), payment: { method } });
  return doc;
}

/** A command context over a fixed set of documents. */
export function docsOf(entries: Readonly<Record<string, Y.Doc>>): { get(name: string): Y.Doc | undefined } {
  return { get: (name) => entries[name] };
}

/** A delivery the outlet accepted and dispatch gave to `driverId`, optionally already picked up by them. */
export function assignedDeliveryDoc(driverId: UserId, pickedUp: boolean, method: PaymentMethod = 'cash'): Y.Doc {
  const doc = placedOrderDoc('delivery', method);
  const driver = { id: driverId, role: 'driver' } as const;
  appendEvent(doc, event('accepted', 1_000, OUTLET, { prepMinutes: 15 }));
  appendEvent(doc, event('assigned', 2_000, SYSTEM, { driverId }));
  if (pickedUp) appendEvent(doc, event('picked_up', 3_000, driver, {}));
  return doc;
}
