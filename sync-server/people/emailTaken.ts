import Database from 'better-sqlite3';
import { isPostgresError } from '../storage/sql/pgModule';
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
  (isPostgresError(err) && err.code === PG_UNIQUE_VIOLATION);
