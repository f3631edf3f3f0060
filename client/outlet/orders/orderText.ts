import type { OrderRow } from '../../common/store/db';

/** The short number staff read out and search by: the start of the order id, as the server's search matches it. */
export const orderNumber = (orderId: string): string => `#${orderId.slice(0, 6)}`;

/** "Pickup", "Delivery", "Dine-in · Table 4". */
export function orderTypeText(order: Pick<OrderRow, 'orderType' | 'table'>): string {
  switch (order.orderType) {
    case 'pickup': return 'Pickup';
    case 'delivery': return 'Delivery';
    case 'dine-in': return order.table ? `Dine-in · Table ${order.table}` : 'Dine-in';
  }
}

/**
 * What can change in a row once it exists: the header (customer, items, totals) is written once,
 * so comparing these tells whether a card must re-render without comparing every field.
 */
export function rowVersion(order: OrderRow): string {
  const conflicts = order.conflicts.map((c) => `${c.type}@${c.at}`).join(',');
  return `${order.status}|${order.statusAt}|${order.readyBy ?? ''}|${order.delayMinutes}|${order.syncState}|${conflicts}`;
}
