import * as Y from 'yjs';
import type { HeldOrder } from '../../../../../client/admin/model/orders/orderBook';
import type { OrderId, OutletId } from '../../../../../shared/ids';
import type { OrderEvent } from '../../../../../shared/order/events';
import type { OrderHeader } from '../../../../../shared/order/header';
import { appendEvent, createOrderDoc, readOrder } from '../../../../../shared/order/orderDoc';
import type { OrderType } from '../../../../../shared/order/status';
import { header, T0 } from '../../../shared/order/fixtures';

/** An order as the admin's book holds it, after `events` (built with the shared fixtures' `event`). */
export function heldOrder(
  id: string,
  events: readonly OrderEvent[] = [],
  options: { readonly type?: OrderType; readonly customer?: string; readonly outletId?: string; readonly createdAt?: number } = {},
): HeldOrder {
  const base = header(options.type ?? 'delivery');
  const h: OrderHeader = {
    ...base,
    id: id as OrderId,
    outletId: (options.outletId ?? base.outletId) as OutletId,
    customer: { ...base.customer, name: options.customer ?? base.customer.name },
    createdAt: options.createdAt ?? T0,
  };
  const doc = new Y.Doc();
  createOrderDoc(doc, h);
  for (const e of events) appendEvent(doc, e);
  const view = readOrder(doc);
  if (!view) throw new Error('the fixture order has no header');
  return { ...view, id: h.id, syncState: 'synced' };
}
