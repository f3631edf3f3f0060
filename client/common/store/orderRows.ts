import type * as Y from 'yjs';
import { readOrder } from '../../../shared/order/orderDoc';
import type { DabbaDb, DocSyncState, OrderRow } from './db';

/** Derives the query row of an order document; null until the document has its header. */
export function projectOrderRow(doc: Y.Doc, syncState: DocSyncState): OrderRow | null {
  const view = readOrder(doc);
  if (!view) return null;
  const { header, state } = view;
  return {
    id: header.id,
    outletId: header.outletId,
    status: state.status,
    orderType: header.type,
    placedAt: state.placedAt ?? header.createdAt,
    readyBy: state.readyBy,
    customerName: header.customer.name,
    lines: header.items.map((line) => ({ name: line.name, qty: line.qty })),
    total: header.totals.total,
    currency: header.currency,
    syncState,
    conflicts: state.conflicts.map((c) => ({ type: c.event.type, at: c.event.at, byRole: c.event.by.role, reason: c.reason })),
  };
}

export async function putOrderRow(db: DabbaDb, row: OrderRow): Promise<void> {
  await db.orders.put(row);
}

/** An outlet's orders, newest first. */
export async function outletOrderRows(db: DabbaDb, outletId: string): Promise<OrderRow[]> {
  const rows = await db.orders.where('outletId').equals(outletId).sortBy('placedAt');
  return rows.reverse();
}
