import type { OrderLine } from '../../../../shared/order/header';

export interface OrderMenuItem {
  /** The menu item's id: what the availability map is keyed by. */
  readonly itemId: string;
  readonly name: string;
}

/** The menu items an order holds, once each in the order's own order: what staff can 86 from its card. */
export function orderMenuItems(header: { readonly items: readonly Pick<OrderLine, 'itemId' | 'name'>[] }): OrderMenuItem[] {
  const seen = new Set<string>();
  const items: OrderMenuItem[] = [];
  for (const line of header.items) {
    if (seen.has(line.itemId)) continue;
    seen.add(line.itemId);
    items.push({ itemId: line.itemId, name: line.name });
  }
  return items;
}
