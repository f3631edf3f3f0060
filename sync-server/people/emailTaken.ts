import Database from 'better-sqlite3';
import pg from 'pg';
import { fail } from '../../shared/result';

export const EMAIL_TAKEN = fail('email_taken', 'An account with this email already exists.');

/** PostgreSQL's unique_violation (SQLSTATE 23505). */
const PG_UNIQUE_VIOLATION = '23505';

/**
 * The insert lost a race for the email: another request took it while the password was being hashed.
 * SQLite names the constraint kind in its code; PostgreSQL answers with the SQLSTATE.
 */
export const isUniqueViolation = (err: unknown): boolean =>
  (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE') ||
  (err instanceof pg.DatabaseError && err.code === PG_UNIQUE_VIOLATION);
