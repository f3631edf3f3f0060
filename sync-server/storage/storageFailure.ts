import { isPostgresError } from './sql/pgModule';

/**
 * What a storage error says about the storage itself, as opposed to the request that met it:
 * a full disk, a read-only or failing one, or a malformed database. Null for any other error.
 */
export type StorageFailure = 'full' | 'read_only' | 'failed' | 'corrupt';

const SQLITE_FAILURES: readonly [RegExp, StorageFailure][] = [
  // Each primary code stands for its extended codes too (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, …).
  [/^SQLITE_FULL(_|$)/, 'full'],
  [/^SQLITE_READONLY(_|$)/, 'read_only'],
  [/^SQLITE_(CORRUPT|NOTADB)(_|$)/, 'corrupt'],
  [/^SQLITE_(IOERR|CANTOPEN)(_|$)/, 'failed'],
];

/**
 * PostgreSQL's SQLSTATEs about the server's storage rather than the statement. Read only off pg's
 * DatabaseError: a five-character code from anything else means something else.
 */
const POSTGRES_FAILURES: readonly [RegExp, StorageFailure][] = [
  [/^53100$/, 'full'], // disk_full
  [/^25006$/, 'read_only'], // read_only_sql_transaction: a standby, or default_transaction_read_only
  [/^XX00[12]$/, 'corrupt'], // data_corrupted, index_corrupted
  // io_error; the whole connection_exception class; the server shutting down or not taking connections yet.
  [/^(58030|08...|57P0[123])$/, 'failed'],
];

/** Node's own file errors, for what is stored beside the database (proof photos). */
const FILE_FAILURES: Readonly<Record<string, StorageFailure>> = { ENOSPC: 'full', EDQUOT: 'full', EROFS: 'read_only', EIO: 'failed' };

export function storageFailureOf(err: unknown): StorageFailure | null {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return null;
  const code = err.code;
  const patterns = isPostgresError(err) ? POSTGRES_FAILURES : SQLITE_FAILURES;
  return patterns.find(([pattern]) => pattern.test(code))?.[1] ?? FILE_FAILURES[code] ?? null;
}
