import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { badRequest } from '../errors';
import { placeOrder, placeOrderSchema, type PlaceOrderDeps } from '../orders/placeOrder';
import { RateLimiter } from './rateLimit';
import { jsonBody } from './validate';

const KEY_PATTERN = /^[A-Za-z0-9_:.-]{8,128}$/;

/** `perMinute`: orders one client address may place per minute (a flood guard, not a business rule). */
export function orderRoutes(deps: PlaceOrderDeps, perMinute: number): Hono {
  const perClient = new RateLimiter(perMinute, 60_000);
  return new Hono().post('/', async (c) => {
    perClient.hit(getConnInfo(c).remote.address ?? 'unknown');
    const key = c.req.header('Idempotency-Key') ?? null;
    if (key !== null && !KEY_PATTERN.test(key)) throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 8–128 letters, digits or _:.-');
    const body = await jsonBody(c, placeOrderSchema);
    const placed = await placeOrder(deps, body, key);
    if (placed.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json({ orderId: placed.orderId, trackingUrl: new URL(`/track/${placed.trackingToken}`, c.req.url).href }, 201);
  });
}
