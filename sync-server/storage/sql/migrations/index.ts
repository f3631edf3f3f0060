import type { Migration } from 'kysely';
import { postgresBaseline } from './0010_postgres_baseline';
import { docHeads } from './0011_doc_heads';

export type MigrationSet = Readonly<Record<string, Migration>>;

/**
 * Every migration after the baseline, shared by both dialects and run by Kysely's Migrator in name order.
 * Append only; names continue the legacy numbering (0011_<what>, 0012_…) so one sequence tells the history.
 * Write them with the schema builder or SQL both dialects take (dialectTypes.ts for the column types). On both, one run of pending migrations
 * is one transaction (see sqlite.ts for SQLite), so a failing migration leaves nothing half-done.
 * The server opens its storage with openSqlStorage, so the legacy list (migrations.ts) is frozen: every
 * schema change comes here, for both dialects at once.
 */
export const SHARED_MIGRATIONS: MigrationSet = { '0011_doc_heads': docHeads };

/** What Kysely's Migrator runs on each dialect; SQLite's baseline is the legacy list, run before it. */
export function migrationsFor(dialect: 'sqlite' | 'postgres', shared: MigrationSet = SHARED_MIGRATIONS): MigrationSet {
  return dialect === 'postgres' ? { '0010_postgres_baseline': postgresBaseline, ...shared } : shared;
}
