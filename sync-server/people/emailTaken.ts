import Database from 'better-sqlite3';
import { fail } from '../../shared/result';

export const EMAIL_TAKEN = fail('email_taken', 'An account with this email already exists.');

/** The insert lost a race for the email: another request took it while the password was being hashed. */
export const isUniqueViolation = (err: unknown): boolean => err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_UNIQUE';
