import type { OrderId } from '../../../shared/ids';
import type { DabbaDb, PhoneOrderRow } from './db';

/** The phone-order outbox table: entries staff took on the phone, until the real order arrives. */

export async function listPhoneOrders(db: DabbaDb, outletId: string): Promise<PhoneOrderRow[]> {
  return db.phoneOrders.where('outletId').equals(outletId).toArray();
}

/**
 * The outlet's phone orders whose real order is not on this device yet. Phone orders arrive accepted,
 * so the hand-over is "the order is held", whatever column it lands in; read in one live query so the
 * entry and the real card never show together.
 */
export async function phoneOrdersNotOnBoard(db: DabbaDb, outletId: string): Promise<PhoneOrderRow[]> {
  const rows = await listPhoneOrders(db, outletId);
  const held = await heldOrderIds(
    db,
    rows.flatMap((r) => (r.orderId ? [r.orderId] : [])),
  );
  return rows.filter((r) => !(r.orderId && held.has(r.orderId)));
}

export async function allPhoneOrders(db: DabbaDb): Promise<PhoneOrderRow[]> {
  return db.phoneOrders.toArray();
}

export async function getPhoneOrder(db: DabbaDb, key: string): Promise<PhoneOrderRow | undefined> {
  return db.phoneOrders.get(key);
}

/** Adds a new entry, or puts a corrected one in place of `replaces` in one step. */
export async function savePhoneOrder(db: DabbaDb, row: PhoneOrderRow, replaces: string | null = null): Promise<void> {
  await db.transaction('rw', db.phoneOrders, async () => {
    if (replaces !== null && replaces !== row.key) await db.phoneOrders.delete(replaces);
    await db.phoneOrders.put(row);
  });
}

/**
 * Stores the outcome of a send, unless staff discarded or replaced the entry while it was in
 * flight: their decision wins over a late answer. Returns whether it was stored.
 */
export async function recordAttempt(db: DabbaDb, sent: PhoneOrderRow, next: PhoneOrderRow): Promise<boolean> {
  return db.transaction('rw', db.phoneOrders, async () => {
    const current = await db.phoneOrders.get(sent.key);
    if (!current || current.state !== 'waiting' || current.attempts !== sent.attempts) return false;
    await db.phoneOrders.put(next);
    return true;
  });
}

export async function deletePhoneOrders(db: DabbaDb, keys: readonly string[]): Promise<void> {
  await db.phoneOrders.bulkDelete([...keys]);
}

/** Which of these order ids the device holds a row for. */
export async function heldOrderIds(db: DabbaDb, orderIds: readonly OrderId[]): Promise<Set<OrderId>> {
  const rows = await db.orders.bulkGet([...orderIds]);
  return new Set(rows.flatMap((r) => (r ? [r.id] : [])));
}
