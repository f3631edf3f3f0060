/** The ordering page's routes, all under `/order/` (the server answers each with this app). */
export type OrderRoute =
  | { readonly page: 'outlets' }
  | { readonly page: 'your-orders' }
  | { readonly page: 'outlet'; readonly outletId: string; readonly table: string | null }
  | { readonly page: 'tables'; readonly outletId: string };

export function parseOrderRoute(pathname: string, search: string): OrderRoute {
  const parts = pathname
    .replace(/^\/order\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [outletId, sub] = parts;
  if (!outletId) return new URLSearchParams(search).get('view') === 'orders' ? { page: 'your-orders' } : { page: 'outlets' };
  if (sub === 'tables') return { page: 'tables', outletId };
  const table = new URLSearchParams(search).get('table')?.trim().slice(0, 20) || null;
  return { page: 'outlet', outletId, table };
}

export const outletPath = (outletId: string): string => `/order/${encodeURIComponent(outletId)}`;
export const tablePath = (outletId: string, table: string): string => `${outletPath(outletId)}?table=${encodeURIComponent(table)}`;
/** "Your orders": a query, not a path segment, since any first segment may be an outlet's id. */
export const YOUR_ORDERS_PATH = '/order/?view=orders';
