import type { OrderRow } from '../../common/store/db';

export { orderNumber } from '../../../shared/order/orderNumber';

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
