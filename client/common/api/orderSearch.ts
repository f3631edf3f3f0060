import { historyResponseSchema, type OrderSummary } from '../../../shared/api/orderHistory';
import { fail, ok, type Result } from '../../../shared/result';
import { getJson, NETWORK_ERROR_CODE, readAnswer } from './http';

/** One order as the server's history lists it (shared/api/orderHistory.ts). */
export type RemoteOrder = OrderSummary;

export interface OrderSearch {
  readonly q: string;
  readonly from: number | null;
  readonly to: number | null;
  readonly limit: number;
}

/** The orders found; a failure's message says why the server could not search, in staff's words. */
export type OrderSearchResult = Result<readonly RemoteOrder[]>;

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
    const { code, message } = result.error;
    return code === NETWORK_ERROR_CODE
      ? fail(code, 'Offline: showing the orders on this device.')
      : fail(code, `The server could not search: ${message}`);
  }
  const answer = readAnswer(result, historyResponseSchema, 'The server’s search answer could not be read.');
  return answer.ok ? ok(answer.value.orders) : answer;
}
