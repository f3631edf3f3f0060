import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import type { MigrationSet } from './migrations';
import type { Database } from './schema';

/**
 * Runs whichever of `migrations` this database has not run yet, recorded in kysely_migration, and returns
 * what ran. Several nodes starting at once on PostgreSQL are serialised by the Migrator's advisory lock.
 */
export async function runMigrations(db: Kysely<Database>, migrations: MigrationSet): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve({ ...migrations }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'the migration bookkeeping';
    throw new Error(`Storage migration failed at ${failed}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return results;
}
