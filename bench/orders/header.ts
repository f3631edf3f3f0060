import { ItemIdSchema, OrderIdSchema, OutletIdSchema } from '../../shared/ids';
import { money } from '../../shared/money';
import { orderHeaderSchema, type OrderHeader } from '../../shared/order/header';

/** A pickup order's header, parsed like any stored one. */
export function demoHeader(createdAt: number): OrderHeader {
  const line = {
    itemId: ItemIdSchema.parse('thali'),
    name: 'Thali',
    qty: 1,
    unitPrice: money(25_000),
    modifiers: [],
    lineTotal: money(25_000),
  };
  return orderHeaderSchema.parse({
    id: OrderIdSchema.parse('bench-order'),
    outletId: OutletIdSchema.parse('bench-outlet'),
    outlet: { name: 'Bench Kitchen', phone: '+91 00000 00000', address: '1 MG Road', lat: 12.97, lng: 77.59 },
    type: 'pickup',
    customer: { name: 'Asha', phone: '+91 11111 11111' },
    items: [line],
    totals: { subtotal: line.lineTotal, deliveryFee: money(0), total: line.lineTotal },
    payment: { method: 'cash' },
    currency: 'INR',
    createdAt,
  });
}
