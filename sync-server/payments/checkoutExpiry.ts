import { createHash } from 'node:crypto';
import { EventIdSchema, type EventId, type OrderId } from '../../shared/ids';
import { SYSTEM_ID } from '../../shared/roles';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { appendServerEvents, readOrderView } from '../orders/orderDocs';
import { PeriodicSweep } from '../retention/periodicSweep';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import { CHECKOUT_LIFETIME_MS } from './cardCheckout';
import type { PaymentProvider } from './paymentProvider';
import { NOT_PAID_IN_TIME, openCheckoutOf } from './providerEvents';

/** How long past its expiry a checkout is left to the provider's own `expired` notification before the server acts. */
export const CHECKOUT_EXPIRY_GRACE_MS = 2 * 60_000;

export interface CheckoutExpiryOptions {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly provider: PaymentProvider;
  readonly clock: Clock;
  readonly log: Logger;
  readonly sweepEveryMs: number;
}

/**
 * The one cancel of an order whose checkout `checkoutRef` lapsed: the same id on every node and every
 * pass, so two sweeps (or a sweep and a retry) cancel it once.
 */
export function expiryCancelId(orderId: OrderId, checkoutRef: string): EventId {
  return EventIdSchema.parse(`expiry-${createHash('sha256').update(`${orderId}\0${checkoutRef}`).digest('base64url').slice(0, 40)}`);
}

/**
 * Gives up card orders whose checkout lapsed when the provider's `expired` notification never came (lost,
 * or the endpoint misconfigured). The provider is asked to close the checkout first, so no payment can land
 * after the cancel; a checkout the provider says was completed is left for its `paid` notification. Runs on
 * the dispatch leader; candidates come from the order index (orders_awaiting_payment), not every document.
 */
export class CheckoutExpiry extends PeriodicSweep {
  constructor(private readonly o: CheckoutExpiryOptions) {
    super({ clock: o.clock, log: o.log, everyMs: o.sweepEveryMs, what: 'expiring abandoned card payments' });
  }

  protected async sweepOnce(): Promise<void> {
    const now = this.o.clock.now();
    // A checkout lapses CHECKOUT_LIFETIME_MS after its order was placed; its document has the exact time.
    const due = await this.o.orders.awaitingPaymentSince(now - CHECKOUT_LIFETIME_MS - CHECKOUT_EXPIRY_GRACE_MS);
    for (const row of due) {
      if (this.isClosed) return;
      try {
        await this.expire(row.id, now);
      } catch (err: unknown) {
        // The next pass asks again; one order the provider cannot answer for must not hold up the rest.
        this.o.log.error('expiring an abandoned card payment failed', { orderId: row.id, error: String(err) });
      }
    }
  }

  private async expire(orderId: OrderId, now: number): Promise<void> {
    const { registry, provider, log } = this.o;
    const view = await readOrderView(registry, orderId, true);
    const pending = view ? openCheckoutOf(view) : null;
    if (!pending || pending.provider !== provider.name || pending.expiresAt + CHECKOUT_EXPIRY_GRACE_MS > now) return;
    const { checkoutRef } = pending;
    const closing = await provider.expireCheckout(checkoutRef, `dabba-expire-${checkoutRef}`);
    if (closing === 'completed') {
      log.info('checkout lapsed but the provider says it was completed; waiting for its payment notification', { orderId, checkoutRef });
      return;
    }
    await appendServerEvents(registry, orderId, now, (current) =>
      openCheckoutOf(current)?.checkoutRef === checkoutRef
        ? [{ id: expiryCancelId(orderId, checkoutRef), type: 'cancelled', by: { id: SYSTEM_ID, role: 'system' }, reason: NOT_PAID_IN_TIME }]
        : [],
    );
  }
}
