import { sql, type Kysely, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runMigrations } from '../../../../sync-server/storage/sql/migrate';
import { migrationsFor, SHARED_MIGRATIONS } from '../../../../sync-server/storage/sql/migrations';
import { openSqlStorage } from '../../../../sync-server/storage/sql/open';
import type { Database } from '../../../../sync-server/storage/sql/schema';
import { schemaShape } from '../../support/schemaShape';
import { createTestTarget, DIALECTS, silentLog, useTestStorage, type Dialect } from '../../support/sqlStorage';

const ran = async (db: Kysely<Database>): Promise<string[]> => {
  const { rows } = await sql`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return z
    .array(z.object({ name: z.string() }))
    .parse(rows)
    .map((r) => r.name);
};

/** Every migration a freshly opened storage of `dialect` has run, in name order. */
const allMigrations = (dialect: Dialect): string[] => Object.keys(migrationsFor(dialect)).sort();

const tableExists = async (db: Kysely<Database>, table: string): Promise<boolean> =>
  (await db.introspection.getTables()).some((t) => t.name === table);

/** A shared migration as a later engineer would write one: schema builder only. */
const addNotes: Migration = {
  up: async (db: Kysely<unknown>) => {
    await db.schema
      .createTable('order_notes')
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
  },
};

/** Creates a table, then fails: nothing of it may stay. */
const failHalfWay: Migration = {
  up: async (db: Kysely<unknown>) => {
    await db.schema.createTable('half_done').addColumn('id', 'text').execute();
    await sql`SELECT * FROM no_such_table`.execute(db);
  },
};

describe.each(DIALECTS)('migrations on %s', (dialect: Dialect) => {
  it('run once: opening the storage again runs nothing and leaves the schema as it was', async () => {
    const { target, discard } = await createTestTarget(dialect);
    try {
      const { db: first } = await openSqlStorage(target, silentLog);
      const shape = await schemaShape(first, dialect);
      const recorded = await ran(first);
      await first.destroy();

      const { db: again } = await openSqlStorage(target, silentLog);
      try {
        expect(await runMigrations(again, migrationsFor(dialect))).toEqual([]);
        expect(await schemaShape(again, dialect)).toEqual(shape);
        expect(await ran(again)).toEqual(recorded);
        expect(recorded).toEqual(allMigrations(dialect));
      } finally {
        await again.destroy();
      }
    } finally {
      await discard();
    }
  });

  describe('on storage already migrated', () => {
    const storage = useTestStorage(dialect);

    it('run a shared migration after the baseline, once, recorded by name', async () => {
      const { db } = storage();
      const withNotes = migrationsFor(dialect, { ...SHARED_MIGRATIONS, '0099_order_notes': addNotes });
      const results = await runMigrations(db, withNotes);
      expect(results.map((r) => [r.migrationName, r.status])).toEqual([['0099_order_notes', 'Success']]);
      await sql`INSERT INTO order_notes (order_id, body) VALUES ('o1', 'ring twice')`.execute(db);
      expect(await runMigrations(db, withNotes)).toEqual([]);
      expect(await ran(db)).toEqual([...allMigrations(dialect), '0099_order_notes']);
    });

    it('leave nothing of a migration that fails half-way, and do not record it', async () => {
      const { db } = storage();
      const failing = migrationsFor(dialect, { ...SHARED_MIGRATIONS, '0099_half_done': failHalfWay });
      await expect(runMigrations(db, failing)).rejects.toThrow(/Storage migration failed at 0099_half_done: .*no_such_table/);
      expect(await tableExists(db, 'half_done')).toBe(false);
      expect(await ran(db)).not.toContain('0099_half_done');
    });
  });
});
