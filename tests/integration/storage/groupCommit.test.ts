import { describe, expect, it } from 'vitest';
import type { Db } from '../../../sync-server/storage/db';
import { GroupCommit } from '../../../sync-server/storage/groupCommit';
import { sqliteHandleOf } from '../../../sync-server/storage/sql/handle';
import { writeGateOf } from '../../../sync-server/storage/sql/writeGate';
import { useTestStorage } from '../support/sqlStorage';

describe('group commit on SQLite', () => {
  const storage = useTestStorage('sqlite');

  const headOf = (doc: string) => storage().db.selectFrom('doc_heads').select('seq').where('doc', '=', doc).executeTakeFirst();
  const insertHead = (doc: string, seq: number) => (raw: Db) =>
    void raw.prepare('insert into doc_heads (doc, seq) values (?, ?)').run(doc, seq);

  it('commits the writes of one turn in one transaction, and rolls back and rejects only the one that fails', async () => {
    const group = new GroupCommit(storage().db);
    const outcomes = await Promise.allSettled([
      group.run(async (trx) => {
        await trx.insertInto('doc_heads').values({ doc: 'order:a', seq: 1 }).execute();
      }),
      group.run(async (trx) => {
        await trx.insertInto('doc_heads').values({ doc: 'order:b', seq: 1 }).execute();
        throw new Error('refused after its first statement');
      }),
      group.run(async (trx) => {
        // A unique violation, as a lost race for a seq is: the statement fails, the group goes on.
        await trx.insertInto('doc_heads').values({ doc: 'order:a', seq: 2 }).execute();
      }),
      group.run(async (trx) => {
        await trx.insertInto('doc_heads').values({ doc: 'order:c', seq: 1 }).execute();
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(group.stats).toEqual({ groups: 1, writes: 4, onHandle: 0 });
    expect(await headOf('order:a')).toEqual({ seq: 1 });
    expect(await headOf('order:b')).toBeUndefined();
    expect(await headOf('order:c')).toEqual({ seq: 1 });
  });

  it('commits writes of later turns in transactions of their own', async () => {
    const group = new GroupCommit(storage().db);
    await group.run(async (trx) => {
      await trx.insertInto('doc_heads').values({ doc: 'order:d', seq: 1 }).execute();
    });
    await group.run(async (trx) => {
      await trx.updateTable('doc_heads').set({ seq: 2 }).where('doc', '=', 'order:d').execute();
    });
    expect(group.stats).toEqual({ groups: 2, writes: 2, onHandle: 0 });
    expect(await headOf('order:d')).toEqual({ seq: 2 });
  });

  it('runs writes that have a handle form on the handle, with the same savepoint rules, beside those that have none', async () => {
    const group = new GroupCommit(storage().db);
    const never = async (): Promise<void> => Promise.reject(new Error('the handle form runs instead'));
    const outcomes = await Promise.allSettled([
      group.run(never, insertHead('order:e', 1)),
      group.run(never, (raw) => {
        insertHead('order:f', 1)(raw);
        throw new Error('refused after its first statement');
      }),
      group.run(never, insertHead('order:e', 2)),
      group.run(async (trx) => {
        await trx.insertInto('doc_heads').values({ doc: 'order:g', seq: 1 }).execute();
      }),
      group.run(never, insertHead('order:h', 1)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(group.stats).toEqual({ groups: 2, writes: 5, onHandle: 4 });
    expect(await headOf('order:e')).toEqual({ seq: 1 });
    expect(await headOf('order:f')).toBeUndefined();
    expect(await headOf('order:g')).toEqual({ seq: 1 });
    expect(await headOf('order:h')).toEqual({ seq: 1 });
  });

  it('rolls back and rejects a lone write on the handle that fails, and commits the next one', async () => {
    const group = new GroupCommit(storage().db);
    const never = async (): Promise<void> => Promise.reject(new Error('the handle form runs instead'));
    const failing = group.run(never, (raw) => {
      insertHead('order:i', 1)(raw);
      throw new Error('refused after its first statement');
    });
    await expect(failing).rejects.toThrow('refused after its first statement');
    expect(sqliteHandleOf(storage().db)?.inTransaction).toBe(false);
    await group.run(never, insertHead('order:j', 1));
    expect(group.stats).toEqual({ groups: 1, writes: 1, onHandle: 1 });
    expect(await headOf('order:i')).toBeUndefined();
    expect(await headOf('order:j')).toEqual({ seq: 1 });
  });

  it('waits through Kysely for a transaction still open on the handle, and never writes inside it', async () => {
    const { db } = storage();
    const group = new GroupCommit(db);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const other = db.transaction().execute(async (trx) => {
      await trx.insertInto('doc_heads').values({ doc: 'order:theirs', seq: 1 }).execute();
      await held;
      throw new Error('their transaction rolls back');
    });
    await new Promise((r) => setImmediate(r));
    expect(sqliteHandleOf(db)?.inTransaction).toBe(true);
    const ours = group.run(
      async (trx) => {
        await trx.insertInto('doc_heads').values({ doc: 'order:ours', seq: 1 }).execute();
      },
      insertHead('order:ours', 1),
    );
    await new Promise((r) => setTimeout(r, 20));
    release();
    await expect(other).rejects.toThrow('their transaction rolls back');
    await ours;
    expect(group.stats).toEqual({ groups: 1, writes: 1, onHandle: 0 });
    expect(await headOf('order:theirs')).toBeUndefined();
    expect(await headOf('order:ours')).toEqual({ seq: 1 });
  });

  it('holds writes while the checkpointer holds the gate, and commits them together, answered, once it opens', async () => {
    const { db } = storage();
    const raw = sqliteHandleOf(db);
    if (!raw) throw new Error('a SQLite handle');
    const group = new GroupCommit(db);
    const never = async (): Promise<void> => Promise.reject(new Error('the handle form runs instead'));
    const answered: string[] = [];
    await writeGateOf(raw).hold(async () => {
      for (const doc of ['order:g', 'order:h']) void group.run(never, insertHead(doc, 1)).then(() => answered.push(doc));
      await new Promise((r) => setTimeout(r, 20));
      expect(raw.prepare("select count(*) as n from doc_heads where doc in ('order:g', 'order:h')").get()).toEqual({ n: 0 });
      expect(answered).toEqual([]);
    });
    await new Promise((r) => setImmediate(r));
    expect(answered).toEqual(['order:g', 'order:h']);
    expect(group.stats).toEqual({ groups: 1, writes: 2, onHandle: 2 });
    expect(await headOf('order:h')).toEqual({ seq: 1 });
  });
});
