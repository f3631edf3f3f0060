import type { Catalog } from '../../shared/catalog/outletDoc';
import type { TaxLine } from '../../shared/catalog/taxes';
import type { Money } from '../../shared/money';
import type { OrderLine } from '../../shared/order/header';
import { ok, type Result } from '../../shared/result';
import type { QuoteRequest } from '../../shared/api/orders';
import { priceRequest, type RequestRefusal } from './priceRequest';

export interface Quote {
  readonly lines: Pick<OrderLine, 'itemId' | 'name' | 'qty' | 'unitPrice' | 'modifiers' | 'lineTotal'>[];
  readonly subtotal: Money;
  readonly deliveryFee: Money;
  readonly taxes: TaxLine[];
  readonly total: Money;
  readonly currency: string;
  readonly zone: { readonly id: string; readonly name: string } | null;
}

/** `POST /api/orders/quote`: what placing this order now would cost, with nothing stored. */
export function quoteOrder(catalog: Catalog, req: QuoteRequest, now: number, staff: boolean): Result<Quote, RequestRefusal> {
  const pricing = priceRequest(catalog, req, now, staff);
  if (!pricing.ok) return pricing;
  const priced = pricing.value;
  return ok({
    lines: priced.lines.map(({ itemId, name, qty, unitPrice, modifiers, lineTotal }) => ({
      itemId,
      name,
      qty,
      unitPrice,
      modifiers,
      lineTotal,
    })),
    subtotal: priced.subtotal,
    deliveryFee: priced.deliveryFee,
    taxes: priced.taxes,
    total: priced.total,
    currency: catalog.profile.currency,
    zone: priced.zone ? { id: priced.zone.id, name: priced.zone.name } : null,
  });
}
