import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SET_META_ROW } from '../../../../sync-server/storage/sql/metaRow';
import { tempDataDir } from '../../support/server';
import { openSqliteAt } from '../../support/sqlStorage';

const sqliteCode = (err: unknown): string => (err instanceof Database.SqliteError ? err.code : String(err));

describe('a Kysely transaction on SQLite', () => {
  it('that reads and then writes commits, though another connection (the WAL checkpointer’s) writes meanwhile', async () => {
    const storage = await openSqliteAt(tempDataDir('sqlite-transactions'));
    // No wait for the lock: what this connection meets between the transaction's read and its write shows.
    const other = new Database(storage.raw.name, { timeout: 0 });
    const otherWrite: string[] = [];
    try {
      await storage.sql.transaction().execute(async (trx) => {
        await trx.selectFrom('meta').select('value').where('key', '=', 'mine').execute();
        try {
          other.prepare(SET_META_ROW).run('other', 'between');
          otherWrite.push('written');
        } catch (err: unknown) {
          otherWrite.push(sqliteCode(err));
        }
        await trx.insertInto('meta').values({ key: 'mine', value: 'kept' }).execute();
      });
      const mine = await storage.sql.selectFrom('meta').select('value').where('key', '=', 'mine').executeTakeFirst();
      expect(mine?.value).toBe('kept');
      // The other writer waits its turn (it has a busy timeout) instead of slipping in between.
      expect(otherWrite).toEqual(['SQLITE_BUSY']);
    } finally {
      other.close();
      await storage.close();
    }
  });
});
