import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './sql/schema';

const META_KEY = 'storage_id';

/**
 * A name for this database, made once by whichever node gets there first: nodes that share storage
 * share it, and nodes on different databases never do. Fan-out channels carry it, so nodes that merely
 * share a Redis (tests, a staging platform beside production) never apply each other's updates.
 */
export async function storageIdentity(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key: META_KEY, value: randomUUID() })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', META_KEY).executeTakeFirstOrThrow();
  return row.value;
}
