import { sql, type Kysely } from 'kysely';
import { OrderIdSchema, UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import { AWAITING_DRIVER } from '../../shared/dispatch/offer';
import { TERMINAL_STATUSES } from '../../shared/order/status';
import type { Database } from './sql/schema';

const TERMINAL = [...TERMINAL_STATUSES];
const literals = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/**
 * The predicates of the partial indexes over orders in flight (migration 0015), term for term and in
 * literals: SQLite uses a partial index only for a query that repeats its terms, and never when a term is a
 * bound parameter. tests/integration/storage/driverOrders.test.ts checks that both dialects use them.
 */
const ASSIGNED_UNFINISHED = sql<boolean>`driver_id IS NOT NULL AND status NOT IN (${literals(TERMINAL)})`;
const WAITING_FOR_DRIVER = sql<boolean>`driver_id IS NULL AND type = 'delivery' AND status IN (${literals(AWAITING_DRIVER)})`;

/** A driver's completed deliveries over a period. */
export interface DriverDay {
  readonly deliveries: number;
  readonly cash: readonly { readonly currency: string; readonly amount: number }[];
}

const orderIds = (rows: readonly { id: string }[]): OrderId[] => rows.map((r) => OrderIdSchema.parse(r.id));

/**
 * Questions about drivers' orders, answered from the order index (kept by orderProjections). Orders
 * whose assigned_at is NULL sort as SQLite always sorted them, before every time (NULLS FIRST ascending,
 * NULLS LAST descending), which PostgreSQL's default would turn around.
 */
export class DriverOrders {
  constructor(private readonly db: Kysely<Database>) {}

  /** Orders assigned and not finished, per driver. */
  async activeCounts(): Promise<Map<UserId, number>> {
    const rows = await this.db
      .selectFrom('orders')
      .select((eb) => ['driver_id', eb.fn.countAll<number>().as('n')])
      .where(ASSIGNED_UNFINISHED)
      .groupBy('driver_id')
      .execute();
    return new Map(rows.map((r) => [UserIdSchema.parse(r.driver_id), r.n]));
  }

  /** The driver's unfinished orders, the one they are carrying first, then in the order they were assigned. */
  async active(driverId: UserId): Promise<OrderId[]> {
    const rows = await this.db
      .selectFrom('orders')
      .select('id')
      .where('driver_id', '=', driverId)
      .where(ASSIGNED_UNFINISHED)
      .orderBy((eb) => eb.case().when('status', '=', 'picked_up').then(0).else(1).end())
      .orderBy('assigned_at', (ob) => ob.asc().nullsFirst())
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return orderIds(rows);
  }

  /**
   * The driver's unfinished orders, in one read: those on board (whose tracking links follow them) and
   * those still to collect (where they may be arriving at an outlet).
   */
  async byStage(driverId: UserId): Promise<{ readonly onBoard: OrderId[]; readonly toCollect: OrderId[] }> {
    const rows = await this.db
      .selectFrom('orders')
      .select(['id', 'status'])
      .where('driver_id', '=', driverId)
      .where(ASSIGNED_UNFINISHED)
      .execute();
    return {
      onBoard: orderIds(rows.filter((r) => r.status === 'picked_up')),
      toCollect: orderIds(rows.filter((r) => r.status !== 'picked_up')),
    };
  }

  /** The order most recently assigned to the driver (finished or not), or null. */
  async latest(driverId: UserId): Promise<OrderId | null> {
    const rows = await this.db
      .selectFrom('orders')
      .select('id')
      .where('driver_id', '=', driverId)
      .orderBy('assigned_at', (ob) => ob.desc().nullsLast())
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(1)
      .execute();
    return orderIds(rows)[0] ?? null;
  }

  /** Per driver: deliveries completed since `since` (their device clock), and the cash collected on them per currency. */
  async deliveredSince(since: number): Promise<Map<UserId, DriverDay>> {
    const rows = await this.db
      .selectFrom('orders')
      .select((eb) => [
        'driver_id',
        'currency',
        eb.fn.countAll<number>().as('n'),
        eb.fn.coalesce(eb.fn.sum<number | null>('cash_due'), eb.lit(0)).as('cash'),
      ])
      .where('finished_at', '>=', since)
      .where('status', '=', 'delivered')
      .where('driver_id', 'is not', null)
      .groupBy(['driver_id', 'currency'])
      .orderBy('driver_id')
      .orderBy('currency')
      .execute();
    const days = new Map<UserId, DriverDay>();
    for (const r of rows) {
      const id = UserIdSchema.parse(r.driver_id);
      const day = days.get(id) ?? { deliveries: 0, cash: [] };
      const cash = r.currency !== null && r.cash > 0 ? [...day.cash, { currency: r.currency, amount: r.cash }] : day.cash;
      days.set(id, { deliveries: day.deliveries + r.n, cash });
    }
    return days;
  }

  /** Deliveries the outlet accepted that have no driver, oldest first: dispatch's work list. */
  async awaitingDriver(): Promise<OrderId[]> {
    const rows = await this.db.selectFrom('orders').select('id').where(WAITING_FOR_DRIVER).orderBy('created_at').orderBy('id').execute();
    return orderIds(rows);
  }
}
