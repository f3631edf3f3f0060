import type { OrderStatus, OrderType } from '../../../shared/order/status';
import type { OrderDriver } from '../model/orders/orderDrivers';

/**
 * What a delivery card says about its driver, or null when it says nothing (pickup, dine-in, and a
 * delivery the outlet has not accepted). Once the driver's phone was seen at the outlet the counter
 * is told they are there, not when they should be: the bag can go to them now.
 */
export function driverLineText(
  order: { readonly orderType: OrderType; readonly status: OrderStatus },
  driver: OrderDriver | null,
  time: (at: number) => string,
): string | null {
  if (order.orderType !== 'delivery' || order.status === 'placed') return null;
  if (order.status === 'picked_up') return driver ? `Out with ${driver.firstName}` : 'Out with the driver';
  if (!driver) return 'No driver assigned yet';
  if (driver.arrivedAt !== undefined) return `${driver.firstName} has arrived at the counter`;
  const when = driver.expectedAt === undefined ? '' : ` · expected about ${time(driver.expectedAt)}`;
  return `Driver: ${driver.firstName} is coming to collect it${when}`;
}
