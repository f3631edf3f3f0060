import type { Kysely, SqliteDatabase, SqliteStatement } from 'kysely';
import type { Db } from '../db';
import type { Database } from './schema';

/** The better-sqlite3 handle under each SQLite Kysely (see sqliteKysely); PostgreSQL ones have none. */
const handles = new WeakMap<Kysely<Database>, Db>();
/** Each handle's statement cache, the one its Kysely prepares through (statementCache.ts). */
const caches = new WeakMap<Db, SqliteDatabase>();

export function rememberHandle(db: Kysely<Database>, raw: Db, statements: SqliteDatabase): void {
  handles.set(db, raw);
  caches.set(raw, statements);
}

/** The handle a SQLite Kysely runs on; null on PostgreSQL (or a Kysely built elsewhere, as tests do). */
export function sqliteHandleOf(db: Kysely<Database>): Db | null {
  return handles.get(db) ?? null;
}

/** `sql` prepared on `raw` through the statement cache its Kysely uses: prepared once, however it runs. */
export function statementOn(raw: Db, sql: string): SqliteStatement {
  const statements = caches.get(raw);
  if (!statements) throw new Error('this SQLite handle was not opened through sqliteKysely');
  return statements.prepare(sql);
}
