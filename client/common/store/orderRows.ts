import { Dexie } from 'dexie';
import type * as Y from 'yjs';
import { statusSince } from '../../../shared/order/board';
import { readOrder } from '../../../shared/order/orderDoc';
import { isTerminal, ORDER_STATUSES, TERMINAL_STATUSES, type OrderStatus } from '../../../shared/order/status';
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
    acknowledgedAt: state.acknowledgedAt,
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

/** Puts the rows that differ from the stored ones, in one transaction; returns those it wrote. */
export async function writeChangedOrderRows(db: DabbaDb, rows: readonly OrderRow[]): Promise<OrderRow[]> {
  return db.transaction('rw', db.orders, async () => {
    const stored = await db.orders.bulkGet(rows.map((r) => r.id));
    // Both sides come from projectOrderRow, so their keys are in the same order.
    const changed = rows.filter((row, i) => JSON.stringify(stored[i]) !== JSON.stringify(row));
    if (changed.length > 0) await db.orders.bulkPut(changed);
    return changed;
  });
}

/**
 * What can change in a row once it exists: the header (customer, items, totals) is written once,
 * so comparing these tells whether a row changed without comparing every field.
 */
export function orderRowVersion(order: OrderRow): string {
  const conflicts = order.conflicts.map((c) => `${c.type}@${c.at}`).join(',');
  return `${order.status}|${order.statusAt}|${order.readyBy ?? ''}|${order.delayMinutes}|${order.acknowledgedAt ?? ''}|${order.syncState}|${conflicts}`;
}

/** An outlet's orders, newest first. */
export async function outletOrderRows(db: DabbaDb, outletId: string): Promise<OrderRow[]> {
  const rows = await db.orders.where('outletId').equals(outletId).sortBy('placedAt');
  return rows.reverse();
}

const OPEN_STATUSES = ORDER_STATUSES.filter((s) => !TERMINAL_STATUSES.has(s));

/**
 * An outlet's orders in one status: one column of the board. Each column reads its own range, so
 * a status change re-reads the two columns it touches, not every open order.
 */
export async function statusOrderRows(db: DabbaDb, outletId: string, status: OrderStatus): Promise<OrderRow[]> {
  return db.orders.where('[outletId+status]').equals([outletId, status]).toArray();
}

/** Of the orders closed since `since`: the newest few, how many, and those with a change that lost a merge. */
export interface DoneToday {
  readonly recent: readonly OrderRow[];
  readonly count: number;
  readonly conflicted: readonly OrderRow[];
}

export async function doneTodayRows(db: DabbaDb, outletId: string, since: number, shown: number): Promise<DoneToday> {
  const closed = () => db.orders.where('[outletId+closedAt]').between([outletId, since], [outletId, Dexie.maxKey]);
  const [recent, count, conflicted] = await Promise.all([
    closed().reverse().limit(shown).toArray(),
    closed().count(),
    db.orders.where('[outletId+conflicted+closedAt]').between([outletId, 1, since], [outletId, 1, Dexie.maxKey]).toArray(),
  ]);
  return { recent, count, conflicted };
}

export interface BoardCounts {
  /** Open orders, in every column from New to Out for delivery. */
  readonly open: number;
  /** Closed since the start of the day. */
  readonly done: number;
  /** Orders (of any day) whose changes are only on this device. */
  readonly unsynced: number;
}

/** What the board and the header count, read from the indexes alone (no rows are read). */
export async function boardCounts(db: DabbaDb, outletId: string, since: number): Promise<BoardCounts> {
  const [open, done, unsynced] = await Promise.all([
    Promise.all(OPEN_STATUSES.map((s) => db.orders.where('[outletId+status]').equals([outletId, s]).count())),
    db.orders.where('[outletId+closedAt]').between([outletId, since], [outletId, Dexie.maxKey]).count(),
    db.orders.where('syncState').equals('local').count(),
  ]);
  return { open: open.reduce((a, b) => a + b, 0), done, unsynced };
}

/** Orders placed in [from, to), newest first, at most `limit`: a page of history. */
export async function orderRowsPlaced(db: DabbaDb, outletId: string, from: number, to: number, limit: number): Promise<OrderRow[]> {
  return db.orders.where('[outletId+placedAt]').between([outletId, from], [outletId, to]).reverse().limit(limit).toArray();
}
