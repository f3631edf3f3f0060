import type { Insertable, Kysely } from 'kysely';
import { newOrderId, newTrackingToken, OrderIdSchema, type OrderId } from '../../../shared/ids';
import type { OrderStatus } from '../../../shared/order/status';
import { phoneDigits } from '../../../sync-server/storage/orderIndex';
import { foldedName } from '../../../sync-server/storage/searchText';
import type { Database, OrdersTable } from '../../../sync-server/storage/sql/schema';

/** What a test says of an order row; the rest is filled in (see insertOrderRow). */
export type OrderRowFacts = Partial<Omit<Insertable<OrdersTable>, 'status'>> & { readonly status: OrderStatus };

/**
 * Puts a row straight into the order index, as orderProjections would leave it, for storage tests that
 * need orders but no documents: by default a delivery of the demo outlet, last changed now, created a
 * second before. Returns its id.
 */
export async function insertOrderRow(db: Kysely<Database>, facts: OrderRowFacts): Promise<OrderId> {
  const id = OrderIdSchema.parse(facts.id ?? newOrderId());
  const updatedAt = facts.updated_at ?? Date.now();
  await db
    .insertInto('orders')
    .values({
      outlet_id: 'demo-outlet',
      tracking_token: newTrackingToken(),
      type: 'delivery',
      created_at: updatedAt - 1000,
      updated_at: updatedAt,
      ...facts,
      id,
    })
    .execute();
  return id;
}

/** An order index row: its id and time, and whichever other columns a test cares about. */
export type OrderRow = Pick<Insertable<OrdersTable>, 'id' | 'created_at'> & Partial<Insertable<OrdersTable>>;

/**
 * Writes rows straight into the order index as placing an order and the timings projection leave them:
 * the folded name and the phone's digits derived as OrderIndex derives them, unless given. One insert
 * each (SQLite takes no DEFAULT in a multi-row VALUES). Columns left out are NULL, or for the required
 * ones: outlet o-1, status placed, a tracking token of its own, updated when placed.
 */
export async function insertOrders(db: Kysely<Database>, rows: readonly OrderRow[]): Promise<void> {
  for (const row of rows) {
    const name = row.customer_name ?? null;
    const phone = row.customer_phone ?? null;
    await db
      .insertInto('orders')
      .values({
        outlet_id: 'o-1',
        status: 'placed',
        tracking_token: `track-${row.id}`,
        updated_at: row.created_at,
        customer_name_folded: name === null ? null : foldedName(name),
        customer_phone_digits: phone === null ? null : phoneDigits(phone),
        ...row,
      })
      .execute();
  }
}
