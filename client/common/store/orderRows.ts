import { Dexie } from 'dexie';
import type * as Y from 'yjs';
import { statusSince } from '../../../shared/order/board';
import { readOrder } from '../../../shared/order/orderDoc';
import { isTerminal, ORDER_STATUSES, TERMINAL_STATUSES } from '../../../shared/order/status';
import type { DabbaDb, DocSyncState, OrderRow } from './db';

/** Derives the query row of an order document; null until the document has its header. */
export function projectOrderRow(doc: Y.Doc, syncState: DocSyncState): OrderRow | null {
  const view = readOrder(doc);
  if (!view) return null;
  const { header, state } = view;
  const placedAt = state.placedAt ?? header.createdAt;
  const statusAt = statusSince(state.applied, placedAt);
  return {
    id: header.id,
    outletId: header.outletId,
    status: state.status,
    orderType: header.type,
    placedAt,
    readyBy: state.readyBy,
    statusAt,
    closedAt: isTerminal(state.status) ? statusAt : null,
    conflicted: state.conflicts.length > 0 ? 1 : 0,
    prepMinutes: state.prepMinutes,
    delayMinutes: state.delayMinutes,
    source: header.source ?? 'online',
    customerName: header.customer.name,
    customerPhone: header.customer.phone,
    table: header.table ?? null,
    address: header.address?.text ?? null,
    notes: header.notes ?? null,
    lines: header.items.map((line) => ({ name: line.name, qty: line.qty, modifiers: line.modifiers.map((m) => m.name) })),
    total: header.totals.total,
    currency: header.currency,
    syncState,
    conflicts: state.conflicts.map((c) => ({ type: c.event.type, at: c.event.at, byRole: c.event.by.role, reason: c.reason })),
  };
}

/** Puts the rows that differ from the stored ones, in one transaction; returns how many changed. */
export async function writeChangedOrderRows(db: DabbaDb, rows: readonly OrderRow[]): Promise<number> {
  return db.transaction('rw', db.orders, async () => {
    const stored = await db.orders.bulkGet(rows.map((r) => r.id));
    // Both sides come from projectOrderRow, so their keys are in the same order.
    const changed = rows.filter((row, i) => JSON.stringify(stored[i]) !== JSON.stringify(row));
    if (changed.length > 0) await db.orders.bulkPut(changed);
    return changed.length;
  });
}

/** An outlet's orders, newest first. */
export async function outletOrderRows(db: DabbaDb, outletId: string): Promise<OrderRow[]> {
  const rows = await db.orders.where('outletId').equals(outletId).sortBy('placedAt');
  return rows.reverse();
}

const OPEN_STATUSES = ORDER_STATUSES.filter((s) => !TERMINAL_STATUSES.has(s));

/** What the board reads: a few hundred open orders in full, and of today's closed ones only what it shows. */
export interface BoardRows {
  readonly open: readonly OrderRow[];
  /** Closed since `doneSince`, newest first, at most the number asked for. */
  readonly doneRecent: readonly OrderRow[];
  readonly doneCount: number;
  /** Closed since `doneSince` with a change that lost a merge. */
  readonly doneConflicted: readonly OrderRow[];
  /** Orders (of any day) whose changes are only on this device. */
  readonly unsyncedCount: number;
}

/**
 * The board's rows, read through indexes: a device holding a busy day (or months) of orders reads
 * the open ones and a page of today's closed ones, not every row it has.
 */
export async function boardOrderRows(db: DabbaDb, outletId: string, doneSince: number, doneShown: number): Promise<BoardRows> {
  const closedToday = () => db.orders.where('[outletId+closedAt]').between([outletId, doneSince], [outletId, Dexie.maxKey]);
  const [openByStatus, doneRecent, doneCount, doneConflicted, unsyncedCount] = await Promise.all([
    // One plain range per status: IndexedDB reads each in one go, where anyOf would walk a cursor row by row.
    Promise.all(OPEN_STATUSES.map((s) => db.orders.where('[outletId+status]').equals([outletId, s]).toArray())),
    closedToday().reverse().limit(doneShown).toArray(),
    closedToday().count(),
    db.orders.where('[outletId+conflicted+closedAt]').between([outletId, 1, doneSince], [outletId, 1, Dexie.maxKey]).toArray(),
    db.orders.where('syncState').equals('local').count(),
  ]);
  return { open: openByStatus.flat(), doneRecent, doneCount, doneConflicted, unsyncedCount };
}

/** Orders placed in [from, to), newest first, at most `limit`: a page of history. */
export async function orderRowsPlaced(db: DabbaDb, outletId: string, from: number, to: number, limit: number): Promise<OrderRow[]> {
  return db.orders.where('[outletId+placedAt]').between([outletId, from], [outletId, to]).reverse().limit(limit).toArray();
}
