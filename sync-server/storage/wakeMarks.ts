import { z } from 'zod';
import { UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import { ORDER_STATUSES, type OrderStatus } from '../../shared/order/status';
import type { Db } from './db';

/** What of an order wake-ups are decided on: its status and its driver. */
export interface WakeMark {
  readonly status: OrderStatus;
  readonly driverId: UserId | null;
}

const statusSchema = z.enum(ORDER_STATUSES);

/** Per order, the state wake-ups were last decided for (`order_wake_marks`). */
export class WakeMarks {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[string], { status: string; driver_id: string | null }>(
        'SELECT status, driver_id FROM order_wake_marks WHERE order_id = ?',
      ),
      insert: db.prepare<[string, string, string | null]>(
        'INSERT OR IGNORE INTO order_wake_marks (order_id, status, driver_id) VALUES (?, ?, ?)',
      ),
      update: db.prepare<[string, string | null, string, string, string | null]>(
        'UPDATE order_wake_marks SET status = ?, driver_id = ? WHERE order_id = ? AND status = ? AND driver_id IS ?',
      ),
    };
  }

  get(orderId: OrderId): WakeMark | null {
    const row = this.s.get.get(orderId);
    return row
      ? { status: statusSchema.parse(row.status), driverId: row.driver_id === null ? null : UserIdSchema.parse(row.driver_id) }
      : null;
  }

  /**
   * Moves the mark from `from` (null: none yet) to `to`; false when it no longer held `from` (another
   * commit, or another node, got there first), so exactly one caller announces each transition.
   */
  advance(orderId: OrderId, from: WakeMark | null, to: WakeMark): boolean {
    if (from === null) return this.s.insert.run(orderId, to.status, to.driverId).changes > 0;
    return this.s.update.run(to.status, to.driverId, orderId, from.status, from.driverId).changes > 0;
  }
}
