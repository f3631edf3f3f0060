import { z } from 'zod';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/order/status';
import { browserStorage, readJson, writeJson, type KeyValueStorage } from '../../common/store/keyValueStorage';
import { keepRecent, type PlacedOrder } from './placedOrderRules';

export const PLACED_ORDERS_KEY = 'dabba.placedOrders';

const storedSchema = z.object({
  v: z.literal(1),
  orders: z.array(
    z.object({
      orderId: z.string(),
      number: z.string(),
      outletName: z.string(),
      placedAt: z.number(),
      trackingPath: z.string(),
      total: z.number(),
      currency: z.string(),
      status: z.enum(ORDER_STATUSES).nullable(),
    }),
  ),
});

/**
 * The orders placed from this device, kept in its storage (no account: the device is who the customer
 * is). Bounded by keepRecent on every read and write; unreadable storage reads as no orders.
 */
export class PlacedOrders {
  constructor(private readonly storage: KeyValueStorage = browserStorage()) {}

  list(now = Date.now()): PlacedOrder[] {
    const parsed = storedSchema.safeParse(readJson(this.storage, PLACED_ORDERS_KEY));
    return parsed.success ? keepRecent(parsed.data.orders, now) : [];
  }

  remember(order: Omit<PlacedOrder, 'status'>, now = Date.now()): void {
    this.save([{ ...order, status: null }, ...this.list(now)], now);
  }

  /** Records statuses heard from tracking links; unknown orders are ignored. */
  noteStatuses(statuses: ReadonlyMap<string, OrderStatus>, now = Date.now()): PlacedOrder[] {
    const orders = this.list(now).map((o) => {
      const status = statuses.get(o.orderId);
      return status ? { ...o, status } : o;
    });
    this.save(orders, now);
    return this.list(now);
  }

  private save(orders: readonly PlacedOrder[], now: number): void {
    writeJson(this.storage, PLACED_ORDERS_KEY, { v: 1, orders: keepRecent(orders, now) });
  }
}
