import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../sync-server/storage/groupCommit';
import { useTestStorage } from '../support/sqlStorage';

describe('group commit on SQLite', () => {
  const storage = useTestStorage('sqlite');

  const headOf = (doc: string) => storage().db.selectFrom('doc_heads').select('seq').where('doc', '=', doc).executeTakeFirst();

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
    expect(group.stats).toEqual({ groups: 1, writes: 4 });
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
    expect(group.stats).toEqual({ groups: 2, writes: 2 });
    expect(await headOf('order:d')).toEqual({ seq: 2 });
  });
});
