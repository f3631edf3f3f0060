import { OutletIdSchema, UserIdSchema, type OutletId, type UserId } from '../../shared/ids';
import { TERMINAL_STATUSES } from '../../shared/order/status';
import type { Db } from './db';

/** Which orders a stats query counts: placed in [from, to), at one outlet or all, of one driver or all. */
export interface StatsFilter {
  readonly from: number;
  readonly to: number;
  readonly outletId: OutletId | null;
  readonly driverId: UserId | null;
}

/** Counts and sums (ms) of a set of orders, straight from SQL; means are taken from them by the caller. */
export interface Aggregate {
  readonly orders: number;
  readonly completed: number;
  readonly rejected: number;
  readonly cancelled: number;
  readonly failed: number;
  readonly open: number;
  readonly late: number;
  readonly acceptN: number;
  readonly acceptSum: number;
  readonly prepN: number;
  readonly prepSum: number;
  readonly prepPromisedSum: number;
  readonly prepLate: number;
  readonly deliveryN: number;
  readonly deliverySum: number;
  readonly totalN: number;
  readonly totalSum: number;
}

/** Orders placed in one 15-minute block of UTC: fine enough for any zone's local hours (every offset is a multiple of 15 minutes). */
export interface Block {
  readonly outletId: OutletId;
  readonly start: number;
  readonly orders: number;
  readonly completed: number;
  readonly rejected: number;
  readonly cancelled: number;
  readonly late: number;
}

export const BLOCK_MS = 15 * 60_000;

const terminal = [...TERMINAL_STATUSES].map((s) => `'${s}'`).join(', ');
const WHERE = `created_at >= @from AND created_at < @to
  AND (@outletId IS NULL OR outlet_id = @outletId) AND (@driverId IS NULL OR driver_id = @driverId)`;
/** When the kitchen was done: marked ready, or else the food left (picked up or handed over). */
const DONE = 'COALESCE(ready_at, picked_up_at)';
const PREPPED = `accepted_at IS NOT NULL AND ${DONE} IS NOT NULL AND prep_minutes IS NOT NULL`;
const DELIVERED = "status = 'delivered' AND type = 'delivery' AND picked_up_at IS NOT NULL AND finished_at IS NOT NULL";
const COMPLETED = "status = 'delivered' AND finished_at IS NOT NULL";

const AGGREGATE = `
  COUNT(*) AS orders,
  COALESCE(SUM(status = 'delivered'), 0) AS completed,
  COALESCE(SUM(status = 'rejected'), 0) AS rejected,
  COALESCE(SUM(status = 'cancelled'), 0) AS cancelled,
  COALESCE(SUM(status = 'failed'), 0) AS failed,
  COALESCE(SUM(status NOT IN (${terminal})), 0) AS open,
  COALESCE(SUM(late = 1), 0) AS late,
  COUNT(accepted_at) AS acceptN,
  COALESCE(SUM(MAX(accepted_at - created_at, 0)), 0) AS acceptSum,
  COALESCE(SUM(${PREPPED}), 0) AS prepN,
  COALESCE(SUM(CASE WHEN ${PREPPED} THEN MAX(${DONE} - accepted_at, 0) END), 0) AS prepSum,
  COALESCE(SUM(CASE WHEN ${PREPPED} THEN prep_minutes * 60000 END), 0) AS prepPromisedSum,
  COALESCE(SUM(CASE WHEN ${PREPPED} THEN ${DONE} - accepted_at > prep_minutes * 60000 END), 0) AS prepLate,
  COALESCE(SUM(${DELIVERED}), 0) AS deliveryN,
  COALESCE(SUM(CASE WHEN ${DELIVERED} THEN MAX(finished_at - picked_up_at, 0) END), 0) AS deliverySum,
  COALESCE(SUM(${COMPLETED}), 0) AS totalN,
  COALESCE(SUM(CASE WHEN ${COMPLETED} THEN MAX(finished_at - created_at, 0) END), 0) AS totalSum`;

type Params = { from: number; to: number; outletId: string | null; driverId: string | null };
type OutletAggregateRow = Aggregate & { outlet_id: string };
type DriverAggregateRow = Aggregate & { driver_id: string };
type AmountRow = { key: string; currency: string | null; amount: number };

/** The numbers behind GET /api/admin/stats, each one aggregate query over the order index (its timing columns). */
export class OrderStats {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      totals: db.prepare<Params, Aggregate>(`SELECT ${AGGREGATE} FROM orders WHERE ${WHERE}`),
      byOutlet: db.prepare<Params, OutletAggregateRow>(`SELECT outlet_id, ${AGGREGATE} FROM orders WHERE ${WHERE} GROUP BY outlet_id`),
      byDriver: db.prepare<Params, DriverAggregateRow>(
        `SELECT driver_id, ${AGGREGATE} FROM orders WHERE ${WHERE} AND driver_id IS NOT NULL AND type = 'delivery' GROUP BY driver_id`,
      ),
      sales: db.prepare<Params, AmountRow>(
        `SELECT outlet_id AS key, currency, SUM(total) AS amount FROM orders WHERE ${WHERE} AND status = 'delivered' AND total IS NOT NULL
         GROUP BY outlet_id, currency`,
      ),
      cash: db.prepare<Params, AmountRow>(
        `SELECT driver_id AS key, currency, SUM(cash_due) AS amount FROM orders
         WHERE ${WHERE} AND driver_id IS NOT NULL AND status = 'delivered' AND cash_due > 0 GROUP BY driver_id, currency`,
      ),
      blocks: db.prepare<Params & { block: number }, Omit<Block, 'outletId'> & { outlet_id: string }>(
        `SELECT outlet_id, (created_at / @block) * @block AS start, COUNT(*) AS orders,
           COALESCE(SUM(status = 'delivered'), 0) AS completed, COALESCE(SUM(status = 'rejected'), 0) AS rejected,
           COALESCE(SUM(status = 'cancelled'), 0) AS cancelled, COALESCE(SUM(late = 1), 0) AS late
         FROM orders WHERE ${WHERE} GROUP BY outlet_id, start`,
      ),
      reasons: db.prepare<Params, { status: 'rejected' | 'cancelled' | 'failed'; reason: string; n: number }>(
        `SELECT status, end_reason AS reason, COUNT(*) AS n FROM orders
         WHERE ${WHERE} AND status IN ('rejected', 'cancelled', 'failed') AND end_reason IS NOT NULL
         GROUP BY status, end_reason ORDER BY n DESC, end_reason`,
      ),
    };
  }

  totals(f: StatsFilter): Aggregate {
    const row = this.s.totals.get(params(f));
    // An aggregate without GROUP BY always answers one row.
    if (!row) throw new Error('the stats query answered no row');
    return row;
  }

  byOutlet(f: StatsFilter): Map<OutletId, Aggregate> {
    return new Map(this.s.byOutlet.all(params(f)).map(({ outlet_id, ...a }) => [OutletIdSchema.parse(outlet_id), a]));
  }

  /** Delivery orders per driver who has (or finished) them. */
  byDriver(f: StatsFilter): Map<UserId, Aggregate> {
    return new Map(this.s.byDriver.all(params(f)).map(({ driver_id, ...a }) => [UserIdSchema.parse(driver_id), a]));
  }

  /** Totals of completed orders per outlet and currency. */
  sales(f: StatsFilter): AmountRow[] {
    return this.s.sales.all(params(f));
  }

  /** Cash collected at the door per driver and currency. */
  cash(f: StatsFilter): AmountRow[] {
    return this.s.cash.all(params(f));
  }

  blocks(f: StatsFilter): Block[] {
    return this.s.blocks
      .all({ ...params(f), block: BLOCK_MS })
      .map(({ outlet_id, ...b }) => ({ ...b, outletId: OutletIdSchema.parse(outlet_id) }));
  }

  /** How often each reason ended an order, most frequent first. */
  reasons(f: StatsFilter): { status: 'rejected' | 'cancelled' | 'failed'; reason: string; n: number }[] {
    return this.s.reasons.all(params(f));
  }
}

const params = (f: StatsFilter): Params => ({ from: f.from, to: f.to, outletId: f.outletId, driverId: f.driverId });
