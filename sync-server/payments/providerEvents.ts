import { createHash } from 'node:crypto';
import { EventIdSchema, type EventId } from '../../shared/ids';
import type { EventOf } from '../../shared/order/events';
import type { OrderView } from '../../shared/order/orderDoc';
import { SYSTEM_ID } from '../../shared/roles';
import { appendServerEvents, type EventDraft } from '../orders/orderDocs';
import type { Logger } from '../log';
import type { DocRegistry } from '../sync/docRegistry';
import { paidAfterGivingUp, refundLatePayment } from './lateRefund';
import type { PaymentProvider, ProviderEvent } from './paymentProvider';

const SYSTEM = { id: SYSTEM_ID, role: 'system' } as const;

/**
 * The order event id a provider notification becomes: derived from the provider's own event id, so the
 * same notification delivered twice (or to two nodes) names the same event, which an order holds once.
 */
export function eventIdOf(provider: string, providerEventId: string, part: string): EventId {
  const digest = createHash('sha256').update(`${provider}\0${providerEventId}\0${part}`).digest('base64url');
  return EventIdSchema.parse(`pay-${digest.slice(0, 40)}`);
}

/** Why an order whose card payment never came is cancelled (by the provider's word or the server's sweep). */
export const NOT_PAID_IN_TIME = 'The card payment was not completed in time.';

/** The checkout the order is waiting on, if it is waiting at all. */
export function openCheckoutOf(view: OrderView): EventOf<'payment_pending'> | null {
  if (view.state.status !== 'awaiting_payment') return null;
  return view.state.applied.findLast((e): e is EventOf<'payment_pending'> => e.type === 'payment_pending') ?? null;
}

/** What the order gets for a notification, given the order as it is now; empty: nothing (again, or no longer). */
export function eventsFor(provider: string, event: Exclude<ProviderEvent, { kind: 'ignored' }>, view: OrderView): EventDraft[] {
  const pending = openCheckoutOf(view);
  // Out of order or repeated: a notification for a checkout the order is no longer waiting on changes nothing.
  if (!pending || pending.provider !== provider || pending.checkoutRef !== event.checkoutRef) return [];
  const id = (part: string): EventId => eventIdOf(provider, event.eventId, part);
  switch (event.kind) {
    case 'paid':
      return [
        {
          id: id('paid'),
          type: 'paid',
          by: SYSTEM,
          provider,
          amount: event.amount,
          currency: event.currency,
          paymentRef: event.paymentRef,
        },
      ];
    case 'failed':
      return [
        { id: id('failed'), type: 'payment_failed', by: SYSTEM, provider, reason: event.reason },
        { id: id('cancelled'), type: 'cancelled', by: SYSTEM, reason: `The card payment failed: ${event.reason}` },
      ];
    case 'expired':
      return [{ id: id('cancelled'), type: 'cancelled', by: SYSTEM, reason: NOT_PAID_IN_TIME }];
  }
}

/** Why a confirmed payment cannot count: it is not the amount the order was priced at. */
function mismatch(event: ProviderEvent, view: OrderView): string | null {
  if (event.kind !== 'paid') return null;
  const { total } = view.header.totals;
  if (event.amount !== total || event.currency !== view.header.currency)
    return `paid ${event.amount} ${event.currency}, the order is ${total} ${view.header.currency}`;
  return null;
}

/**
 * Applies a verified provider notification to its order, in the order's own write (so two deliveries at
 * once still decide one after the other). A payment that lands on an order given up meanwhile is refunded
 * (lateRefund.ts). Resolves with what happened, for the log and the webhook's answer.
 */
export async function applyProviderEvent(
  registry: DocRegistry,
  provider: PaymentProvider,
  event: ProviderEvent,
  log: Logger,
  now: number = Date.now(),
): Promise<'applied' | 'unchanged' | 'ignored'> {
  if (event.kind === 'ignored') return 'ignored';
  const name = provider.name;
  const seen = { late: false };
  const changed = await appendServerEvents(registry, event.orderId, now, (view) => {
    const wrong = mismatch(event, view);
    if (wrong) {
      // Never place an order on a payment that does not cover it; support sees this line and the provider's record.
      log.error('payment does not match the order; not placed', { provider: name, orderId: event.orderId, eventId: event.eventId, wrong });
      return null;
    }
    const drafts = eventsFor(name, event, view);
    seen.late = drafts.length === 0 && event.kind === 'paid' && paidAfterGivingUp(name, event, view);
    return drafts;
  });
  if (changed) return 'applied';
  if (!seen.late || event.kind !== 'paid') return 'unchanged';
  // Keyed by the payment, not the notification: however often or by whichever event it is told, one refund.
  const refundId = eventIdOf(name, event.paymentRef, 'late-refund');
  return (await refundLatePayment(provider, registry, event, refundId, log, now)) ? 'applied' : 'unchanged';
}
