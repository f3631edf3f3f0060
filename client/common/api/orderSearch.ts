import { z } from 'zod';
import { OrderIdSchema, OutletIdSchema } from '../../../shared/ids';
import { ORDER_STATUSES, ORDER_TYPES } from '../../../shared/order/status';
import { getJson, NETWORK_ERROR_CODE } from './http';

/**
 * One order as `GET /api/orders` lists it: enough for history, not the whole order. Orders the
 * server indexed before it kept these details come with them null.
 */
export const remoteOrderSchema = z.object({
  id: OrderIdSchema,
  outletId: OutletIdSchema,
  type: z.enum(ORDER_TYPES).nullable(),
  status: z.enum(ORDER_STATUSES),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  total: z.number().nullable(),
  currency: z.string().nullable(),
  createdAt: z.number(),
  source: z.string().nullable().optional(),
});
export type RemoteOrder = z.infer<typeof remoteOrderSchema>;

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
    return { ok: false, offline, message: offline ? 'Offline: showing the orders on this device.' : `The server could not search: ${result.error.message}` };
  }
  const parsed = z.object({ orders: z.array(remoteOrderSchema) }).safeParse(result.body);
  return parsed.success ? { ok: true, orders: parsed.data.orders } : { ok: false, offline: false, message: 'The server’s search answer could not be read.' };
}
