import type { OrderRow } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import type { OrderDriver } from '../model/orders/orderDrivers';

/**
 * Who collects a delivery and when, so the counter knows whom to hand the bag to: the driver
 * dispatch gave it to, by first name, with when they should arrive (estimated from where their
 * phone was when they got the order), or that none is found yet. Pickup and dine-in have no driver.
 */
export function DriverLine({ order, driver }: { readonly order: OrderRow; readonly driver: OrderDriver | null }) {
  const { time } = useOutletTime();
  if (order.orderType !== 'delivery' || order.status === 'placed') return null;
  let text: string;
  if (order.status === 'picked_up') text = driver ? `Out with ${driver.firstName}` : 'Out with the driver';
  else if (!driver) text = 'No driver assigned yet';
  else {
    const when = driver.expectedAt === undefined ? '' : ` · expected about ${time(driver.expectedAt)}`;
    text = `Driver: ${driver.firstName} is coming to collect it${when}`;
  }
  return (
    <p className={driver ? 'order__driver' : 'order__driver order__driver--none'} data-driver={driver?.firstName ?? ''}>
      {text}
    </p>
  );
}
