import { historyResponseSchema, type OrderSummary } from '../../../shared/api/orderHistory';
import { getJson, NETWORK_ERROR_CODE } from './http';

/** One order as the server's history lists it (shared/api/orderHistory.ts). */
export type RemoteOrder = OrderSummary;

export interface OrderSearch {
  readonly q: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly limit: number;
}

export type OrderSearchResult =
  | { readonly ok: true; readonly orders: readonly RemoteOrder[] }
  | { readonly ok: false; readonly offline: boolean; readonly message: string };

/** Searches the server's orders as the signed-in staff member. */
export async function searchServerOrders(search: OrderSearch, token: string): Promise<OrderSearchResult> {
  const params = new URLSearchParams({ limit: String(search.limit) });
  // Staff type the number as the board shows it, "#3fK9aB"; the server matches the id itself.
  const q = search.q.trim().replace(/^#/, '');
  if (q) params.set('q', q);
  if (search.from !== null) params.set('from', String(search.from));
  if (search.to !== null) params.set('to', String(search.to));
  const result = await getJson(`/api/orders?${params.toString()}`, { authorization: `Bearer ${token}` });
  if (!result.ok) {
    const offline = result.error.code === NETWORK_ERROR_CODE;
    return {
      ok: false,
      offline,
      message: offline ? 'Offline: showing the orders on this device.' : `The server could not search: ${result.error.message}`,
    };
  }
  const parsed = historyResponseSchema.safeParse(result.value);
  return parsed.success
    ? { ok: true, orders: parsed.data.orders }
    : { ok: false, offline: false, message: 'The server’s search answer could not be read.' };
}
