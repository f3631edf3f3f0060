import { describe, expect, it } from 'vitest';
import { storageFailureOf } from '../../../../sync-server/storage/storageFailure';

const coded = (code: string): Error => Object.assign(new Error(code), { code });

describe('storageFailureOf', () => {
  it('reads SQLite primary and extended codes as what they say about the storage', () => {
    expect(storageFailureOf(coded('SQLITE_FULL'))).toBe('full');
    expect(storageFailureOf(coded('SQLITE_IOERR_WRITE'))).toBe('failed');
    expect(storageFailureOf(coded('SQLITE_IOERR'))).toBe('failed');
    expect(storageFailureOf(coded('SQLITE_READONLY_DBMOVED'))).toBe('read_only');
    expect(storageFailureOf(coded('SQLITE_CORRUPT_INDEX'))).toBe('corrupt');
    expect(storageFailureOf(coded('SQLITE_NOTADB'))).toBe('corrupt');
  });

  it('reads a full or read-only disk met by a file write the same way', () => {
    expect(storageFailureOf(coded('ENOSPC'))).toBe('full');
    expect(storageFailureOf(coded('EROFS'))).toBe('read_only');
  });

  it('leaves errors about the request or the code alone', () => {
    expect(storageFailureOf(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageFailureOf(coded('SQLITE_FULLNESS'))).toBeNull();
    expect(storageFailureOf(coded('ENOENT'))).toBeNull();
    expect(storageFailureOf(new Error('boom'))).toBeNull();
    expect(storageFailureOf('SQLITE_FULL')).toBeNull();
  });
});
