import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect';
import type { Database } from './schema';

/**
 * Runs `fn` while no other process runs `fn` under the same `lockId` on this database. On PostgreSQL,
 * several nodes share one database: the lock is a transaction-level advisory lock, released when that
 * transaction ends, so a node that dies mid-way frees it with its connection. The transaction only
 * holds the lock; `fn` queries through the pool's other connections, and everything it wrote is
 * committed before the next node gets the lock. On SQLite one process owns the file: `fn` just runs.
 * Each `lockId` is one job's own (Kysely's Migrator takes 3853314791062309107n for migrations).
 */
export async function oneAtATime<T>(db: Kysely<Database>, lockId: bigint, fn: () => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'sqlite') return fn();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(lockId)})`.execute(trx);
    return fn();
  });
}
