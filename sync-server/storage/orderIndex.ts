import type { OrderId, OutletId, TrackingToken, UserId } from '../../shared/ids';
import type { OrderStatus } from '../../shared/order/status';
import type { Db } from './db';

export interface OrderIndexRow {
  readonly id: OrderId;
  readonly outletId: OutletId;
  readonly driverId: UserId | null;
  readonly trackingToken: TrackingToken;
  readonly status: OrderStatus;
  readonly createdAt: number;
}

interface Row { id: string; outlet_id: string; driver_id: string | null; tracking_token: string; status: OrderStatus; created_at: number }

const toIndex = (r: Row): OrderIndexRow => ({
  id: r.id as OrderId, outletId: r.outlet_id as OutletId, driverId: r.driver_id as UserId | null,
  trackingToken: r.tracking_token as TrackingToken, status: r.status, createdAt: r.created_at,
});

/** The server's query index over order documents (who may hold which order, idempotency keys). */
export class OrderIndex {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      get: db.prepare<[string], Row>('SELECT * FROM orders WHERE id = ?'),
      byToken: db.prepare<[string], Row>('SELECT * FROM orders WHERE tracking_token = ?'),
      insert: db.prepare<[string, string, string, string, number, number]>(
        'INSERT INTO orders (id, outlet_id, driver_id, tracking_token, status, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?)',
      ),
      update: db.prepare<[string | null, string, number, string]>('UPDATE orders SET driver_id = ?, status = ?, updated_at = ? WHERE id = ?'),
      idemGet: db.prepare<[string], { request_hash: string; order_id: string }>('SELECT request_hash, order_id FROM idempotency_keys WHERE key = ?'),
      idemInsert: db.prepare<[string, string, string, number]>('INSERT INTO idempotency_keys (key, request_hash, order_id, created_at) VALUES (?, ?, ?, ?)'),
    };
  }

  get(id: string): OrderIndexRow | null {
    const row = this.s.get.get(id);
    return row ? toIndex(row) : null;
  }

  byTrackingToken(token: string): OrderIndexRow | null {
    const row = this.s.byToken.get(token);
    return row ? toIndex(row) : null;
  }

  insert(row: OrderIndexRow, idempotency: { key: string; requestHash: string } | null): void {
    this.db.transaction(() => {
      this.s.insert.run(row.id, row.outletId, row.trackingToken, row.status, row.createdAt, row.createdAt);
      if (idempotency) this.s.idemInsert.run(idempotency.key, idempotency.requestHash, row.id, Date.now());
    })();
  }

  update(id: OrderId, driverId: UserId | null, status: OrderStatus): void {
    this.s.update.run(driverId, status, Date.now(), id);
  }

  idempotent(key: string): { requestHash: string; orderId: OrderId } | null {
    const row = this.s.idemGet.get(key);
    return row ? { requestHash: row.request_hash, orderId: row.order_id as OrderId } : null;
  }
}
