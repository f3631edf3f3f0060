import type { Catalog } from '../../shared/catalog/outletDoc';
import { priceOrder, type PricedOrder } from '../../shared/catalog/priceOrder';
import { AppError } from '../errors';
import type { QuoteRequest } from './orderRequest';

/**
 * Prices a request from the catalog (prices the client sent are never read), or refuses it with 422
 * and the pricing code. `staff`: a phone order, which opening hours and a pause do not refuse.
 */
export function priceRequest(catalog: Catalog, req: QuoteRequest, now: number, staff: boolean): PricedOrder {
  const priced = priceOrder(catalog, req.items, req.type, now, req.address, { ignoreOpening: staff });
  if (!priced.ok) throw new AppError(422, priced.error.code, priced.error.message);
  return priced.value;
}
