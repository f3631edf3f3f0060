import { PostgresIntrospector, type Kysely } from 'kysely';

/**
 * Which dialect a Kysely (or a transaction on one) speaks, read from its introspector, for the few places
 * where no SQL serves both. Queries should need it rarely: prefer SQL both take.
 */
export function dialectOf<DB>(db: Kysely<DB>): 'sqlite' | 'postgres' {
  return db.introspection instanceof PostgresIntrospector ? 'postgres' : 'sqlite';
}
