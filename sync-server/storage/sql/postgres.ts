import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Logger } from '../../log';
import { loadPg } from './pgModule';
import type { Database } from './schema';

/**
 * pg returns BIGINT (and NUMERIC, which SUM over a BIGINT yields) as strings so as to lose nothing; the
 * schema reads them as numbers, as better-sqlite3 does. Every BIGINT here is an epoch ms (~1.7e12), a log
 * sequence number, a Yjs client id (< 2^32), money in minor units or a count: far below 2^53, where a double
 * stops holding every integer. Past that bound the query fails rather than returning a rounded number
 * (better-sqlite3 would round silently; neither is expected to happen).
 */
function integerAsNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`PostgreSQL returned ${text}, beyond what a JS number holds exactly (2^53 - 1)`);
  return value;
}

/** A whole NUMERIC is held to the same bound; a fractional one (AVG) becomes a double, as SQLite's REAL result is. */
function numericAsNumber(text: string): number {
  return /^-?\d+$/.test(text) ? integerAsNumber(text) : Number(text);
}

/** This pool's own parsers: pg.types.setTypeParser would change them for every pg user in the process. */
function poolTypes(types: typeof pg.types): pg.CustomTypesConfig {
  const parsers: ReadonlyMap<number, (text: string) => number> = new Map([
    [types.builtins.INT8, integerAsNumber],
    [types.builtins.NUMERIC, numericAsNumber],
  ]);
  return { getTypeParser: (oid, format) => (format !== 'binary' && parsers.get(oid)) || types.getTypeParser(oid, format) };
}

export function postgresPool(url: string, log: Logger): pg.Pool {
  const { Pool, types } = loadPg();
  const pool = new Pool({ connectionString: url, types: poolTypes(types), application_name: 'dabba' });
  // An idle connection whose server went away (restart, failover) is dropped by the pool and reported
  // here; without a listener Node would end the process. The next query opens a new connection and, if
  // the server is still gone, fails itself, where the caller sees it.
  pool.on('error', (err) => log.error('postgres: idle connection lost', { error: err.message }));
  return pool;
}

/** Kysely over a pool of connections to `url`; destroying the Kysely ends the pool. */
export function postgresKysely(url: string, log: Logger): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(url, log) }) });
}
