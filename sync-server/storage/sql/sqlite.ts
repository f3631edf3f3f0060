import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase,
} from 'kysely';
import type { Db } from '../db';
import type { Database } from './schema';
import { rememberHandle } from './handle';
import { statementCachingDatabase } from './statementCache';

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not (kysely#56, kept off because
 * some PRAGMAs cannot run in one), so its Migrator would run migrations bare: a migration failing half-way
 * would leave tables behind that the retry then trips over. Ours says yes, so a run of pending migrations
 * and its bookkeeping commit together, as each legacy migration does. A future migration that must turn
 * PRAGMA foreign_keys off (a table rebuild) cannot run in a transaction and needs its own path.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM): the
 * ROLLBACK Kysely then sends fails with "no transaction is active", and that error would replace the one
 * that says what happened (a full disk is a 503 storage_unavailable, not a 500).
 *
 * Transactions take the write lock when they begin (`BEGIN IMMEDIATE`). Begun deferred, one that read
 * first and wrote after failed at once ("database is locked", no busy wait) when another connection had
 * written in between: the WAL checkpointer's thread does, every second, so an admin's change of an
 * account, a read-then-write like many, now and then answered 503 (a CI run caught it).
 */
class AutoRollbackAwareDriver extends SqliteDriver {
  constructor(
    private readonly raw: Db,
    statements: SqliteDatabase,
  ) {
    super({ database: statements });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.raw.inTransaction) await super.rollbackTransaction(connection);
  }
}

class DabbaSqliteDialect extends SqliteDialect {
  constructor(
    private readonly raw: Db,
    private readonly statements: SqliteDatabase,
  ) {
    super({ database: raw });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return new AutoRollbackAwareDriver(this.raw, this.statements);
  }
}

/**
 * Kysely over an open better-sqlite3 handle (pragmas set, see openSqliteFile). Destroying the Kysely closes
 * the handle. Kysely queues its queries on the one connection, but a synchronous call made on the same
 * handle while a Kysely transaction is open lands inside that transaction: code that still uses the handle
 * directly must not interleave with Kysely transactions.
 */
export function sqliteKysely(raw: Db): Kysely<Database> {
  // One statement cache for the handle: Kysely's queries and the writes run on the handle itself (handle.ts).
  const statements = statementCachingDatabase(raw);
  const db = new Kysely<Database>({ dialect: new DabbaSqliteDialect(raw, statements) });
  rememberHandle(db, raw, statements);
  return db;
}
