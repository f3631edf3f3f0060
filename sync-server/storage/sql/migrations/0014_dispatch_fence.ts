import { sql, type Kysely, type Migration } from 'kysely';
import { dialectTypes } from './dialectTypes';

/**
 * The highest fence token a dispatch leader has claimed, per scope ('dispatch': the one leader of every
 * order). A new leader claims a token above it before it decides anything, and every dispatch write checks
 * it in its own transaction, so a leader that lost its lease without knowing (a long pause, a partition)
 * cannot write once another has taken over (storage/dispatchFence.ts).
 */
async function up(db: Kysely<unknown>): Promise<void> {
  const types = dialectTypes(db);
  await db.schema
    .createTable('dispatch_fence')
    .addColumn('scope', types.text, (c) => c.primaryKey())
    .addColumn('fence', types.bigint, (c) => c.notNull())
    .execute();
  await sql`INSERT INTO dispatch_fence (scope, fence) VALUES ('dispatch', 0)`.execute(db);
}

export const dispatchFence: Migration = { up };
