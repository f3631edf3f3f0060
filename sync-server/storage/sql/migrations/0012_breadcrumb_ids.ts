import { sql, type Kysely } from 'kysely';
import type { PerDialect } from './index';

/**
 * Breadcrumbs get an `id`, increasing in the order points were stored: the per-driver cap keeps the newest
 * points by device time and, between points taken at the same instant, the later stored, and a DELETE can
 * only pick some of several equal-looking points by a key. The trim used SQLite's rowid for that; PostgreSQL
 * has none, so the key is now a column on both.
 */

/**
 * SQLite: `id INTEGER PRIMARY KEY` is the rowid itself, so every stored point keeps the number it had and
 * new ones are numbered as before. A column cannot become the rowid by ALTER TABLE: the table is rebuilt.
 * Nothing references breadcrumbs, so this runs with foreign keys on, in the Migrator's transaction.
 */
async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE breadcrumbs_with_ids (
    id INTEGER PRIMARY KEY,
    driver_id TEXT NOT NULL,
    lat REAL NOT NULL,
    lng REAL NOT NULL,
    at INTEGER NOT NULL,
    accuracy REAL,
    received_at INTEGER NOT NULL
  )`.execute(db);
  await sql`INSERT INTO breadcrumbs_with_ids (id, driver_id, lat, lng, at, accuracy, received_at)
    SELECT rowid, driver_id, lat, lng, at, accuracy, received_at FROM breadcrumbs`.execute(db);
  await sql`DROP TABLE breadcrumbs`.execute(db);
  await sql`ALTER TABLE breadcrumbs_with_ids RENAME TO breadcrumbs`.execute(db);
  await sql`CREATE INDEX breadcrumbs_driver ON breadcrumbs (driver_id, at)`.execute(db);
  await sql`CREATE INDEX breadcrumbs_at ON breadcrumbs (at)`.execute(db);
}

/** PostgreSQL: an identity column; adding it numbers the points already stored. */
async function postgresUp(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('breadcrumbs')
    .addColumn('id', 'bigint', (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .execute();
}

export const breadcrumbIds: PerDialect = { sqlite: { up: sqliteUp }, postgres: { up: postgresUp } };
