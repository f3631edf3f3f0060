import { createRequire } from 'node:module';
import type * as Pg from 'pg';

/**
 * pg, loaded by the first PostgreSQL pool: a node on SQLite (the default) never loads it. Required rather
 * than imported so that opening a pool stays synchronous; the type is the package's own.
 */
let loaded: typeof Pg | null = null;

export function loadPg(): typeof Pg {
  loaded ??= createRequire(import.meta.url)('pg') as typeof Pg;
  return loaded;
}

/** A PostgreSQL server's error: never one before pg was loaded, as only its pools make them. */
export function isPostgresError(err: unknown): err is Pg.DatabaseError {
  return loaded !== null && err instanceof loaded.DatabaseError;
}
