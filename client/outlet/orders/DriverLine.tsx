import type { OrderRow } from '../../common/store/db';

/**
 * Who collects a delivery, so the counter knows whom to hand the bag to: the driver dispatch gave
 * it to, by first name, or that none is found yet. Pickup and dine-in orders have no driver.
 */
export function DriverLine({ order, driverName }: { readonly order: OrderRow; readonly driverName: string | null }) {
  if (order.orderType !== 'delivery' || order.status === 'placed') return null;
  let text: string;
  if (order.status === 'picked_up') text = driverName ? `Out with ${driverName}` : 'Out with the driver';
  else text = driverName ? `Driver: ${driverName} is coming to collect it` : 'No driver assigned yet';
  return (
    <p className={driverName ? 'order__driver' : 'order__driver order__driver--none'} data-driver={driverName ?? ''}>
      {text}
    </p>
  );
}
