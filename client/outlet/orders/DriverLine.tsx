import type { OrderRow } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import type { OrderDriver } from '../model/orders/orderDrivers';
import { driverLineText } from './driverLineText';

/**
 * Who collects a delivery and when, so the counter knows whom to hand the bag to: the driver
 * dispatch gave it to, by first name, with when they should arrive (estimated from where their
 * phone was when they got the order) or that they have arrived, or that none is found yet.
 */
export function DriverLine({ order, driver }: { readonly order: OrderRow; readonly driver: OrderDriver | null }) {
  const { time } = useOutletTime();
  const text = driverLineText(order, driver, time);
  if (text === null) return null;
  return (
    <p className={driver ? 'order__driver' : 'order__driver order__driver--none'} data-driver={driver?.firstName ?? ''}>
      {text}
    </p>
  );
}
