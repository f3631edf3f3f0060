import { refundResponseSchema, type RefundResponse } from '../../../../shared/api/orders';
import type { OrderId } from '../../../../shared/ids';
import { postJson, readAnswer, type Answer } from '../../../common/api/http';

/**
 * `POST /api/orders/<id>/refunds` as the signed-in admin. `key` is the refund's Idempotency-Key: the same
 * key for a retry of the same refund, so a lost answer never refunds twice. Needs the network: the
 * money moves at the payment provider, not on this device.
 */
export async function requestRefund(
  token: string,
  orderId: OrderId,
  body: { readonly amount: number; readonly reason: string },
  key: string,
): Promise<Answer<RefundResponse>> {
  const result = await postJson(`/api/orders/${encodeURIComponent(orderId)}/refunds`, body, {
    authorization: `Bearer ${token}`,
    'Idempotency-Key': key,
  });
  return readAnswer(result, refundResponseSchema, 'The refund answer could not be read; check the order before trying again.');
}
