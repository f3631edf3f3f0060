import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * Column types a shared migration spells differently per dialect. Text compares by bytes on both:
 * SQLite's default BINARY collation, COLLATE "C" on PostgreSQL (see 0010_postgres_baseline.ts).
 */
export interface DialectTypes {
  readonly text: RawBuilder<unknown>;
  /** 64-bit whole numbers: SQLite's INTEGER is already 64-bit. */
  readonly bigint: RawBuilder<unknown>;
}

export function dialectTypes(db: Kysely<unknown>): DialectTypes {
  return dialectOf(db) === 'postgres' ? { text: sql`text COLLATE "C"`, bigint: sql`bigint` } : { text: sql`text`, bigint: sql`integer` };
}
