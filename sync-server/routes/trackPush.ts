import type { Context } from 'hono';
import { Hono } from 'hono';
import { pushTokenSchema, registerTrackPushSchema } from '../../shared/api/devices';
import { isTerminal } from '../../shared/order/status';
import { conflict } from '../errors';
import type { RateLimiter } from '../limits/rateLimit';
import type { OrderIndex, OrderIndexRow } from '../storage/orderIndex';
import type { PushTokens } from '../storage/pushTokens';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { trackedOrder } from './trackLink';
import { jsonBody } from './validate';

/**
 * "Notify me" on the tracking page, no account: `POST /<trackingToken>/push {pushToken}` → 201 and
 * `DELETE /<trackingToken>/push/<pushToken>` → 204 (also when it was not registered: whoever holds the
 * link may stop its notifications). Unknown tokens spend the tracking-lookup budget (trackedOrder).
 */
export function trackPushRoutes(orders: OrderIndex, pushTokens: PushTokens, lookups: RateLimiter): Hono {
  const orderOf = (c: Context): Promise<OrderIndexRow> => trackedOrder(c, orders, lookups);

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
