import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes over the orders still in flight, so dispatch's questions cost what is happening now rather than
 * what has ever happened. Without them, on 100,000 past orders, the count of each driver's unfinished
 * orders (asked for every offer) read every assigned order (69 ms on SQLite), and the list of deliveries
 * waiting for a driver read every delivery that ended without one (18 ms): the old partial index left out
 * the status, and neither query repeated an index's predicate in literals, which SQLite needs to use one.
 * The predicates are written out in full here, as migrations must not change with the code; the queries in
 * storage/driverOrders.ts repeat them term for term. The waiting index leads with driver_id (NULL in every
 * row) so that SQLite prefers it to orders_driver even before it has statistics: both then answer
 * `driver_id IS NULL` by search, and this one also gives the order asked for.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX orders_awaiting_driver`.execute(db);
  await sql`CREATE INDEX orders_waiting_for_driver ON orders (driver_id, created_at, id)
    WHERE driver_id IS NULL AND type = 'delivery' AND status IN ('accepted', 'preparing', 'ready')`.execute(db);
  await sql`CREATE INDEX orders_driver_active ON orders (driver_id, status)
    WHERE driver_id IS NOT NULL AND status NOT IN ('delivered', 'rejected', 'cancelled', 'failed')`.execute(db);
}

export const ordersInFlightIndexes: Migration = { up };
