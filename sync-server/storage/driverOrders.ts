import { OrderIdSchema, UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import { AWAITING_DRIVER } from '../../shared/dispatch/offer';
import { TERMINAL_STATUSES } from '../../shared/order/status';
import type { Db } from './db';

const terminal = [...TERMINAL_STATUSES].map((s) => `'${s}'`).join(', ');
const awaiting = AWAITING_DRIVER.map((s) => `'${s}'`).join(', ');

/** A driver's completed deliveries over a period. */
export interface DriverDay {
  readonly deliveries: number;
  readonly cash: readonly { readonly currency: string; readonly amount: number }[];
}

/** Questions about drivers' orders, answered from the order index (kept by orderProjections). */
export class DriverOrders {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      activeCounts: db.prepare<[], { driver_id: string; n: number }>(
        `SELECT driver_id, COUNT(*) AS n FROM orders WHERE driver_id IS NOT NULL AND status NOT IN (${terminal}) GROUP BY driver_id`,
      ),
      active: db.prepare<[string], { id: string }>(
        // Picked up first (the driver is carrying it), then in the order they were assigned.
        `SELECT id FROM orders WHERE driver_id = ? AND status NOT IN (${terminal})
         ORDER BY status = 'picked_up' DESC, assigned_at, created_at, id`,
      ),
      pickedUp: db.prepare<[string], { id: string }>("SELECT id FROM orders WHERE driver_id = ? AND status = 'picked_up'"),
      latest: db.prepare<[string], { id: string }>(
        'SELECT id FROM orders WHERE driver_id = ? ORDER BY assigned_at DESC, created_at DESC, id LIMIT 1',
      ),
      deliveredSince: db.prepare<[number], { driver_id: string; currency: string | null; n: number; cash: number }>(
        `SELECT driver_id, currency, COUNT(*) AS n, COALESCE(SUM(cash_due), 0) AS cash FROM orders
         WHERE finished_at >= ? AND status = 'delivered' AND driver_id IS NOT NULL GROUP BY driver_id, currency`,
      ),
      awaiting: db.prepare<[], { id: string }>(
        `SELECT id FROM orders WHERE driver_id IS NULL AND type = 'delivery' AND status IN (${awaiting}) ORDER BY created_at, id`,
      ),
    };
  }

  /** Orders assigned and not finished, per driver. */
  activeCounts(): Map<UserId, number> {
    return new Map(this.s.activeCounts.all().map((r) => [UserIdSchema.parse(r.driver_id), r.n]));
  }

  /** The driver's unfinished orders, the one they are carrying first. */
  active(driverId: UserId): OrderId[] {
    return this.s.active.all(driverId).map((r) => OrderIdSchema.parse(r.id));
  }

  pickedUp(driverId: UserId): OrderId[] {
    return this.s.pickedUp.all(driverId).map((r) => OrderIdSchema.parse(r.id));
  }

  /** The order most recently assigned to the driver (finished or not), or null. */
  latest(driverId: UserId): OrderId | null {
    const row = this.s.latest.get(driverId);
    return row ? OrderIdSchema.parse(row.id) : null;
  }

  /** Per driver: deliveries completed since `since` (their device clock), and the cash collected on them per currency. */
  deliveredSince(since: number): Map<UserId, DriverDay> {
    const days = new Map<UserId, DriverDay>();
    for (const r of this.s.deliveredSince.all(since)) {
      const id = UserIdSchema.parse(r.driver_id);
      const day = days.get(id) ?? { deliveries: 0, cash: [] };
      const cash = r.currency !== null && r.cash > 0 ? [...day.cash, { currency: r.currency, amount: r.cash }] : day.cash;
      days.set(id, { deliveries: day.deliveries + r.n, cash });
    }
    return days;
  }

  /** Deliveries the outlet accepted that have no driver, oldest first: dispatch's work list. */
  awaitingDriver(): OrderId[] {
    return this.s.awaiting.all().map((r) => OrderIdSchema.parse(r.id));
  }
}
