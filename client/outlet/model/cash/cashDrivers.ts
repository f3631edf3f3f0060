import type { UserId } from '../../../../shared/ids';
import { orderNumber } from '../../../../shared/order/orderNumber';
import type { OrderView } from '../../../../shared/order/orderDoc';

/** A driver the counter may receive cash from, known by the orders they carried from here. */
export interface CashDriver {
  readonly driverId: UserId;
  /** "Ravi (#a1b2c3, #d4e5f6)": their first name when the inbox gave it, else "Driver of #a1b2c3, #d4e5f6". */
  readonly label: string;
  /** The currency of their orders here: the outlet's. */
  readonly currency: string;
}

/**
 * The drivers of the outlet's orders on this tablet (out for delivery or done today), newest order
 * first: read from the order documents and the inbox the tablet holds, so the list works offline.
 */
export function cashDrivers(orders: readonly OrderView[], names: ReadonlyMap<UserId, string> = new Map()): CashDriver[] {
  const byDriver = new Map<UserId, { numbers: string[]; latest: number; currency: string }>();
  for (const { header, state } of [...orders].sort((a, b) => b.header.createdAt - a.header.createdAt)) {
    if (!state.driverId) continue;
    const found = byDriver.get(state.driverId) ?? { numbers: [], latest: header.createdAt, currency: header.currency };
    found.numbers.push(orderNumber(header.id));
    byDriver.set(state.driverId, found);
  }
  return [...byDriver]
    .sort((a, b) => b[1].latest - a[1].latest)
    .map(([driverId, { numbers, currency }]) => {
      const orderList = numbers.slice(0, 3).join(', ');
      const name = names.get(driverId);
      return { driverId, currency, label: name ? `${name} (${orderList})` : `Driver of ${orderList}` };
    });
}
