import { newEventId } from '../../shared/ids';
import type { OrderEvent } from '../../shared/order/events';
import type { OrderHeader } from '../../shared/order/header';
import { orderNumber } from '../../shared/order/orderNumber';
import { SYSTEM_ID } from '../../shared/roles';
import { fail, ok, type Result } from '../../shared/result';
import type { Logger } from '../log';
import type { Checkout, PaymentProvider } from './paymentProvider';

/** How long a customer has on the provider's page before the card order is given up. */
export const CHECKOUT_LIFETIME_MS = 30 * 60_000;

/** One checkout per order, ever: a retried POST /api/orders (same Idempotency-Key) gets the same one back. */
export const checkoutKey = (header: OrderHeader): string => `dabba-checkout-${header.id}`;

/**
 * Opens (or, for the same order and `expiresAt`, finds again) the provider's checkout for the order's
 * server-priced total. The return URL is the tracking link: it is where the customer lands, not proof of payment.
 */
export async function openCheckout(
  provider: PaymentProvider,
  header: OrderHeader,
  returnUrl: string,
  expiresAt: number,
  log: Logger,
): Promise<Result<Checkout, 'payment_provider_failed'>> {
  try {
    const checkout = await provider.createCheckout(
      {
        orderId: header.id,
        amount: header.totals.total,
        currency: header.currency,
        description: `${header.outlet.name}, order ${orderNumber(header.id)}`,
        returnUrl,
        expiresAt,
      },
      checkoutKey(header),
    );
    return ok(checkout);
  } catch (err: unknown) {
    log.error('payment provider refused a checkout', { provider: provider.name, orderId: header.id, error: String(err) });
    return fail('payment_provider_failed', 'The card payment could not be started; try again, or pay in cash.');
  }
}

/** The order's `payment_pending` event for an open checkout, stamped just after `placed`. */
export function paymentPendingEvent(provider: PaymentProvider, header: OrderHeader, checkout: Checkout): OrderEvent {
  return {
    id: newEventId(),
    type: 'payment_pending',
    at: header.createdAt + 1,
    by: { id: SYSTEM_ID, role: 'system' },
    provider: provider.name,
    amount: header.totals.total,
    currency: header.currency,
    checkoutRef: checkout.checkoutRef,
    expiresAt: checkout.expiresAt,
  };
}
