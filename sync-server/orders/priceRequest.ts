import type { Catalog } from '../../shared/catalog/outletDoc';
import { priceOrder, type Pricing } from '../../shared/catalog/priceOrder';
import type { QuoteRequest } from '../../shared/api/orders';

/**
 * Prices a request from the catalog (prices the client sent are never read), or refuses it with the
 * pricing code. `staff`: a phone order, which opening hours and a pause do not refuse.
 */
export function priceRequest(catalog: Catalog, req: QuoteRequest, now: number, staff: boolean): Pricing {
  return priceOrder(catalog, req.items, req.type, now, req.address, { ignoreOpening: staff });
}
