import type { Catalog } from '../../shared/catalog/outletDoc';
import { checkOrderDetails, type DetailsRefusal } from '../../shared/catalog/orderDetails';
import { priceOrder, type PricedOrder, type PricingRefusal } from '../../shared/catalog/priceOrder';
import type { QuoteRequest } from '../../shared/api/orders';
import { ok, type Result } from '../../shared/result';

export type RequestRefusal = PricingRefusal | DetailsRefusal;

/** A priced request, with its table as the outlet names it (dine-in), null otherwise. */
export interface PricedRequest extends PricedOrder {
  readonly table: string | null;
}

/**
 * Prices a request from the catalog (prices the client sent are never read) and checks its details against
 * the outlet (a callable phone, one of its tables), or refuses it. `staff`: a phone order, which opening hours
 * and a pause do not refuse. `placing`: a dine-in order placed must name its table; a quote need not.
 */
export function priceRequest(
  catalog: Catalog,
  req: QuoteRequest,
  now: number,
  staff: boolean,
  placing = false,
): Result<PricedRequest, RequestRefusal> {
  // Pricing first: an outlet that is closed, or takes no dine-in, says so before the table is looked at.
  const pricing = priceOrder(catalog, req.items, req.type, now, req.address, { ignoreOpening: staff });
  if (!pricing.ok) return pricing;
  const details = checkOrderDetails(catalog.profile, req, placing);
  if (!details.ok) return details;
  return ok({ ...pricing.value, table: details.value.table });
}
