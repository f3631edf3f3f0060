import { orderNumberQuery } from '../../shared/order/orderNumber';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { OrderIdSchema, OutletIdSchema, type OrderId, type OutletId } from '../../shared/ids';
import { ORDER_SOURCES, type OrderSource } from '../../shared/order/header';
import { ORDER_STATUSES, ORDER_TYPES, type OrderStatus, type OrderType } from '../../shared/order/status';
import { phoneDigits } from './orderIndex';
import { foldedName } from './searchText';
import type { Database } from './sql/schema';

export interface HistoryFilter {
  /** Only this outlet's orders; null for every outlet (admins). */
  readonly outletId: OutletId | null;
  /** Customer name (contains, case-insensitive), phone (contains, digits only, when `q` is written like a phone number) or order id prefix. */
  readonly q: string | null;
  /** created_at from (inclusive) and to (exclusive), epoch ms. */
  readonly from: number | null;
  readonly to: number | null;
  readonly statuses: readonly OrderStatus[] | null;
  readonly limit: number;
}

/** One order as history and search list it; fields are null for orders placed before they were indexed. */
export interface HistoryRow {
  readonly id: OrderId;
  readonly outletId: OutletId;
  readonly type: OrderType | null;
  readonly status: OrderStatus;
  readonly customerName: string | null;
  readonly customerPhone: string | null;
  readonly total: number | null;
  readonly currency: string | null;
  readonly createdAt: number;
  readonly source: OrderSource | null;
}

const TypeSchema = z.enum(ORDER_TYPES).nullable();
const StatusSchema = z.enum(ORDER_STATUSES);
const SourceSchema = z.enum(ORDER_SOURCES).nullable();

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally (ESCAPE '\'; both dialects take it). */
const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Order history and search over the SQL index, newest first. Matching is the same on both dialects: names
 * by their stored folding (searchText.ts) under LIKE, which compares bytes once both sides are folded (SQLite's
 * LIKE ignores ASCII case, but folded text has none left); ids by an exact prefix (substr, not LIKE, for
 * SQLite's LIKE would ignore case there).
 */
export class OrderHistory {
  constructor(private readonly db: Kysely<Database>) {}

  async search(filter: HistoryFilter): Promise<HistoryRow[]> {
    if (filter.statuses?.length === 0) return [];
    const q = filter.q?.trim() || null;
    let orders = this.db
      .selectFrom('orders')
      .select(['id', 'outlet_id', 'type', 'status', 'customer_name', 'customer_phone', 'total', 'currency', 'created_at', 'source']);
    if (filter.outletId !== null) orders = orders.where('outlet_id', '=', filter.outletId);
    if (filter.from !== null) orders = orders.where('created_at', '>=', filter.from);
    if (filter.to !== null) orders = orders.where('created_at', '<', filter.to);
    if (filter.statuses !== null) orders = orders.where('status', 'in', filter.statuses);
    if (q !== null) {
      // Only a query written like a phone number searches phones: the digits inside a name or an id would match at random.
      const digits = /^[+\d\s().-]+$/.test(q) ? phoneDigits(q) : '';
      const number = orderNumberQuery(q);
      orders = orders.where((eb) =>
        eb.or([
          sql<boolean>`customer_name_folded LIKE ${containing(foldedName(q))} ESCAPE '\\'`,
          // Without digits it would match every phone.
          ...(digits.length > 0 ? [eb('customer_phone_digits', 'like', containing(digits))] : []),
          // Ids are case-sensitive, so the prefix is compared exactly; lengths count characters on both.
          sql<boolean>`substr(id, 1, ${[...q].length}) = ${q}`,
          // An order number as staff type it: "#k7m3x" is the id prefix K7M3X.
          ...(number !== null && number !== q ? [sql<boolean>`substr(id, 1, ${number.length}) = ${number}`] : []),
        ]),
      );
    }
    const rows = await orders.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((r) => ({
      id: OrderIdSchema.parse(r.id),
      outletId: OutletIdSchema.parse(r.outlet_id),
      type: TypeSchema.parse(r.type),
      status: StatusSchema.parse(r.status),
      customerName: r.customer_name,
      customerPhone: r.customer_phone,
      total: r.total,
      currency: r.currency,
      createdAt: r.created_at,
      source: SourceSchema.parse(r.source),
    }));
  }
}
