import type { Insertable, Kysely } from 'kysely';
import { newOrderId, newTrackingToken, OrderIdSchema, type OrderId } from '../../../shared/ids';
import type { OrderStatus } from '../../../shared/order/status';
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
