import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import { OutletIdSchema, UserIdSchema, type OutletId, type UserId } from '../../shared/ids';
import { TERMINAL_STATUSES } from '../../shared/order/status';
import type { Database } from './sql/schema';

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

export interface AmountRow {
  readonly key: string;
  readonly currency: string | null;
  readonly amount: number;
}

const ENDINGS = ['rejected', 'cancelled', 'failed'] as const;
const ReasonRowSchema = z.object({ status: z.enum(ENDINGS), reason: z.string(), n: z.number() });
export type ReasonRow = z.infer<typeof ReasonRowSchema>;

/*
 * Portable SQL only: a comparison is summed through CASE (PostgreSQL has no SUM over booleans), and a
 * duration is floored at 0 by CASE rather than SQLite's two-argument MAX. Every sum is of whole numbers,
 * so both dialects give the same integers and the means taken from them agree to the millisecond.
 */
type Condition = RawBuilder<SqlBool>;

/** How many rows `cond` holds for; 0 over none. */
const countWhere = (cond: Condition): RawBuilder<number> => sql<number>`COALESCE(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;
/** The sum of `value` over the rows `cond` holds for; 0 over none. */
const sumWhere = (cond: Condition, value: RawBuilder<number>): RawBuilder<number> =>
  sql<number>`COALESCE(SUM(CASE WHEN ${cond} THEN ${value} END), 0)`;
/** A duration, 0 when negative (a step stamped before the one it follows); NULL stays NULL and is not summed. */
const notNegative = (ms: RawBuilder<number>): RawBuilder<number> => sql<number>`(CASE WHEN ${ms} < 0 THEN 0 ELSE ${ms} END)`;

const statusIs = (status: string): Condition => sql<SqlBool>`(status = ${status})`;
/** When the kitchen was done: marked ready, or else the food left (picked up or handed over). */
const DONE = sql<number>`COALESCE(ready_at, picked_up_at)`;
const PROMISED_PREP_MS = sql<number>`(prep_minutes * 60000)`;
const PREPPED = sql<SqlBool>`(accepted_at IS NOT NULL AND ${DONE} IS NOT NULL AND prep_minutes IS NOT NULL)`;
const DELIVERED = sql<SqlBool>`(status = 'delivered' AND type = 'delivery' AND picked_up_at IS NOT NULL AND finished_at IS NOT NULL)`;
const COMPLETED = sql<SqlBool>`(status = 'delivered' AND finished_at IS NOT NULL)`;
const OPEN = sql<SqlBool>`(status NOT IN (${sql.join([...TERMINAL_STATUSES])}))`;
const LATE = sql<SqlBool>`(late = 1)`;

const AGGREGATE = [
  sql<number>`COUNT(*)`.as('orders'),
  countWhere(statusIs('delivered')).as('completed'),
  countWhere(statusIs('rejected')).as('rejected'),
  countWhere(statusIs('cancelled')).as('cancelled'),
  countWhere(statusIs('failed')).as('failed'),
  countWhere(OPEN).as('open'),
  countWhere(LATE).as('late'),
  sql<number>`COUNT(accepted_at)`.as('acceptN'),
  sql<number>`COALESCE(SUM(${notNegative(sql`accepted_at - created_at`)}), 0)`.as('acceptSum'),
  countWhere(PREPPED).as('prepN'),
  sumWhere(PREPPED, notNegative(sql`${DONE} - accepted_at`)).as('prepSum'),
  sumWhere(PREPPED, PROMISED_PREP_MS).as('prepPromisedSum'),
  countWhere(sql<SqlBool>`${PREPPED} AND ${DONE} - accepted_at > ${PROMISED_PREP_MS}`).as('prepLate'),
  countWhere(DELIVERED).as('deliveryN'),
  sumWhere(DELIVERED, notNegative(sql`finished_at - picked_up_at`)).as('deliverySum'),
  countWhere(COMPLETED).as('totalN'),
  sumWhere(COMPLETED, notNegative(sql`finished_at - created_at`)).as('totalSum'),
] as const;

/** The block an order was placed in, by integer division on both dialects; literals, so GROUP BY matches the select on PostgreSQL. */
const BLOCK_START = sql<number>`((created_at / ${sql.lit(BLOCK_MS)}) * ${sql.lit(BLOCK_MS)})`;

/** The numbers behind GET /api/admin/stats, each one aggregate query over the order index (its timing columns). */
export class OrderStats {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Runs `read` on one snapshot, so the numbers of one answer agree with each other while orders keep
   * coming: PostgreSQL would otherwise give each query its own (SQLite's read transaction holds one anyway).
   * `read` must await nothing but the queries of the OrderStats it is given.
   */
  async snapshot<T>(read: (stats: OrderStats) => Promise<T>): Promise<T> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => read(new OrderStats(trx)));
  }

  async totals(f: StatsFilter): Promise<Aggregate> {
    // An aggregate without GROUP BY always answers one row.
    return this.placed(f).select(AGGREGATE).executeTakeFirstOrThrow();
  }

  async byOutlet(f: StatsFilter): Promise<Map<OutletId, Aggregate>> {
    const rows = await this.placed(f).select('outlet_id').select(AGGREGATE).groupBy('outlet_id').orderBy('outlet_id').execute();
    return new Map(rows.map(({ outlet_id, ...a }) => [OutletIdSchema.parse(outlet_id), a]));
  }

  /** Delivery orders per driver who has (or finished) them. */
  async byDriver(f: StatsFilter): Promise<Map<UserId, Aggregate>> {
    const rows = await this.placed(f)
      .where('driver_id', 'is not', null)
      .where('type', '=', 'delivery')
      .select('driver_id')
      .select(AGGREGATE)
      .groupBy('driver_id')
      .orderBy('driver_id')
      .execute();
    return new Map(rows.map(({ driver_id, ...a }) => [UserIdSchema.parse(driver_id), a]));
  }

  /** Totals of completed orders per outlet and currency (a NULL currency first, as SQLite sorts it and PostgreSQL does not). */
  async sales(f: StatsFilter): Promise<AmountRow[]> {
    return this.placed(f)
      .where('status', '=', 'delivered')
      .where('total', 'is not', null)
      .select(['outlet_id as key', 'currency', sql<number>`SUM(total)`.as('amount')])
      .groupBy(['outlet_id', 'currency'])
      .orderBy('outlet_id')
      .orderBy('currency', (o) => o.asc().nullsFirst())
      .execute();
  }

  /** Cash collected at the door per driver and currency. */
  async cash(f: StatsFilter): Promise<AmountRow[]> {
    const rows = await this.placed(f)
      .where('driver_id', 'is not', null)
      .where('status', '=', 'delivered')
      .where('cash_due', '>', 0)
      .select(['driver_id', 'currency', sql<number>`SUM(cash_due)`.as('amount')])
      .groupBy(['driver_id', 'currency'])
      .orderBy('driver_id')
      .orderBy('currency', (o) => o.asc().nullsFirst())
      .execute();
    return rows.map(({ driver_id, currency, amount }) => ({ key: UserIdSchema.parse(driver_id), currency, amount }));
  }

  async blocks(f: StatsFilter): Promise<Block[]> {
    const rows = await this.placed(f)
      .select([
        'outlet_id',
        BLOCK_START.as('start'),
        sql<number>`COUNT(*)`.as('orders'),
        countWhere(statusIs('delivered')).as('completed'),
        countWhere(statusIs('rejected')).as('rejected'),
        countWhere(statusIs('cancelled')).as('cancelled'),
        countWhere(LATE).as('late'),
      ])
      .groupBy(['outlet_id', BLOCK_START])
      .orderBy('outlet_id')
      .orderBy(BLOCK_START)
      .execute();
    return rows.map(({ outlet_id, ...b }) => ({ ...b, outletId: OutletIdSchema.parse(outlet_id) }));
  }

  /** How often each reason ended an order, most frequent first, then by reason in byte order. */
  async reasons(f: StatsFilter): Promise<ReasonRow[]> {
    const rows = await this.placed(f)
      .where('status', 'in', ENDINGS)
      .where('end_reason', 'is not', null)
      .select(['status', 'end_reason as reason', sql<number>`COUNT(*)`.as('n')])
      .groupBy(['status', 'end_reason'])
      .orderBy(sql`COUNT(*)`, 'desc')
      .orderBy('end_reason')
      .orderBy('status')
      .execute();
    return rows.map((r) => ReasonRowSchema.parse(r));
  }

  /** The orders a filter counts. */
  private placed(f: StatsFilter) {
    let orders = this.db.selectFrom('orders').where('created_at', '>=', f.from).where('created_at', '<', f.to);
    if (f.outletId !== null) orders = orders.where('outlet_id', '=', f.outletId);
    if (f.driverId !== null) orders = orders.where('driver_id', '=', f.driverId);
    return orders;
  }
}
