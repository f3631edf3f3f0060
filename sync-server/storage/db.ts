import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { ensurePrivateDir, ensurePrivateFile, tightenIfPresent } from './privateFiles';

export type Db = Database.Database;

/**
 * Opens DATA_DIR/dabba.sqlite in WAL mode, unmigrated. With synchronous=NORMAL a committed transaction
 * survives the process being killed (it is in the WAL, in the OS page cache); `full` also survives power loss.
 */
export function openSqliteFile(dataDir: string, sync: 'normal' | 'full'): Db {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, 'dabba.sqlite');
  // SQLite creates the -wal and -shm files with the database file's mode, so 0600 here covers all three.
  ensurePrivateFile(file);
  for (const suffix of ['-wal', '-shm']) tightenIfPresent(file + suffix);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The SQLite database the server runs on today, brought up to the last legacy migration. */
export function openDb(dataDir: string, sync: 'normal' | 'full'): Db {
  const db = openSqliteFile(dataDir, sync);
  migrate(db);
  return db;
}
