import { OrderIdSchema, type OrderId } from '../../shared/ids';
import { TERMINAL_STATUSES } from '../../shared/order/status';
import type { Db } from './db';

/** What an order's stored proofs add up to, the figures its caps are checked against. */
export interface ProofTotals {
  readonly count: number;
  readonly bytes: number;
}

/** The `proofs` table: one row per proof file on disk, so caps and retention need no directory walks. */
export class ProofRecords {
  private readonly s;

  constructor(db: Db) {
    const terminal = [...TERMINAL_STATUSES].map((status) => `'${status}'`).join(', ');
    this.s = {
      totals: db.prepare<[string], { count: number; bytes: number | null }>(
        'SELECT COUNT(*) AS count, SUM(bytes) AS bytes FROM proofs WHERE order_id = ?',
      ),
      insert: db.prepare<[string, string, number, number]>(
        'INSERT OR IGNORE INTO proofs (order_id, proof_id, bytes, stored_at) VALUES (?, ?, ?, ?)',
      ),
      finishedBefore: db.prepare<[number, number], { order_id: string }>(
        `SELECT DISTINCT p.order_id FROM proofs p JOIN orders o ON o.id = p.order_id
         WHERE o.status IN (${terminal}) AND o.updated_at < ? LIMIT ?`,
      ),
      deleteOrder: db.prepare<[string]>('DELETE FROM proofs WHERE order_id = ?'),
    };
  }

  totals(orderId: OrderId): ProofTotals {
    const row = this.s.totals.get(orderId);
    return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 };
  }

  insert(orderId: OrderId, proofId: string, bytes: number, storedAt: number): void {
    this.s.insert.run(orderId, proofId, bytes, storedAt);
  }

  /** Orders with proofs that finished (delivered, cancelled, rejected, failed) before `until`, at most `limit`. */
  ordersFinishedBefore(until: number, limit: number): OrderId[] {
    return this.s.finishedBefore.all(until, limit).map((r) => OrderIdSchema.parse(r.order_id));
  }

  deleteOrder(orderId: OrderId): void {
    this.s.deleteOrder.run(orderId);
  }
}
