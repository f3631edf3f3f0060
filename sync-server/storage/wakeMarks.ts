import type { Kysely } from 'kysely';
import { z } from 'zod';
import { UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import { ORDER_STATUSES, type OrderStatus } from '../../shared/order/status';
import type { Database } from './sql/schema';

/** What of an order wake-ups are decided on: its status and its driver. */
export interface WakeMark {
  readonly status: OrderStatus;
  readonly driverId: UserId | null;
}

const statusSchema = z.enum(ORDER_STATUSES);

/** Per order, the state wake-ups were last decided for (`order_wake_marks`). */
export class WakeMarks {
  constructor(private readonly db: Kysely<Database>) {}

  async get(orderId: OrderId): Promise<WakeMark | null> {
    const row = await this.db
      .selectFrom('order_wake_marks')
      .select(['status', 'driver_id'])
      .where('order_id', '=', orderId)
      .executeTakeFirst();
    return row
      ? { status: statusSchema.parse(row.status), driverId: row.driver_id === null ? null : UserIdSchema.parse(row.driver_id) }
      : null;
  }

  /**
   * Moves the mark from `from` (null: none yet) to `to`; false when it no longer held `from` (another
   * commit, or another node, got there first), so exactly one caller announces each transition. One
   * statement each way, so the compare and the set are one step on either dialect.
   */
  async advance(orderId: OrderId, from: WakeMark | null, to: WakeMark): Promise<boolean> {
    if (from === null) {
      const inserted = await this.db
        .insertInto('order_wake_marks')
        .values({ order_id: orderId, status: to.status, driver_id: to.driverId })
        .onConflict((conflict) => conflict.column('order_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    const updated = await this.db
      .updateTable('order_wake_marks')
      .set({ status: to.status, driver_id: to.driverId })
      .where('order_id', '=', orderId)
      .where('status', '=', from.status)
      .where('driver_id', from.driverId === null ? 'is' : '=', from.driverId)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }
}
