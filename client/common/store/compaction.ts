import * as Y from 'yjs';
import type { DabbaDb } from './db';

/** Below this many synced rows a document is cheap enough to load as it is. */
export const COMPACT_AFTER_ROWS = 32;

/**
 * Merges a document's synced rows into one. Unsynced rows stay apart because each is still
 * waiting for an ACK under its own id. Returns how many rows were merged away.
 */
export async function compactSyncedRows(db: DabbaDb, docName: string, threshold = COMPACT_AFTER_ROWS): Promise<number> {
  return db.transaction('rw', db.updates, async () => {
    const synced = await db.updates.where('[docName+unsynced]').equals([docName, 0]).sortBy('id');
    if (synced.length < threshold) return 0;
    const merged = Y.mergeUpdates(synced.map((r) => r.update));
    await db.updates.bulkDelete(synced.map((r) => r.id));
    const createdAt = synced.reduce((latest, r) => Math.max(latest, r.createdAt), 0);
    await db.updates.add({ docName, update: merged, unsynced: 0, createdAt });
    return synced.length - 1;
  });
}
