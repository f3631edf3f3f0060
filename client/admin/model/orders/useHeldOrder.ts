import { useEffect } from 'react';
import { OrderIdSchema } from '../../../../shared/ids';
import { useAdminDevice, useHeldOrders } from '../AdminContext';
import type { HeldOrder } from './orderBook';

export type HeldOrderLookup =
  { readonly status: 'invalid' } | { readonly status: 'loading' } | { readonly status: 'held'; readonly order: HeldOrder };

/**
 * One order by the id in the address, loaded on the device if it is not yet (an order from a link or
 * past today's list is fetched and kept like the others).
 */
export function useHeldOrder(id: string | null): HeldOrderLookup {
  const admin = useAdminDevice();
  const orders = useHeldOrders();
  const parsed = OrderIdSchema.safeParse(id);
  const orderId = parsed.success ? parsed.data : null;
  useEffect(() => {
    if (orderId) void admin.device.holdOrder(orderId);
  }, [admin, orderId]);
  if (!orderId) return { status: 'invalid' };
  const order = orders.find((o) => o.id === orderId);
  return order ? { status: 'held', order } : { status: 'loading' };
}
