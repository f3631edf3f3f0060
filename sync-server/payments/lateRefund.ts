import type { EventId } from '../../shared/ids';
import type { EventOf } from '../../shared/order/events';
import type { OrderView } from '../../shared/order/orderDoc';
import { isTerminal } from '../../shared/order/status';
import { SYSTEM_ID } from '../../shared/roles';
import type { Logger } from '../log';
import type { DocRegistry } from '../sync/docRegistry';
import { appendServerEvents, readOrderView } from '../orders/orderDocs';
import type { PaymentProvider, ProviderEvent } from './paymentProvider';

export const PAID_AFTER_CANCEL = 'Paid after the order was cancelled';

type Paid = Extract<ProviderEvent, { kind: 'paid' }>;

/**
 * Whether a confirmed payment landed on an order already given up (cancelled while its checkout was open:
 * by an admin, or the payment came in the moment the checkout lapsed): the checkout is this order's, the
 * order ended, and it never counted a payment.
 */
export function paidAfterGivingUp(provider: string, event: Paid, view: OrderView): boolean {
  const checkout = view.state.applied.find(
    (e): e is EventOf<'payment_pending'> => e.type === 'payment_pending' && e.provider === provider && e.checkoutRef === event.checkoutRef,
  );
  return checkout !== undefined && isTerminal(view.state.status) && view.state.payment.status !== 'paid';
}

/**
 * Gives a payment that landed on a given-up order back through the provider, then records it as a system
 * `refunded` with the id `id`. The caller derives `id` from the payment (not the notification), and the
 * provider's idempotency key from `id`, so a redelivery, or a second notification of the same payment,
 * refunds once and records once. A provider that fails rejects, so the webhook answers
 * 500 and the provider delivers it again, which tries the refund again.
 */
export async function refundLatePayment(
  provider: PaymentProvider,
  registry: DocRegistry,
  event: Paid,
  id: EventId,
  log: Logger,
  now: number,
): Promise<boolean> {
  const view = await readOrderView(registry, event.orderId, true);
  if (!view || view.state.applied.some((e) => e.id === id)) return false;
  const { refundRef } = await provider.refund(event.paymentRef, event.amount, `dabba-refund-${id}`);
  const appended = await appendServerEvents(registry, event.orderId, now, (current) =>
    current.state.applied.some((e) => e.id === id)
      ? []
      : [
          {
            id,
            type: 'refunded',
            by: { id: SYSTEM_ID, role: 'system' },
            amount: event.amount,
            currency: event.currency,
            reason: PAID_AFTER_CANCEL,
            method: 'card',
            refundedBy: SYSTEM_ID,
            refundRef,
          },
        ],
  );
  log.info('refunded a payment that landed on a given-up order', { orderId: event.orderId, paymentRef: event.paymentRef, refundRef });
  if (!appended && !(await readOrderView(registry, event.orderId))?.state.applied.some((e) => e.id === id))
    log.error('late payment refunded but not recorded on the order', { orderId: event.orderId, refundRef });
  return appended !== null;
}
