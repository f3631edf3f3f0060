import * as Y from 'yjs';
import { parseDocName } from '../../../shared/docNames';
import type { DabbaDb, OrderRow, UpdateRow } from './db';
import { projectOrderRow } from './orderRows';

/**
 * Bump when `projectOrderRow` derives something new: rows built by an older projection are then
 * rebuilt from the update log on the next start, so the query table never needs a migration.
 */
export const ORDER_PROJECTION_VERSION = 4;
const META_KEY = 'orderProjection';

/** Throws the `orders` table away and derives it again from every order document in the log. */
export async function rebuildOrderRows(db: DabbaDb): Promise<number> {
  return db.transaction('rw', db.updates, db.orders, db.meta, async () => {
    const byDoc = new Map<string, UpdateRow[]>();
    await db.updates.each((row) => {
      if (parseDocName(row.docName)?.kind !== 'order') return;
      const rows = byDoc.get(row.docName) ?? [];
      rows.push(row);
      byDoc.set(row.docName, rows);
    });
    const projected: OrderRow[] = [];
    for (const rows of byDoc.values()) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates(rows.map((r) => r.update)));
      const row = projectOrderRow(doc, rows.some((r) => r.unsynced === 1) ? 'local' : 'synced');
      doc.destroy();
      if (row) projected.push(row);
    }
    await db.orders.clear();
    await db.orders.bulkPut(projected);
    await db.meta.put({ key: META_KEY, value: ORDER_PROJECTION_VERSION });
    return projected.length;
  });
}

/** Rebuilds the `orders` table when it was built by another projection version (or never). */
export async function ensureOrderRowsCurrent(db: DabbaDb): Promise<void> {
  const built = await db.meta.get(META_KEY);
  if (built?.value !== ORDER_PROJECTION_VERSION) await rebuildOrderRows(db);
}
