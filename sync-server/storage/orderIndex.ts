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
import { z } from 'zod';
import { ORDER_STATUSES, TERMINAL_STATUSES, type OrderStatus, type OrderType } from '../../shared/order/status';
import { sql, type Kysely } from 'kysely';
import { foldedName } from './searchText';
import type { Database } from './sql/schema';

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
  /** Every tax charged, inside the prices or added to them. */
  readonly tax: number;
  readonly currency: string;
  /** Delivery orders: the customer's delivery code, for the tracking link; null for other orders. */
  readonly deliveryCode?: string | null;
}

/** Digits of a phone number, the form it is searched by. */
export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

const OrderStatusSchema = z.enum(ORDER_STATUSES);

const INDEX_COLUMNS = ['id', 'outlet_id', 'driver_id', 'tracking_token', 'status', 'created_at'] as const;

interface Row {
  id: string;
  outlet_id: string;
  driver_id: string | null;
  tracking_token: string;
  status: string;
  created_at: number;
}

const toIndex = (r: Row): OrderIndexRow => ({
  id: OrderIdSchema.parse(r.id),
  outletId: OutletIdSchema.parse(r.outlet_id),
  driverId: r.driver_id === null ? null : UserIdSchema.parse(r.driver_id),
  trackingToken: TrackingTokenSchema.parse(r.tracking_token),
  status: OrderStatusSchema.parse(r.status),
  createdAt: r.created_at,
});

const TERMINAL: readonly OrderStatus[] = [...TERMINAL_STATUSES];

/**
 * The server's query index over order documents (who may hold which order, idempotency keys). Built on
 * a transaction, its writes join that transaction (an order's row commits with its document's first update).
 */
export class OrderIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<OrderIndexRow | null> {
    const row = await this.db.selectFrom('orders').select(INDEX_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toIndex(row) : null;
  }

  async byTrackingToken(token: string): Promise<OrderIndexRow | null> {
    const row = await this.db.selectFrom('orders').select(INDEX_COLUMNS).where('tracking_token', '=', token).executeTakeFirst();
    return row ? toIndex(row) : null;
  }

  async insert(row: OrderIndexRow & OrderSummary, idempotency: { key: string; requestHash: string } | null): Promise<void> {
    const write = async (db: Kysely<Database>): Promise<void> => {
      await db
        .insertInto('orders')
        .values({
          id: row.id,
          outlet_id: row.outletId,
          driver_id: null,
          tracking_token: row.trackingToken,
          status: row.status,
          created_at: row.createdAt,
          updated_at: row.createdAt,
          type: row.type,
          source: row.source,
          customer_name: row.customerName,
          customer_name_folded: foldedName(row.customerName),
          customer_phone: row.customerPhone,
          customer_phone_digits: phoneDigits(row.customerPhone),
          total: row.total,
          tax: row.tax,
          currency: row.currency,
          delivery_code: row.deliveryCode ?? null,
        })
        .execute();
      if (idempotency) {
        await db
          .insertInto('idempotency_keys')
          .values({ key: idempotency.key, request_hash: idempotency.requestHash, order_id: row.id, created_at: Date.now() })
          .execute();
      }
    };
    await (this.db.isTransaction ? write(this.db) : this.db.transaction().execute(write));
  }

  /** The customer's delivery code of an order, or null (not a delivery, or placed before codes). */
  async deliveryCode(id: OrderId): Promise<string | null> {
    const row = await this.db.selectFrom('orders').select('delivery_code').where('id', '=', id).executeTakeFirst();
    return row?.delivery_code ?? null;
  }

  /** `assignedAt`: when the current driver was assigned (their `assigned` event), null without one. */
  async update(id: OrderId, driverId: UserId | null, status: OrderStatus, assignedAt: number | null): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({ driver_id: driverId, status, updated_at: Date.now(), assigned_at: assignedAt })
      .where('id', '=', id)
      .execute();
  }

  /** Orders that reached a terminal status in [from, to). */
  async finishedBetween(from: number, to: number): Promise<OrderIndexRow[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select(INDEX_COLUMNS)
      .where('status', 'in', TERMINAL)
      .where('updated_at', '>=', from)
      .where('updated_at', '<', to)
      .execute();
    return rows.map(toIndex);
  }

  /** Orders no outlet has accepted or rejected yet, oldest first. */
  async awaitingOutlet(): Promise<OrderIndexRow[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select(INDEX_COLUMNS)
      .where('status', '=', 'placed')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toIndex);
  }

  /**
   * Card orders still waiting for their payment that were placed at or before `before`, oldest first. The
   * status is a literal so that SQLite uses the partial index orders_awaiting_payment (migration 0017).
   */
  async awaitingPaymentSince(before: number): Promise<OrderIndexRow[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select(INDEX_COLUMNS)
      .where(sql<boolean>`status = 'awaiting_payment'`)
      .where('created_at', '<=', before)
      .orderBy('created_at')
      .execute();
    return rows.map(toIndex);
  }

  async idempotent(key: string): Promise<{ requestHash: string; orderId: OrderId } | null> {
    const row = await this.db.selectFrom('idempotency_keys').select(['request_hash', 'order_id']).where('key', '=', key).executeTakeFirst();
    return row ? { requestHash: row.request_hash, orderId: OrderIdSchema.parse(row.order_id) } : null;
  }
}
