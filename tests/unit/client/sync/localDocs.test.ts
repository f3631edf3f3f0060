import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPACT_AFTER_ROWS } from '../../../../client/common/store/compaction';
import { openDabbaDb } from '../../../../client/common/store/db';
import { appendUpdate, docUpdates } from '../../../../client/common/store/updateLog';
import { LocalDocs } from '../../../../client/common/sync/localDocs';

let serial = 0;
const name = (i: number): string => `order:o${i}`;

/** A store holding `count` documents, each with one value; every third also has an unsynced row. */
async function storeOf(count: number) {
  const db = openDabbaDb(`local-docs-test-${++serial}`);
  for (let i = 0; i < count; i += 1) {
    const doc = new Y.Doc();
    doc.getArray<string>('events').push([`synced-${i}`]);
    await appendUpdate(db, name(i), Y.encodeStateAsUpdate(doc), false);
    if (i % 3 === 0) {
      const before = Y.encodeStateVector(doc);
      doc.getArray<string>('events').push([`local-${i}`]);
      await appendUpdate(db, name(i), Y.encodeStateAsUpdate(doc, before), true);
    }
  }
  const changes: string[] = [];
  const docs = new LocalDocs(db, {
    onLocalUpdate: () => undefined,
    onChange: (n) => changes.push(n),
    onStorageError: (e) => {
      throw e;
    },
  });
  return { db, docs, changes };
}

const valuesOf = (doc: Y.Doc): string[] => doc.getArray<string>('events').toArray();

describe('LocalDocs opening many documents', () => {
  it('loads each of hundreds of documents with its own content and sync state', async () => {
    const { docs } = await storeOf(130);
    const opened = await Promise.all(Array.from({ length: 130 }, (_, i) => docs.open(name(i))));
    opened.forEach((doc, i) => {
      expect(valuesOf(doc)).toEqual(i % 3 === 0 ? [`synced-${i}`, `local-${i}`] : [`synced-${i}`]);
      expect(docs.syncState(name(i))).toBe(i % 3 === 0 ? 'local' : 'synced');
    });
  });

  it('loads an urgent document ahead of those still waiting', async () => {
    const { docs, changes } = await storeOf(160);
    const all = Array.from({ length: 160 }, (_, i) => docs.open(name(i)));
    await docs.open(name(159), true);
    // It is loaded while most of the documents asked for before it still wait.
    expect(changes).toContain(name(159));
    expect(changes.length).toBeLessThan(160);
    await Promise.all(all);
  });

  it('stores a change made while others load before the remaining documents, not after all of them', async () => {
    const { db, docs, changes } = await storeOf(200);
    const first = await docs.open(name(0));
    const rest = Array.from({ length: 199 }, (_, i) => docs.open(name(i + 1)));
    first.getArray<string>('events').push(['tap']);
    await Promise.all(rest);
    await docs.settled();
    const stored = changes.lastIndexOf(name(0));
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(changes.indexOf(name(199)));
    expect((await docUpdates(db, name(0))).filter((r) => r.unsynced === 1)).toHaveLength(2);
  });

  it('still compacts a document with many synced rows when it is opened', async () => {
    const db = openDabbaDb(`local-docs-test-${++serial}`);
    const doc = new Y.Doc();
    for (let i = 0; i < COMPACT_AFTER_ROWS; i += 1) {
      const before = Y.encodeStateVector(doc);
      doc.getArray<string>('events').push([`v${i}`]);
      await appendUpdate(db, name(1), Y.encodeStateAsUpdate(doc, before), false);
    }
    const docs = new LocalDocs(db, {
      onLocalUpdate: () => undefined,
      onChange: () => undefined,
      onStorageError: (e) => {
        throw e;
      },
    });
    const opened = await docs.open(name(1));
    expect(valuesOf(opened)).toHaveLength(COMPACT_AFTER_ROWS);
    expect(await docUpdates(db, name(1))).toHaveLength(1);
  });
});

describe('LocalDocs dropping a refused row', () => {
  it('keeps the value another device wrote to the same key while the refused change was waiting', async () => {
    const db = openDabbaDb(`local-docs-test-${++serial}`);
    const sent: number[] = [];
    const docs = new LocalDocs(db, {
      onLocalUpdate: (_doc, rowId) => sent.push(rowId),
      onChange: () => undefined,
      onStorageError: (e) => {
        throw e;
      },
    });
    const outlet = 'outlet:o1';
    const mine = await docs.open(outlet);
    // The higher client id wins a key both set concurrently, so the remote value arrives already overwritten.
    mine.clientID = 2;
    mine.getMap('availability').set('thali', { available: false, at: 1 });
    await docs.settled();
    const other = new Y.Doc();
    other.clientID = 1;
    other.getMap('availability').set('thali', { available: false, at: 2 });
    docs.applyRemote(outlet, Y.encodeStateAsUpdate(other));
    await docs.settled();

    const [refused] = sent;
    if (refused === undefined) throw new Error('the local change was not stored');
    await docs.discard(refused);
    expect(docs.get(outlet)?.getMap('availability').toJSON()).toEqual({ thali: { available: false, at: 2 } });
    const reopened = new LocalDocs(db, {
      onLocalUpdate: () => undefined,
      onChange: () => undefined,
      onStorageError: (e) => {
        throw e;
      },
    });
    expect((await reopened.open(outlet)).getMap('availability').toJSON()).toEqual({ thali: { available: false, at: 2 } });
  });
});

describe('LocalDocs reading rows another context stored', () => {
  it('applies rows the service worker appended to a held document, without storing or sending them again', async () => {
    const { db, docs, changes } = await storeOf(2);
    const held = await docs.open(name(1));
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(held));
    server.getArray<string>('events').push(['pushed']);
    await appendUpdate(db, name(1), Y.encodeStateAsUpdate(server, Y.encodeStateVector(held)), false);
    const rowsBefore = (await docUpdates(db, name(1))).length;
    changes.length = 0;

    await docs.reloadFromStore(name(1));
    await docs.reloadFromStore(name(0));

    expect(valuesOf(held)).toEqual(['synced-1', 'pushed']);
    expect(changes).toEqual([name(1)]);
    expect(await docUpdates(db, name(1))).toHaveLength(rowsBefore);
    expect(docs.syncState(name(1))).toBe('synced');
    // A document not held is read from the log when it is opened, as always.
    expect(docs.get(name(0))).toBeUndefined();
  });
});
