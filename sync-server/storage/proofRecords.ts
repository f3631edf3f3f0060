import type { Kysely } from 'kysely';
import { OrderIdSchema, type OrderId } from '../../shared/ids';
import { TERMINAL_STATUSES } from '../../shared/order/status';
import type { Database } from './sql/schema';

/** What an order's stored proofs add up to, the figures its caps are checked against. */
export interface ProofTotals {
  readonly count: number;
  readonly bytes: number;
}

/** The `proofs` table: one row per proof file on disk, so caps and retention need no directory walks. */
export class ProofRecords {
  constructor(private readonly db: Kysely<Database>) {}

  async totals(orderId: OrderId): Promise<ProofTotals> {
    const row = await this.db
      .selectFrom('proofs')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number | null>('bytes').as('bytes')])
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
  }

  /** Records the proof; one already recorded keeps its size and time. */
  async insert(orderId: OrderId, proofId: string, bytes: number, storedAt: number): Promise<void> {
    await this.db
      .insertInto('proofs')
      .values({ order_id: orderId, proof_id: proofId, bytes, stored_at: storedAt })
      .onConflict((conflict) => conflict.columns(['order_id', 'proof_id']).doNothing())
      .execute();
  }

  /** Orders with proofs that finished (delivered, cancelled, rejected, failed) before `until`, at most `limit`, by id. */
  async ordersFinishedBefore(until: number, limit: number): Promise<OrderId[]> {
    const rows = await this.db
      .selectFrom('proofs as p')
      .innerJoin('orders as o', 'o.id', 'p.order_id')
      .select('p.order_id')
      .distinct()
      .where('o.status', 'in', [...TERMINAL_STATUSES])
      .where('o.updated_at', '<', until)
      .orderBy('p.order_id')
      .limit(limit)
      .execute();
    return rows.map((r) => OrderIdSchema.parse(r.order_id));
  }

  async deleteOrder(orderId: OrderId): Promise<void> {
    await this.db.deleteFrom('proofs').where('order_id', '=', orderId).execute();
  }
}
