import { sql, type Kysely, type Migration } from 'kysely';
import { z } from 'zod';
import { foldedName } from '../../searchText';
import { dialectOf } from '../dialect';

/** Rows folded per query while filling: memory stays one page whatever the number of orders. */
const PAGE = 500;
const NamedOrder = z.object({ id: z.string(), customer_name: z.string() });

/**
 * orders.customer_name_folded: the customer's name as history search compares it (searchText.ts), filled
 * here for the orders already indexed and written with every new one. It replaces the fold_case() function
 * the search registered on the SQLite handle: PostgreSQL has no JavaScript to call, and its lower() folds
 * differently, so both dialects store JavaScript's folding and match on it with the same LIKE.
 * Text is COLLATE "C" on PostgreSQL like every column of the baseline (byte order, as SQLite compares).
 */
async function up(db: Kysely<unknown>): Promise<void> {
  const text = dialectOf(db) === 'postgres' ? sql`text COLLATE "C"` : sql`TEXT`;
  await db.schema.alterTable('orders').addColumn('customer_name_folded', text).execute();
  let after = '';
  for (;;) {
    const { rows } = await sql`SELECT id, customer_name FROM orders WHERE customer_name IS NOT NULL AND id > ${after}
      ORDER BY id LIMIT ${PAGE}`.execute(db);
    const page = z.array(NamedOrder).parse(rows);
    const [first, last] = [page.at(0), page.at(-1)];
    if (first === undefined || last === undefined) return;
    // One statement a page (a round trip per order would take minutes on PostgreSQL over a network). UPDATE
    // FROM is in both (SQLite 3.33+); VALUES names its columns column1, column2 on both. The page's id range
    // lets PostgreSQL read only the page's rows rather than join the whole table.
    const folded = sql.join(page.map((o) => sql`(${o.id}, ${foldedName(o.customer_name)})`));
    await sql`UPDATE orders SET customer_name_folded = page.column2 FROM (VALUES ${folded}) AS page
      WHERE orders.id = page.column1 AND orders.id >= ${first.id} AND orders.id <= ${last.id}`.execute(db);
    after = last.id;
  }
}

export const ordersCustomerNameFolded: Migration = { up };
