import { isCallablePhone, PHONE_MESSAGE } from '../api/callablePhone';
import { fail, ok, type Result } from '../result';
import type { OrderType } from '../order/status';
import type { OutletProfile } from './menu';

/** Why an order's own details (not its price) are refused. */
export type DetailsRefusal = 'invalid_phone' | 'table_required' | 'unknown_table';

/** The country a phone typed without "+" belongs to, where the profile does not name one. */
const COUNTRY_OF_CURRENCY: Readonly<Record<string, string>> = {
  INR: 'IN',
  LKR: 'LK',
  NPR: 'NP',
  BDT: 'BD',
  PKR: 'PK',
  AED: 'AE',
  SGD: 'SG',
  MYR: 'MY',
  GBP: 'GB',
  USD: 'US',
  CAD: 'CA',
  AUD: 'AU',
  NZD: 'NZ',
  JPY: 'JP',
};

/**
 * The outlet's country for reading phone numbers: the profile's `country`, else the one country of its
 * currency (none for currencies several countries share, such as EUR: then only "+" numbers are taken).
 */
export const outletCountry = (profile: Pick<OutletProfile, 'country' | 'currency'>): string | undefined =>
  profile.country ?? COUNTRY_OF_CURRENCY[profile.currency];

/** The outlet's table of that name as the outlet writes it ("t4" finds "T4"), or null when it has none. */
export function findTable(profile: Pick<OutletProfile, 'tables'>, table: string): string | null {
  const wanted = table.trim().toLowerCase();
  return profile.tables.find((t) => t.toLowerCase() === wanted) ?? null;
}

export interface OrderDetails {
  readonly type: OrderType;
  readonly table?: string | undefined;
  readonly customer?: { readonly phone: string } | undefined;
}

/**
 * The server's rule on the details a customer types: a phone the outlet can call (read in the outlet's
 * country) and, for dine-in, one of the outlet's tables. Answers the table as the outlet names it.
 * `requireTable`: a placed dine-in order must name a table; a quote may come before it is chosen.
 */
export function checkOrderDetails(
  profile: Pick<OutletProfile, 'country' | 'currency' | 'tables' | 'name'>,
  req: OrderDetails,
  requireTable: boolean,
): Result<{ table: string | null }, DetailsRefusal> {
  if (req.customer && !isCallablePhone(req.customer.phone, outletCountry(profile))) {
    return fail('invalid_phone', PHONE_MESSAGE);
  }
  if (req.type !== 'dine-in' || req.table === undefined) {
    if (req.type === 'dine-in' && requireTable) return fail('table_required', 'A dine-in order needs a table.');
    return ok({ table: null });
  }
  const table = findTable(profile, req.table);
  if (!table) {
    return fail('unknown_table', `${profile.name} has no table "${req.table.trim()}"; check the number on your table.`);
  }
  return ok({ table });
}
