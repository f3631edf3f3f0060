import type { Context } from 'hono';
import { Hono } from 'hono';
import { pushTokenSchema, registerTrackPushSchema } from '../../shared/api/devices';
import { TrackingTokenSchema } from '../../shared/ids';
import { isTerminal } from '../../shared/order/status';
import { conflict, notFound } from '../errors';
import { tooManyAttempts, type RateLimiter } from '../limits/rateLimit';
import { lookUpSecret } from '../limits/secretLookup';
import type { OrderIndex, OrderIndexRow } from '../storage/orderIndex';
import type { PushTokens } from '../storage/pushTokens';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { clientAddress } from './clientAddress';
import { jsonBody } from './validate';

/**
 * "Notify me" on the tracking page, no account: `POST /<trackingToken>/push {pushToken}` → 201 and
 * `DELETE /<trackingToken>/push/<pushToken>` → 204 (also when it was not registered: whoever holds the
 * link may stop its notifications). The tracking token is the credential, so an unknown one spends
 * the address's tracking-lookup budget, the one GET /api/track and sockets spend.
 */
export function trackPushRoutes(orders: OrderIndex, pushTokens: PushTokens, lookups: RateLimiter): Hono {
  const orderOf = async (c: Context): Promise<OrderIndexRow> => {
    const token = TrackingTokenSchema.safeParse(c.req.param('token'));
    const lookup = await lookUpSecret(lookups, clientAddress(c), () => (token.success ? orders.byTrackingToken(token.data) : null));
    if (lookup.kind === 'found') return lookup.value;
    if (lookup.kind === 'refused') throw tooManyAttempts(lookup.retryAfterMs);
    throw notFound('This tracking link');
  };

  return new Hono()
    .post('/:token/push', limitBody(BODY_LIMITS.device), async (c) => {
      const order = await orderOf(c);
      if (isTerminal(order.status)) throw conflict('order_finished', 'This order is finished: there are no more updates to send.');
      const body = await jsonBody(c, registerTrackPushSchema);
      await pushTokens.registerTrack(order.trackingToken, order.id, body.pushToken, Date.now());
      return c.json({ pushToken: body.pushToken }, 201);
    })
    .delete('/:token/push/:pushToken', async (c) => {
      const order = await orderOf(c);
      const token = pushTokenSchema.safeParse(c.req.param('pushToken'));
      if (token.success) await pushTokens.unregisterTrack(order.trackingToken, token.data);
      return c.body(null, 204);
    });
}
