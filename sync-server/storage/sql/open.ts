import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Logger } from '../../log';
import { openSqliteFile, type Db } from '../db';
import { migrate as migrateLegacy } from '../migrations';
import { runMigrations } from './migrate';
import { migrationsFor } from './migrations';
import { postgresKysely } from './postgres';
import type { Database } from './schema';
import { sqliteKysely } from './sqlite';
import { startWalCheckpointer } from './walCheckpointer';

/** Where storage lives: the embedded SQLite file in DATA_DIR (the default), or a PostgreSQL server. */
export type SqlTarget =
  | { readonly dialect: 'sqlite'; readonly dataDir: string; readonly sync: Config['sqliteSync'] }
  | { readonly dialect: 'postgres'; readonly url: string };

const DatabaseUrlSchema = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL');

/** DATABASE_URL picks PostgreSQL; without it storage is SQLite in DATA_DIR, as it has always been. */
export function sqlTargetOf(config: Pick<Config, 'dataDir' | 'sqliteSync'>, databaseUrl: string | null | undefined): SqlTarget {
  if (databaseUrl === undefined || databaseUrl === null || databaseUrl.trim() === '') {
    return { dialect: 'sqlite', dataDir: config.dataDir, sync: config.sqliteSync };
  }
  return { dialect: 'postgres', url: DatabaseUrlSchema.parse(databaseUrl) };
}

/** Open storage: the Kysely every repository queries through, and on SQLite the handle under it. */
export interface SqlStorage {
  readonly db: Kysely<Database>;
  readonly dialect: SqlTarget['dialect'];
  /**
   * The better-sqlite3 handle `db` runs on (SQLite only): for what only SQLite has (PRAGMA quick_check) and,
   * until every repository is ported, the synchronous ones. A synchronous call never runs inside one of
   * Kysely's transactions as long as no transaction awaits anything but its own queries (Kysely's SQLite
   * driver settles them without yielding to I/O).
   */
  readonly sqlite: Db | null;
  /** Closes `db` and the handle under it. */
  close(): Promise<void>;
}

/**
 * Opens storage and brings its schema up to date before anything reads it. SQLite: the legacy user_version
 * list first (databases in the field were built by it and keep their bookkeeping), then the shared
 * migrations. PostgreSQL: the baseline that stands for that list, then the same shared migrations.
 */
export async function openSqlStorage(target: SqlTarget, log: Logger): Promise<SqlStorage> {
  let db: Kysely<Database>;
  let sqlite: Db | null = null;
  if (target.dialect === 'postgres') {
    db = postgresKysely(target.url, log);
  } else {
    const raw = openSqliteFile(target.dataDir, target.sync);
    sqlite = raw;
    try {
      migrateLegacy(raw);
    } catch (err: unknown) {
      raw.close();
      throw err;
    }
    db = sqliteKysely(raw);
  }
  try {
    await runMigrations(db, migrationsFor(target.dialect));
  } catch (err: unknown) {
    await db.destroy();
    throw err;
  }
  // The statistics SQLite's planner needs to prefer the partial indexes over orders in flight to the wider
  // ones (PostgreSQL's autovacuum keeps its own); cheap, and a no-op when they are fresh. Only an aid: a file
  // it cannot read (corrupt) must still open, so /healthz can say so.
  try {
    sqlite?.pragma('optimize=0x10002');
  } catch (err: unknown) {
    log.error('could not gather SQLite planner statistics', { error: String(err) });
  }
  const checkpointer = sqlite && target.dialect === 'sqlite' ? startWalCheckpointer(sqlite, target.sync, log) : null;
  return {
    db,
    dialect: target.dialect,
    sqlite,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
