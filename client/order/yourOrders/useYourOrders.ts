import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../shared/order/status';
import { fetchOrderStatus } from './orderStatusApi';
import { toRefresh, trackingTokenOfPath, type PlacedOrder } from './placedOrderRules';
import { PlacedOrders } from './placedOrders';

export interface YourOrders {
  readonly orders: readonly PlacedOrder[];
  /** True while the statuses of unfinished orders are being asked for. */
  readonly refreshing: boolean;
}

/** The orders placed from this device, newest first, with the statuses of unfinished ones asked for once per visit. */
export function useYourOrders(given?: PlacedOrders): YourOrders {
  const [store] = useState(() => given ?? new PlacedOrders());
  const [orders, setOrders] = useState(() => store.list());
  const [refreshing, setRefreshing] = useState(() => toRefresh(orders).length > 0);

  useEffect(() => {
    let live = true;
    const asked = toRefresh(store.list()).flatMap((o) => {
      const token = trackingTokenOfPath(o.trackingPath);
      return token ? [{ orderId: o.orderId, token }] : [];
    });
    if (asked.length === 0) return;
    void Promise.all(asked.map(async ({ orderId, token }) => [orderId, await fetchOrderStatus(token)] as const)).then((answers) => {
      const heard = new Map<string, OrderStatus>();
      for (const [orderId, status] of answers) if (status) heard.set(orderId, status);
      const updated = store.noteStatuses(heard);
      if (!live) return;
      setOrders(updated);
      setRefreshing(false);
    });
    return () => {
      live = false;
    };
  }, [store]);

  return { orders, refreshing };
}
