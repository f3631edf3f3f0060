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

/** Node's own file errors, for what is stored beside the database (proof photos). */
const FILE_FAILURES: Readonly<Record<string, StorageFailure>> = { ENOSPC: 'full', EDQUOT: 'full', EROFS: 'read_only', EIO: 'failed' };

export function storageFailureOf(err: unknown): StorageFailure | null {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return null;
  const code = err.code;
  return SQLITE_FAILURES.find(([pattern]) => pattern.test(code))?.[1] ?? FILE_FAILURES[code] ?? null;
}
