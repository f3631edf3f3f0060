import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { ensurePrivateDir, ensurePrivateFile, tightenIfPresent } from './privateFiles';

export type Db = Database.Database;

/**
 * Opens the SQLite database in WAL mode. With synchronous=NORMAL a committed transaction survives
 * the process being killed (it is in the WAL, in the OS page cache); `full` also survives power loss.
 */
export function openDb(dataDir: string, sync: 'normal' | 'full'): Db {
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
  migrate(db);
  return db;
}
