import { describe, expect, it } from 'vitest';
import { loadPg } from '../../../../sync-server/storage/sql/pgModule';
import { storageFailureOf } from '../../../../sync-server/storage/storageFailure';

const coded = (code: string): Error => Object.assign(new Error(code), { code });
/** As a pool's query fails: with the driver a pool loaded (the server loads it with its first pool). */
const postgres = (code: string): Error => Object.assign(new (loadPg().DatabaseError)(`SQLSTATE ${code}`, 0, 'error'), { code });

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

  it('reads PostgreSQL SQLSTATEs about the server’s storage and connections as what they say about the storage', () => {
    expect(storageFailureOf(postgres('53100'))).toBe('full');
    expect(storageFailureOf(postgres('25006'))).toBe('read_only');
    expect(storageFailureOf(postgres('XX001'))).toBe('corrupt');
    expect(storageFailureOf(postgres('XX002'))).toBe('corrupt');
    expect(storageFailureOf(postgres('58030'))).toBe('failed');
    expect(storageFailureOf(postgres('08006'))).toBe('failed');
    expect(storageFailureOf(postgres('08P01'))).toBe('failed');
    expect(storageFailureOf(postgres('57P01'))).toBe('failed');
    expect(storageFailureOf(postgres('57P03'))).toBe('failed');
  });

  it('leaves PostgreSQL errors about the statement alone, and SQLSTATE-looking codes from anything but PostgreSQL', () => {
    expect(storageFailureOf(postgres('23505'))).toBeNull();
    expect(storageFailureOf(postgres('42P01'))).toBeNull();
    expect(storageFailureOf(postgres('57014'))).toBeNull();
    expect(storageFailureOf(postgres('53200'))).toBeNull();
    expect(storageFailureOf(coded('53100'))).toBeNull();
    expect(storageFailureOf(postgres('SQLITE_FULL'))).toBeNull();
  });

  it('leaves errors about the request or the code alone', () => {
    expect(storageFailureOf(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storageFailureOf(coded('SQLITE_FULLNESS'))).toBeNull();
    expect(storageFailureOf(coded('ENOENT'))).toBeNull();
    expect(storageFailureOf(new Error('boom'))).toBeNull();
    expect(storageFailureOf('SQLITE_FULL')).toBeNull();
  });
});
