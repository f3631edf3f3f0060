import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactSyncedRows } from '../../../../client/common/store/compaction';
import { openDabbaDb } from '../../../../client/common/store/db';
import { appendUpdate, docUpdates } from '../../../../client/common/store/updateLog';

let serial = 0;

/** Writes each push as its own row, the way a device learns a document change by change. */
async function logOf(values: readonly string[], unsyncedFrom = values.length) {
  const db = openDabbaDb(`compaction-test-${++serial}`);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const value of values) doc.getArray<string>('events').push([value]);
  for (const [index, update] of updates.entries()) await appendUpdate(db, 'order:o1', update, index >= unsyncedFrom);
  await appendUpdate(db, 'order:other', Y.encodeStateAsUpdate(new Y.Doc()), false);
  return db;
}

async function contentOf(db: ReturnType<typeof openDabbaDb>): Promise<string[]> {
  const doc = new Y.Doc();
  for (const row of await docUpdates(db, 'order:o1')) Y.applyUpdate(doc, row.update);
  return doc.getArray<string>('events').toArray();
}

describe('compactSyncedRows', () => {
  it('merges the synced rows of a document into one without changing its content', async () => {
    const db = await logOf(['a', 'b', 'c', 'd']);
    expect(await compactSyncedRows(db, 'order:o1', 2)).toBe(3);
    expect(await docUpdates(db, 'order:o1')).toHaveLength(1);
    expect(await contentOf(db)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves unsynced rows apart, each still waiting for the ACK of its own id', async () => {
    const db = await logOf(['a', 'b', 'c', 'd'], 2);
    const unsyncedBefore = (await docUpdates(db, 'order:o1')).filter((r) => r.unsynced === 1);
    await compactSyncedRows(db, 'order:o1', 2);
    const rows = await docUpdates(db, 'order:o1');
    expect(rows.filter((r) => r.unsynced === 1)).toEqual(unsyncedBefore);
    expect(rows.filter((r) => r.unsynced === 0)).toHaveLength(1);
    expect(await contentOf(db)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does nothing below the threshold, and never touches other documents', async () => {
    const db = await logOf(['a', 'b']);
    expect(await compactSyncedRows(db, 'order:o1', 3)).toBe(0);
    expect(await docUpdates(db, 'order:o1')).toHaveLength(2);
    await compactSyncedRows(db, 'order:o1', 2);
    expect(await docUpdates(db, 'order:other')).toHaveLength(1);
  });
});
