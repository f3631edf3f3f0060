import type { OrderRow } from '../../common/store/db';

/** The short number staff read out and search by: the start of the order id, as the server's search matches it. */
export const orderNumber = (orderId: string): string => `#${orderId.slice(0, 6)}`;

/** "Pickup", "Delivery", "Dine-in · Table 4". */
export function orderTypeText(order: Pick<OrderRow, 'orderType' | 'table'>): string {
  switch (order.orderType) {
    case 'pickup':
      return 'Pickup';
    case 'delivery':
      return 'Delivery';
    case 'dine-in':
      return order.table ? `Dine-in · Table ${order.table}` : 'Dine-in';
  }
}
