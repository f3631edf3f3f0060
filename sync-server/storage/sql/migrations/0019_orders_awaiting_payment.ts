import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The card orders still waiting for their payment, oldest first, for the sweep that gives up abandoned
 * checkouts (payments/checkoutExpiry.ts): it asks every minute, and without this index every ask would read
 * every order ever placed. The predicate is written out here, as migrations must not change with the code;
 * storage/orderIndex.ts repeats it in a literal, which SQLite needs to use a partial index.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX orders_awaiting_payment ON orders (created_at) WHERE status = 'awaiting_payment'`.execute(db);
}

export const ordersAwaitingPayment: Migration = { up };
