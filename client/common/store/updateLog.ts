import type { DabbaDb, UpdateRow } from './db';

/** The append-only log of Yjs updates per document: what the device knows, and what only it knows. */

export async function appendUpdate(db: DabbaDb, docName: string, update: Uint8Array, unsynced: boolean): Promise<number> {
  return db.updates.add({ docName, update, unsynced: unsynced ? 1 : 0, createdAt: Date.now() });
}

export async function docUpdates(db: DabbaDb, docName: string): Promise<UpdateRow[]> {
  return db.updates.where('docName').equals(docName).sortBy('id');
}

/** The rows of several documents in one read, in the order the device learnt them. */
export async function updatesOfDocs(db: DabbaDb, docNames: readonly string[]): Promise<UpdateRow[]> {
  const rows = await db.updates
    .where('docName')
    .anyOf([...docNames])
    .toArray();
  return rows.sort((a, b) => a.id - b.id);
}

/** Every row the server has not acknowledged yet, oldest first: what a (re)connect must send. */
export async function unsyncedUpdates(db: DabbaDb): Promise<UpdateRow[]> {
  return db.updates.where('unsynced').equals(1).sortBy('id');
}

/**
 * When (device time) the device made its oldest change the server has not acknowledged; null when
 * there is none. The first unsynced row by id is the first written, whatever the clock did since.
 */
export async function oldestUnsyncedAt(db: DabbaDb): Promise<number | null> {
  return (await db.updates.where('unsynced').equals(1).first())?.createdAt ?? null;
}

export async function unsyncedCount(db: DabbaDb, docName: string): Promise<number> {
  return db.updates.where('[docName+unsynced]').equals([docName, 1]).count();
}

/** Doc names with at least one unsynced row: the device must hold them until they are delivered. */
export async function docsWithUnsynced(db: DabbaDb): Promise<string[]> {
  const rows = await unsyncedUpdates(db);
  return [...new Set(rows.map((r) => r.docName))];
}

/** Marks one row committed; false when the row is gone (a duplicate ACK after compaction). */
export async function markSynced(db: DabbaDb, id: number): Promise<boolean> {
  return (await db.updates.update(id, { unsynced: 0 })) === 1;
}

/** Removes a refused row; returns its doc name so the caller can rebuild that document. */
export async function dropUpdate(db: DabbaDb, id: number): Promise<string | null> {
  return db.transaction('rw', db.updates, async () => {
    const row = await db.updates.get(id);
    if (!row) return null;
    await db.updates.delete(id);
    return row.docName;
  });
}

/** Rows the server has acknowledged: what it should already hold of this document. */
export async function syncedUpdates(db: DabbaDb, docName: string): Promise<UpdateRow[]> {
  return db.updates.where('[docName+unsynced]').equals([docName, 0]).sortBy('id');
}

/** The row if it still waits for an ACK; undefined once acknowledged or dropped. */
export async function unsyncedRow(db: DabbaDb, id: number): Promise<UpdateRow | undefined> {
  const row = await db.updates.get(id);
  return row?.unsynced === 1 ? row : undefined;
}
