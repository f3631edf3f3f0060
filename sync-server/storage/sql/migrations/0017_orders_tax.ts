import { sql, type Kysely, type Migration } from 'kysely';
import { dialectTypes } from './dialectTypes';

/**
 * orders.tax: the taxes an order was charged (minor units, inclusive and exclusive together), for the CSV
 * export. Orders indexed before outlets had tax settings were charged none separately: 0, where their
 * total is known; NULL stays "unknown" as it does for their total.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('tax', dialectTypes(db).bigint).execute();
  await sql`UPDATE orders SET tax = 0 WHERE total IS NOT NULL`.execute(db);
}

export const ordersTax: Migration = { up };
