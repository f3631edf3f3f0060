import {
  OrderIdSchema,
  OutletIdSchema,
  TrackingTokenSchema,
  UserIdSchema,
  type OrderId,
  type OutletId,
  type TrackingToken,
  type UserId,
} from '../../shared/ids';
import type { OrderSource } from '../../shared/order/header';
import { TERMINAL_STATUSES, type OrderStatus, type OrderType } from '../../shared/order/status';
import type { Db } from './db';

export interface OrderIndexRow {
  readonly id: OrderId;
  readonly outletId: OutletId;
  readonly driverId: UserId | null;
  readonly trackingToken: TrackingToken;
  readonly status: OrderStatus;
  readonly createdAt: number;
}

/** What history and search show of an order, stored with its index row when it is placed. */
export interface OrderSummary {
  readonly type: OrderType;
  readonly source: OrderSource;
  readonly customerName: string;
  readonly customerPhone: string;
  readonly total: number;
  readonly currency: string;
}

/** Digits of a phone number, the form it is searched by. */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

interface Row {
  id: string;
  outlet_id: string;
  driver_id: string | null;
  tracking_token: string;
  status: OrderStatus;
  created_at: number;
}

const toIndex = (r: Row): OrderIndexRow => ({
  id: OrderIdSchema.parse(r.id),
  outletId: OutletIdSchema.parse(r.outlet_id),
  driverId: r.driver_id === null ? null : UserIdSchema.parse(r.driver_id),
  trackingToken: TrackingTokenSchema.parse(r.tracking_token),
  status: r.status,
  createdAt: r.created_at,
});

/** The server's query index over order documents (who may hold which order, idempotency keys). */
export class OrderIndex {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      get: db.prepare<[string], Row>('SELECT * FROM orders WHERE id = ?'),
      byToken: db.prepare<[string], Row>('SELECT * FROM orders WHERE tracking_token = ?'),
      insert: db.prepare<[string, string, string, string, number, number, string, string, string, string, string, number, string]>(
        `INSERT INTO orders (id, outlet_id, driver_id, tracking_token, status, created_at, updated_at,
           type, source, customer_name, customer_phone, customer_phone_digits, total, currency)
         VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      update: db.prepare<[string | null, string, number, number | null, string]>(
        'UPDATE orders SET driver_id = ?, status = ?, updated_at = ?, assigned_at = ? WHERE id = ?',
      ),
      finished: db.prepare<[number, number], Row>(
        `SELECT * FROM orders WHERE status IN (${[...TERMINAL_STATUSES].map((status) => `'${status}'`).join(', ')}) AND updated_at >= ? AND updated_at < ?`,
      ),
      placed: db.prepare<[], Row>("SELECT * FROM orders WHERE status = 'placed' ORDER BY created_at"),
      idemGet: db.prepare<[string], { request_hash: string; order_id: string }>(
        'SELECT request_hash, order_id FROM idempotency_keys WHERE key = ?',
      ),
      idemInsert: db.prepare<[string, string, string, number]>(
        'INSERT INTO idempotency_keys (key, request_hash, order_id, created_at) VALUES (?, ?, ?, ?)',
      ),
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

  insert(row: OrderIndexRow & OrderSummary, idempotency: { key: string; requestHash: string } | null): void {
    this.db.transaction(() => {
      this.s.insert.run(
        row.id,
        row.outletId,
        row.trackingToken,
        row.status,
        row.createdAt,
        row.createdAt,
        row.type,
        row.source,
        row.customerName,
        row.customerPhone,
        phoneDigits(row.customerPhone),
        row.total,
        row.currency,
      );
      if (idempotency) this.s.idemInsert.run(idempotency.key, idempotency.requestHash, row.id, Date.now());
    })();
  }

  /** `assignedAt`: when the current driver was assigned (their `assigned` event), null without one. */
  update(id: OrderId, driverId: UserId | null, status: OrderStatus, assignedAt: number | null): void {
    this.s.update.run(driverId, status, Date.now(), assignedAt, id);
  }

  /** Orders that reached a terminal status in [from, to). */
  finishedBetween(from: number, to: number): OrderIndexRow[] {
    return this.s.finished.all(from, to).map(toIndex);
  }

  /** Orders no outlet has accepted or rejected yet, oldest first. */
  awaitingOutlet(): OrderIndexRow[] {
    return this.s.placed.all().map(toIndex);
  }

  idempotent(key: string): { requestHash: string; orderId: OrderId } | null {
    const row = this.s.idemGet.get(key);
    return row ? { requestHash: row.request_hash, orderId: OrderIdSchema.parse(row.order_id) } : null;
  }
}
