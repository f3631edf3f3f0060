import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens the SQLite database in WAL mode. With synchronous=NORMAL a committed transaction survives
 * the process being killed (it is in the WAL, in the OS page cache); `full` also survives power loss.
 */
export function openDb(dataDir: string, sync: 'normal' | 'full'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'dabba.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
