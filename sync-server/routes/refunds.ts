import { Hono } from 'hono';
import { refundRequestSchema } from '../../shared/api/orders';
import { OrderIdSchema } from '../../shared/ids';
import type { TokenService } from '../auth/tokens';
import { badRequest, notFound, valueOrThrow, type HttpStatuses } from '../errors';
import type { RefundRefusal, Refunds } from '../payments/refunds';
import { requireAdmin } from './bearer';
import { jsonBody } from './validate';

const KEY_PATTERN = /^[A-Za-z0-9_:.-]{8,128}$/;

const STATUSES: HttpStatuses<RefundRefusal> = {
  not_found: 404,
  nothing_to_refund: 422,
  nothing_collected: 422,
  refund_too_large: 422,
  card_unavailable: 422,
  payment_provider_failed: 502,
};

/**
 * `POST /<orderId>/refunds` (admin) `{amount, reason}` with an `Idempotency-Key`: required, since a refund
 * retried after a lost answer must not give the money back twice.
 */
export function refundRoutes(tokens: TokenService, refunds: Refunds): Hono {
  return new Hono().post('/:id/refunds', async (c) => {
    const admin = await requireAdmin(c, tokens, 'Refunding');
    const orderId = OrderIdSchema.safeParse(c.req.param('id'));
    if (!orderId.success) throw notFound('The order');
    const key = c.req.header('Idempotency-Key');
    if (!key || !KEY_PATTERN.test(key))
      throw badRequest('invalid_idempotency_key', 'A refund needs an Idempotency-Key of 8–128 letters, digits or _:.-');
    const body = await jsonBody(c, refundRequestSchema);
    return c.json(valueOrThrow(await refunds.refund(orderId.data, body, admin.id, key), STATUSES), 201);
  });
}
