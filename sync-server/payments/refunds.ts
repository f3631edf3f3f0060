import { createHash } from 'node:crypto';
import type { RefundRequest, RefundResponse } from '../../shared/api/orders';
import { EventIdSchema, type EventId, type OrderId, type UserId } from '../../shared/ids';
import { cashCollected } from '../../shared/cash/collection';
import { money } from '../../shared/money';
import type { OrderView } from '../../shared/order/orderDoc';
import { refundLeft } from '../../shared/order/refundLeft';
import { SYSTEM_ID } from '../../shared/roles';
import { fail, ok, type Result } from '../../shared/result';
import { appendServerEvents, readOrderView } from '../orders/orderDocs';
import type { Logger } from '../log';
import { KeyedSerial } from '../serial';
import type { DocRegistry } from '../sync/docRegistry';
import type { PaymentProvider } from './paymentProvider';

export type RefundRefusal =
  'not_found' | 'nothing_to_refund' | 'nothing_collected' | 'refund_too_large' | 'card_unavailable' | 'payment_provider_failed';

/** What may still be given back (refundLeft), and for card the payment it is given back from. */
function refundable(view: OrderView): { method: 'card' | 'cash'; left: number; paymentRef: string | null } {
  const method = view.header.payment.method;
  const paid = view.state.applied.findLast((e) => e.type === 'paid');
  return { method, left: refundLeft(view), paymentRef: method === 'card' && paid?.type === 'paid' ? paid.paymentRef : null };
}

export interface RefundDeps {
  readonly registry: DocRegistry;
  readonly payments: PaymentProvider | null;
  readonly log: Logger;
}

/**
 * Refunds an order for an admin: through the provider for card (its refund carries an idempotency key, so a
 * retried request with the same Idempotency-Key never refunds twice), recorded for cash; then the
 * server appends `refunded`. Never more than paid minus refunded. One refund at a time per order on a node.
 */
export class Refunds {
  private readonly serial = new KeyedSerial<OrderId>();

  constructor(private readonly deps: RefundDeps) {}

  refund(
    orderId: OrderId,
    request: RefundRequest,
    adminId: UserId,
    requestKey: string,
    now = Date.now(),
  ): Promise<Result<RefundResponse, RefundRefusal>> {
    return this.serial.run(orderId, async () => {
      const view = await readOrderView(this.deps.registry, orderId, true);
      if (!view) return fail('not_found', 'The order was not found.');
      const eventId = refundEventId(orderId, requestKey);
      const done = view.state.applied.find((e) => e.id === eventId);
      // The same request again: answer with what it did.
      if (done?.type === 'refunded') return ok(answer(view, done.method, done.amount, done.refundRef));
      const { method, left, paymentRef } = refundable(view);
      if (method === 'cash' && cashCollected(view.header, view.state.applied) === 0)
        return fail(
          'nothing_collected',
          'No cash has been collected on this order yet, so none can be refunded; cancel the order instead.',
        );
      if (view.state.status === 'awaiting_payment' || (method === 'card' && !paymentRef) || left <= 0)
        return fail('nothing_to_refund', 'Nothing was paid on this order that is not refunded already.');
      if (request.amount > left) return fail('refund_too_large', `At most ${left} (minor units) can still be refunded.`);
      const amount = money(request.amount);
      let refundRef: string | undefined;
      if (method === 'card') {
        const provider = this.deps.payments;
        if (!provider || !paymentRef) return fail('card_unavailable', 'Card payments are not configured, so a card refund cannot be made.');
        try {
          refundRef = (await provider.refund(paymentRef, amount, `dabba-refund-${eventId}`)).refundRef;
        } catch (err: unknown) {
          this.deps.log.error('payment provider refused a refund', { orderId, amount, error: String(err) });
          return fail('payment_provider_failed', 'The payment provider did not make the refund; nothing was refunded. Try again.');
        }
      }
      const appended = await appendServerEvents(this.deps.registry, orderId, now, () => [
        {
          id: eventId,
          type: 'refunded',
          by: { id: SYSTEM_ID, role: 'system' },
          amount,
          currency: view.header.currency,
          reason: request.reason,
          method,
          refundedBy: adminId,
          ...(refundRef ? { refundRef } : {}),
        },
      ]);
      if (!appended) {
        // The provider refunded but the order would not take the record: support must see this.
        this.deps.log.error('refund made but not recorded on the order', { orderId, amount, refundRef });
        throw new Error(`The refund ${refundRef ?? '(cash)'} of order ${orderId} could not be recorded.`);
      }
      return ok(answer(appended.after, method, amount, refundRef));
    });
  }
}

/** One request, one event: the id is derived from the order and the request's Idempotency-Key. */
function refundEventId(orderId: OrderId, requestKey: string): EventId {
  return EventIdSchema.parse(`refund-${createHash('sha256').update(`${orderId}\0${requestKey}`).digest('base64url').slice(0, 40)}`);
}

function answer(view: OrderView, method: 'card' | 'cash', amount: number, refundRef: string | undefined): RefundResponse {
  return { method, amount, ...(refundRef ? { refundRef } : {}), paid: view.state.payment.paid, refunded: view.state.payment.refunded };
}
