import { Hono } from 'hono';
import { z } from 'zod';
import { OutletIdSchema } from '../../shared/ids';
import { ORDER_STATUSES } from '../../shared/order/status';
import type { TokenService } from '../auth/tokens';
import { forbidden } from '../errors';
import type { OrderHistory } from '../storage/orderHistory';
import { requireActor } from './bearer';
import { queryParams } from './validate';

/** A time as epoch milliseconds or an ISO 8601 date or date-time ("2024-05-01", "2024-05-01T18:30:00+05:30"). */
const instant = z.string().trim().transform((value, ctx) => {
  const ms = /^\d+$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isSafeInteger(ms)) return ms;
  ctx.addIssue({ code: 'custom', message: 'use epoch milliseconds or an ISO 8601 date' });
  return z.NEVER;
});

const historyQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** One status or several, comma-separated. */
  status: z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.enum(ORDER_STATUSES)).min(1)).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Admins may narrow to one outlet; outlet staff always see their own. */
  outletId: OutletIdSchema.optional(),
});

/** `GET /api/orders`: history and search for outlet staff (their outlet) and admins (every outlet). */
export function orderHistoryRoutes(history: OrderHistory, tokens: TokenService): Hono {
  return new Hono().get('/', async (c) => {
    const actor = await requireActor(c, tokens);
    if (actor.role === 'driver') throw forbidden('Order history is for outlet staff and admins.');
    const query = queryParams(c, historyQuerySchema);
    if (actor.role === 'outlet' && query.outletId !== undefined && query.outletId !== actor.outletId) {
      throw forbidden('Outlet staff see their own outlet’s orders only.');
    }
    const orders = history.search({
      outletId: actor.role === 'outlet' ? actor.outletId : query.outletId ?? null,
      q: query.q ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      statuses: query.status ?? null,
      limit: query.limit,
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json({ orders });
  });
}
