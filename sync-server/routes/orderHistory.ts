import { Hono } from 'hono';
import type { z } from 'zod';
import { historyQuerySchema, type historyResponseSchema } from '../../shared/api/orderHistory';
import type { TokenService } from '../auth/tokens';
import { forbidden } from '../errors';
import type { OrderHistory } from '../storage/orderHistory';
import { requireActor } from './bearer';
import { queryParams } from './validate';

/** `GET /api/orders`: history and search for outlet staff (their outlet) and admins (every outlet). */
export function orderHistoryRoutes(history: OrderHistory, tokens: TokenService): Hono {
  return new Hono().get('/', async (c) => {
    const actor = await requireActor(c, tokens);
    if (actor.role === 'driver') throw forbidden('Order history is for outlet staff and admins.');
    const query = queryParams(c, historyQuerySchema);
    if (actor.role === 'outlet' && query.outletId !== undefined && query.outletId !== actor.outletId) {
      throw forbidden('Outlet staff see their own outlet’s orders only.');
    }
    const orders = await history.search({
      outletId: actor.role === 'outlet' ? actor.outletId : (query.outletId ?? null),
      q: query.q ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      statuses: query.status ?? null,
      limit: query.limit,
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json({ orders } satisfies z.input<typeof historyResponseSchema>);
  });
}
