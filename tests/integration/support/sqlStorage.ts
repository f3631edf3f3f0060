import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createLogger } from '../../../sync-server/log';
import { openSqlStorage, type SqlStorage, type SqlTarget } from '../../../sync-server/storage/sql/open';
import type { Db } from '../../../sync-server/storage/db';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { createTestDatabase, type TestDatabaseStart } from './postgres';
import { storageTargetOf, tempDataDir } from './server';

/** Both adapters, for `describe.each(DIALECTS)`: every storage behaviour is tested on each. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const silentLog = createLogger('silent');

export interface TestTarget {
  readonly target: SqlTarget;
  /** Throws the storage away (the PostgreSQL database is dropped); close every Kysely on it first. */
  discard(): Promise<void>;
}

/**
 * Somewhere new to store into: a fresh DATA_DIR, or a new PostgreSQL database, empty unless `migrated`
 * (then a copy of the run's migrated template, when there is one: see createTestDatabase).
 */
export async function createTestTarget(dialect: Dialect, start: TestDatabaseStart = 'empty'): Promise<TestTarget> {
  if (dialect === 'sqlite') return { target: { dialect, dataDir: tempDataDir('sql'), sync: 'normal' }, discard: () => Promise.resolve() };
  const created = await createTestDatabase(start);
  return { target: { dialect, url: created.url }, discard: () => created.drop() };
}

export interface TestStorage {
  readonly target: SqlTarget;
  /** Opened and migrated by openSqlStorage, as the server will. */
  readonly db: Kysely<Database>;
  /** Closes `db` and throws the storage away. */
  dispose(): Promise<void>;
}

/** Fresh storage of one dialect, opened and migrated. */
export async function openTestStorage(dialect: Dialect): Promise<TestStorage> {
  const { target, discard } = await createTestTarget(dialect, 'migrated');
  try {
    const { db } = await openSqlStorage(target, silentLog);
    return {
      target,
      db,
      dispose: async () => {
        await db.destroy();
        await discard();
      },
    };
  } catch (err: unknown) {
    await discard();
    throw err;
  }
}

/**
 * Fresh storage of `dialect` for every test of the calling describe (or one for all of them): registers
 * the hooks that open and dispose it, and returns the current one.
 */
export function useTestStorage(dialect: Dialect, per: 'test' | 'describe' = 'test'): () => TestStorage {
  let current: TestStorage | undefined;
  const [open, close] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  open(async () => {
    current = await openTestStorage(dialect);
  });
  close(async () => {
    await current?.dispose();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error(`no ${dialect} storage: it failed to open (see the hook's error)`);
    return current;
  };
}

export interface SqliteAt {
  /** Storage as the server queries it. */
  readonly sql: Kysely<Database>;
  /** The better-sqlite3 handle under `sql`: for raw SQL (corrupting, inspecting) and repositories not yet ported. */
  readonly raw: Db;
  close(): Promise<void>;
}

/** The SQLite storage in `dataDir`, opened and migrated as the server opens it. */
export async function openSqliteAt(dataDir: string): Promise<SqliteAt> {
  const opened = await openSqlStorage({ dialect: 'sqlite', dataDir, sync: 'normal' }, silentLog);
  if (opened.sqlite === null) throw new Error('SQLite storage opened without its handle');
  return { sql: opened.db, raw: opened.sqlite, close: () => opened.close() };
}

/**
 * The storage of a test server on `dataDir` (stopped, or running alongside), opened and migrated as the
 * server opens it: its SQLite file, or in the PostgreSQL pass its database. For fixtures that write what
 * no API would (a broken update, a missing one) and tests that read what the server stored.
 */
export async function openServerStorage(dataDir: string): Promise<SqlStorage> {
  return openSqlStorage(await storageTargetOf(dataDir), silentLog);
}
