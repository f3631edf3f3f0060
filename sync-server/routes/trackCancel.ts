import { Hono } from 'hono';
import { customerCancelRequestSchema, type CustomerCancelResponse } from '../../shared/api/trackCancel';
import type { CustomerCancelRefusal } from '../../shared/order/customerCancel';
import type { Clock } from '../clock';
import { valueOrThrow, type HttpStatuses } from '../errors';
import type { RateLimiter } from '../limits/rateLimit';
import { cancelForCustomer } from '../orders/customerCancel';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { trackedOrder } from './trackLink';
import { optionalJsonBody } from './validate';

const STATUSES: HttpStatuses<CustomerCancelRefusal | 'not_found'> = {
  not_found: 404,
  order_finished: 409,
  order_accepted: 409,
  paid_by_card: 409,
};

export interface TrackCancelDeps {
  readonly orders: OrderIndex;
  readonly registry: DocRegistry;
  readonly lookups: RateLimiter;
  readonly clock: Clock;
}

/**
 * `POST /<trackingToken>/cancel {reason?}`: the customer cancels an order the kitchen has not accepted,
 * with nothing but the link (shared/api/trackCancel.ts). Unknown tokens spend the tracking-lookup budget.
 */
export function trackCancelRoutes(d: TrackCancelDeps): Hono {
  return new Hono().post('/:token/cancel', limitBody(BODY_LIMITS.form), async (c) => {
    const order = await trackedOrder(c, d.orders, d.lookups);
    const body = await optionalJsonBody(c, customerCancelRequestSchema);
    valueOrThrow(await cancelForCustomer(d.registry, order.id, d.clock.now(), body.reason), STATUSES);
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'cancelled' } satisfies CustomerCancelResponse);
  });
}
