import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Db } from '../db';
import type { Database } from './schema';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** The better-sqlite3 handle under each SQLite Kysely (see sqliteKysely); PostgreSQL ones have none. */
const handles = new WeakMap<Kysely<Database>, Db>();
/** Each handle's statements, prepared once: the few texts of the hot writes. */
const prepared = new WeakMap<Db, Map<string, Statement>>();

export function rememberHandle(db: Kysely<Database>, raw: Db): void {
  handles.set(db, raw);
}

/** The handle a SQLite Kysely runs on; null on PostgreSQL (or a Kysely built elsewhere, as tests do). */
export function sqliteHandleOf(db: Kysely<Database>): Db | null {
  return handles.get(db) ?? null;
}

/**
 * `sql` prepared on `raw`, once. For fixed statements that run to completion at once (`run`): one kept
 * here is never still being iterated when it is handed out again.
 */
export function statementOn(raw: Db, sql: string): Statement {
  let statements = prepared.get(raw);
  if (!statements) {
    statements = new Map();
    prepared.set(raw, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = raw.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
