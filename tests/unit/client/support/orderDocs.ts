import * as Y from 'yjs';
import type { OrderId } from '../../../../shared/ids';
import { orderDocName } from '../../../../shared/docNames';
import { createOrderDoc } from '../../../../shared/order/orderDoc';
import type { OrderType } from '../../../../shared/order/status';
import { header } from '../../shared/order/fixtures';

export const ORDER_ID = 'order-1' as OrderId;
export const ORDER_DOC = orderDocName(ORDER_ID);

/** A freshly placed order document, as the server creates it. */
export function placedOrderDoc(type: OrderType = 'pickup'): Y.Doc {
  const doc = new Y.Doc();
  createOrderDoc(doc, header(type));
  return doc;
}

/** A command context over a fixed set of documents. */
export function docsOf(entries: Readonly<Record<string, Y.Doc>>): { get(name: string): Y.Doc | undefined } {
  return { get: (name) => entries[name] };
}
