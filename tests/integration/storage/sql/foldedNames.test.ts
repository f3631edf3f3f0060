import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../../sync-server/storage/db';
import { runMigrations } from '../../../../sync-server/storage/sql/migrate';
import { migrationsFor } from '../../../../sync-server/storage/sql/migrations';
import { openSqlStorage, type SqlTarget } from '../../../../sync-server/storage/sql/open';
import { postgresKysely } from '../../../../sync-server/storage/sql/postgres';
import type { Database } from '../../../../sync-server/storage/sql/schema';
import { sqliteKysely } from '../../../../sync-server/storage/sql/sqlite';
import { createTestTarget, DIALECTS, silentLog, type Dialect } from '../../support/sqlStorage';

/** Storage as it was before names were folded: the legacy list on SQLite, the baseline on PostgreSQL. */
async function openBeforeFolding(target: SqlTarget): Promise<Kysely<Database>> {
  if (target.dialect === 'sqlite') return sqliteKysely(openDb(target.dataDir, 'normal'));
  const db = postgresKysely(target.url, silentLog);
  await runMigrations(db, migrationsFor('postgres', {}));
  return db;
}

/** Names whose lower case SQLite's lower() (ASCII only) or a collation-bound one would get wrong. */
const NAMES = ['ZOË ÉLAN', 'ΟΔΟΣ Σοφία', 'İpek', 'Ärzte GmbH', 'Arjun Rao'];
/** More orders than the migration folds in one page, so it has to go on past the first. */
const ORDERS = 1_203;

describe.each(DIALECTS)('the customer_name_folded migration on %s', (dialect: Dialect) => {
  it('folds the name of every order already indexed as JavaScript does, and leaves orders without one NULL', async () => {
    const { target, discard } = await createTestTarget(dialect);
    try {
      const before = await openBeforeFolding(target);
      const rows = Array.from({ length: ORDERS }, (_, i) => ({
        id: `o${String(i).padStart(4, '0')}`,
        outlet_id: 'o-1',
        tracking_token: `t${i}`,
        status: 'placed',
        created_at: i,
        updated_at: i,
        customer_name: `${NAMES[i % NAMES.length] ?? ''} ${i}`,
      }));
      await before.insertInto('orders').values(rows).execute();
      await before
        .insertInto('orders')
        .values({ id: 'nameless', outlet_id: 'o-1', tracking_token: 'tn', status: 'placed', created_at: 0, updated_at: 0 })
        .execute();
      await before.destroy();

      const { db } = await openSqlStorage(target, silentLog);
      try {
        const folded = await db.selectFrom('orders').select(['id', 'customer_name_folded']).orderBy('id').execute();
        expect(folded).toHaveLength(ORDERS + 1);
        expect(folded.slice(0, 5)).toEqual([
          { id: 'nameless', customer_name_folded: null },
          { id: 'o0000', customer_name_folded: 'zoë élan 0' },
          { id: 'o0001', customer_name_folded: 'οδος σοφία 1' },
          { id: 'o0002', customer_name_folded: 'i̇pek 2' },
          { id: 'o0003', customer_name_folded: 'ärzte gmbh 3' },
        ]);
        const wrong = folded.filter((r, i) => i > 0 && r.customer_name_folded !== rows[i - 1]?.customer_name.toLowerCase());
        expect(wrong).toEqual([]);
      } finally {
        await db.destroy();
      }
    } finally {
      await discard();
    }
  });
});
