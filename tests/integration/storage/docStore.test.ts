import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../sync-server/storage/db';
import { DocStore, StaleWrite, type WrittenAlong } from '../../../sync-server/storage/docStore';
import { openSqlStorage } from '../../../sync-server/storage/sql/open';
import { DIALECTS, silentLog, useTestStorage, type Dialect } from '../support/sqlStorage';

const DOC = 'outlet:o1';
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe.each(DIALECTS)('the document log on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const store = (): DocStore => new DocStore(storage().db);

  it('loads nothing for a document never written', async () => {
    expect(await store().load(DOC)).toEqual({ snapshot: null, updates: [], lastSeq: 0, owners: new Map() });
  });

  it('hands each seq out once: a second append of the same seq is a stale write and stores nothing', async () => {
    await store().append(DOC, 1, bytes(1), [{ client: 7, owner: 'u1' }]);
    await expect(store().append(DOC, 1, bytes(2))).rejects.toBeInstanceOf(StaleWrite);
    await expect(store().append(DOC, 3, bytes(3))).rejects.toBeInstanceOf(StaleWrite);
    await store().append(DOC, 2, bytes(4));
    expect(await store().load(DOC)).toEqual({ snapshot: null, updates: [bytes(1), bytes(4)], lastSeq: 2, owners: new Map([[7, 'u1']]) });
  });

  it('refuses a seq that compaction folded away, so a writer that is behind cannot hide an update under the snapshot', async () => {
    for (let seq = 1; seq <= 5; seq++) await store().append(DOC, seq, bytes(seq));
    await store().compact(DOC, 5, bytes(99));
    for (const seq of [1, 3, 5]) await expect(store().append(DOC, seq, bytes(50))).rejects.toBeInstanceOf(StaleWrite);
    await store().append(DOC, 6, bytes(6));
    expect(await store().load(DOC)).toMatchObject({ snapshot: bytes(99), updates: [bytes(6)], lastSeq: 6 });
  });

  it('refuses a client id another writer claimed first, storing nothing of the update', async () => {
    await store().append(DOC, 1, bytes(1), [{ client: 7, owner: 'u1' }]);
    await expect(store().append(DOC, 2, bytes(2), [{ client: 7, owner: 'u2' }])).rejects.toBeInstanceOf(StaleWrite);
    expect(await store().load(DOC)).toMatchObject({ updates: [bytes(1)], lastSeq: 1, owners: new Map([[7, 'u1']]) });
    await store().append(DOC, 2, bytes(2));
  });

  it('never lets an older snapshot replace a newer one; it only trims the log it covers', async () => {
    for (let seq = 1; seq <= 8; seq++) await store().append(DOC, seq, bytes(seq));
    await store().compact(DOC, 6, bytes(60));
    await store().compact(DOC, 4, bytes(40));
    expect(await store().load(DOC)).toMatchObject({ snapshot: bytes(60), updates: [bytes(7), bytes(8)], lastSeq: 8 });
    await store().compact(DOC, 8, bytes(80));
    expect(await store().load(DOC)).toMatchObject({ snapshot: bytes(80), updates: [], lastSeq: 8 });
  });

  it('reads what was written after a seq: the snapshot only when it is newer, then the log after it', async () => {
    for (let seq = 1; seq <= 6; seq++) await store().append(DOC, seq, bytes(seq));
    await store().compact(DOC, 4, bytes(40));
    expect(await store().since(DOC, 2)).toEqual({ snapshot: bytes(40), updates: [bytes(5), bytes(6)], lastSeq: 6 });
    expect(await store().since(DOC, 4)).toEqual({ snapshot: null, updates: [bytes(5), bytes(6)], lastSeq: 6 });
    expect(await store().since(DOC, 6)).toEqual({ snapshot: null, updates: [], lastSeq: 6 });
  });

  it('reads every update after a seq even when another node compacts while it reads', async () => {
    for (let seq = 1; seq <= 8; seq++) await store().append(DOC, seq, bytes(seq));
    const other = await openSqlStorage(storage().target, silentLog);
    try {
      let compacted = false;
      // Right after the reader's first statement comes back, the other node folds seqs 1–6 into a snapshot.
      const compactAfterFirstRead: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          if (!compacted) {
            compacted = true;
            await new DocStore(other.db).compact(DOC, 6, bytes(60));
          }
          return args.result;
        },
      };
      const reader = new DocStore(storage().db.withPlugin(compactAfterFirstRead));
      expect(await reader.since(DOC, 3)).toEqual({ snapshot: null, updates: [4, 5, 6, 7, 8].map((n) => bytes(n)), lastSeq: 8 });
      expect(compacted).toBe(true);
      expect(await store().since(DOC, 3)).toEqual({ snapshot: bytes(60), updates: [bytes(7), bytes(8)], lastSeq: 8 });
    } finally {
      await other.close();
    }
  });

  it('commits rows written along with an update, or neither when one of them fails', async () => {
    const db = storage().db;
    const meta =
      (key: string) =>
      async (trx: typeof db): Promise<void> => {
        await trx.insertInto('meta').values({ key, value: 'v' }).execute();
      };
    await store().append(DOC, 1, bytes(1), [], meta('along'));
    await expect(store().append(DOC, 2, bytes(2), [], meta('along'))).rejects.not.toBeInstanceOf(StaleWrite);
    expect(await store().load(DOC)).toMatchObject({ updates: [bytes(1)], lastSeq: 1 });
    await store().append(DOC, 2, bytes(2));
    expect(await db.selectFrom('meta').select('key').execute()).toEqual([{ key: 'along' }]);
  });

  it('commits rows written along that can also be written on the SQLite handle, or neither when one fails', async () => {
    const db = storage().db;
    // Both forms write the same row; which one runs is the store's choice (the handle on SQLite).
    const meta = (key: string): WrittenAlong =>
      Object.assign(
        async (trx: typeof db): Promise<void> => {
          await trx.insertInto('meta').values({ key, value: 'kysely' }).execute();
        },
        { onHandle: (raw: Db) => void raw.prepare('insert into meta (key, value) values (?, ?)').run(key, 'handle') },
      );
    await store().append(DOC, 1, bytes(1), [{ client: 9, owner: 'u9' }], meta('along'));
    const duplicate = store().append(DOC, 2, bytes(2), [{ client: 10, owner: 'u10' }], meta('along'));
    await expect(duplicate).rejects.not.toBeInstanceOf(StaleWrite);
    expect(await store().load(DOC)).toMatchObject({ updates: [bytes(1)], lastSeq: 1, owners: new Map([[9, 'u9']]) });
    expect(await db.selectFrom('meta').select(['key', 'value']).execute()).toEqual([
      { key: 'along', value: dialect === 'sqlite' ? 'handle' : 'kysely' },
    ]);
  });

  it('orders writers racing for the same seq: exactly one of each pair commits', async () => {
    const racers = [store(), store(), store()];
    for (let seq = 1; seq <= 20; seq++) {
      const outcomes = await Promise.allSettled(racers.map((s, i) => s.append(DOC, seq, bytes(seq, i))));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StaleWrite);
    }
    const loaded = await store().load(DOC);
    expect(loaded.updates).toHaveLength(20);
    expect(loaded.lastSeq).toBe(20);
  });
});
