import type { Catalog } from '../../shared/catalog/outletDoc';
import type { QuoteRequest } from './orderRequest';
import { priceRequest } from './priceRequest';

/** `POST /api/orders/quote`: what placing this order now would cost, with nothing stored. */
export function quoteOrder(catalog: Catalog, req: QuoteRequest, now: number, staff: boolean) {
  const priced = priceRequest(catalog, req, now, staff);
  return {
    lines: priced.lines.map(({ itemId, name, qty, unitPrice, modifiers, lineTotal }) => ({ itemId, name, qty, unitPrice, modifiers, lineTotal })),
    subtotal: priced.subtotal,
    deliveryFee: priced.deliveryFee,
    total: priced.total,
    currency: catalog.profile.currency,
    zone: priced.zone ? { id: priced.zone.id, name: priced.zone.name } : null,
  };
}
