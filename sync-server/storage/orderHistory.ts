import { OrderIdSchema, OutletIdSchema, type OrderId, type OutletId } from '../../shared/ids';
import type { OrderSource } from '../../shared/order/header';
import type { OrderStatus, OrderType } from '../../shared/order/status';
import type { Db } from './db';
import { phoneDigits } from './orderIndex';

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

interface Row {
  id: string;
  outlet_id: string;
  type: OrderType | null;
  status: OrderStatus;
  customer_name: string | null;
  customer_phone: string | null;
  total: number | null;
  currency: string | null;
  created_at: number;
  source: OrderSource | null;
}

type Params = {
  outletId: string | null;
  from: number | null;
  to: number | null;
  statuses: string | null;
  name: string | null;
  digits: string | null;
  idPrefix: string | null;
  limit: number;
};

/** Order history and search over the SQL index, newest first. */
export class OrderHistory {
  private readonly stmt;

  constructor(db: Db) {
    // SQLite's lower() folds ASCII only; names are matched with the same folding JavaScript gives the query.
    db.function('fold_case', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null));
    // Every filter is "absent or matches", so one prepared statement serves them all.
    this.stmt = db.prepare<Params, Row>(`
      SELECT id, outlet_id, type, status, customer_name, customer_phone, total, currency, created_at, source
      FROM orders
      WHERE (@outletId IS NULL OR outlet_id = @outletId)
        AND (@from IS NULL OR created_at >= @from)
        AND (@to IS NULL OR created_at < @to)
        AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
        AND (@name IS NULL
          OR instr(fold_case(customer_name), @name) > 0
          OR (@digits IS NOT NULL AND instr(customer_phone_digits, @digits) > 0)
          OR substr(id, 1, length(@idPrefix)) = @idPrefix)
      ORDER BY created_at DESC, id DESC
      LIMIT @limit`);
  }

  search(filter: HistoryFilter): HistoryRow[] {
    const q = filter.q?.trim() || null;
    // Only a query written like a phone number searches phones: the digits inside a name or an id would match at random.
    const digits = q && /^[+\d\s().-]+$/.test(q) ? phoneDigits(q) : '';
    const rows = this.stmt.all({
      outletId: filter.outletId,
      from: filter.from,
      to: filter.to,
      statuses: filter.statuses ? JSON.stringify(filter.statuses) : null,
      name: q ? q.toLowerCase() : null,
      // Without digits it would match every phone.
      digits: digits.length > 0 ? digits : null,
      // Ids are case-sensitive, so the prefix is compared exactly.
      idPrefix: q,
      limit: filter.limit,
    });
    return rows.map((r) => ({
      id: OrderIdSchema.parse(r.id),
      outletId: OutletIdSchema.parse(r.outlet_id),
      type: r.type,
      status: r.status,
      customerName: r.customer_name,
      customerPhone: r.customer_phone,
      total: r.total,
      currency: r.currency,
      createdAt: r.created_at,
      source: r.source,
    }));
  }
}
