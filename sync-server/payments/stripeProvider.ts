import type Stripe from 'stripe';
import { z } from 'zod';
import { OrderIdSchema } from '../../shared/ids';
import { MoneySchema, type Money } from '../../shared/money';
import { fail, ok, type Result } from '../../shared/result';
import type { StripeSettings } from './paymentConfig';
import type { Checkout, CheckoutClosing, CheckoutRequest, PaymentProvider, ProviderEvent, WebhookRefusal } from './paymentProvider';

/** The part of a Checkout Session the server reads from a webhook; ids are parsed, not trusted. */
const sessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal('checkout.session'),
  metadata: z.object({ orderId: OrderIdSchema }),
  payment_intent: z.string().min(1).nullable(),
  amount_total: MoneySchema.nullable(),
  currency: z.string().length(3).nullable(),
  payment_status: z.string(),
});
type Session = z.infer<typeof sessionSchema>;

function paidOf(eventId: string, session: Session): ProviderEvent | null {
  const { id, metadata, payment_intent: paymentRef, amount_total: amount, currency } = session;
  if (!paymentRef || amount === null || !currency) return null;
  return { kind: 'paid', eventId, orderId: metadata.orderId, checkoutRef: id, paymentRef, amount, currency: currency.toUpperCase() };
}

/** The order-relevant meaning of a Checkout Session event; null when its session is not one of ours. */
function meaningOf(event: Stripe.Event): ProviderEvent | null {
  const ignored: ProviderEvent = { kind: 'ignored', eventId: event.id, type: event.type };
  const kinds: Readonly<Record<string, 'completed' | 'succeeded' | 'failed' | 'expired'>> = {
    'checkout.session.completed': 'completed',
    'checkout.session.async_payment_succeeded': 'succeeded',
    'checkout.session.async_payment_failed': 'failed',
    'checkout.session.expired': 'expired',
  };
  const kind = kinds[event.type];
  if (!kind) return ignored;
  const parsed = sessionSchema.safeParse(event.data.object);
  if (!parsed.success) return null;
  const session = parsed.data;
  const base = { eventId: event.id, orderId: session.metadata.orderId, checkoutRef: session.id };
  switch (kind) {
    case 'completed':
      // A delayed method (a bank debit) completes the session unpaid; its money comes with async_payment_succeeded.
      return session.payment_status === 'paid' ? paidOf(event.id, session) : ignored;
    case 'succeeded':
      return paidOf(event.id, session);
    case 'failed':
      return { kind: 'failed', ...base, reason: 'The bank did not confirm the payment.' };
    case 'expired':
      return { kind: 'expired', ...base };
  }
}

/** A session that completed (paid, or a delayed method under way) is the webhook's to settle; any other is over. */
function closingOf(session: Stripe.Checkout.Session): CheckoutClosing {
  if (session.status === 'complete') return 'completed';
  if (session.status === 'expired') return 'expired';
  throw new Error(`Stripe checkout session ${session.id} is still ${String(session.status)} after expiring it.`);
}

/**
 * Card payments through Stripe Checkout Sessions: the customer pays on Stripe's page, Stripe tells the
 * server by a signed webhook, and refunds go against the session's PaymentIntent.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe';
  private constructor(
    private readonly settings: StripeSettings,
    private readonly stripe: Stripe,
    private readonly sdk: typeof Stripe,
  ) {}

  /** Loads the Stripe SDK (only servers that take cards do: it holds ~10 MiB) and signs in with the secret key. */
  static async open(settings: StripeSettings): Promise<StripeProvider> {
    const { default: StripeSdk } = await import('stripe');
    const base = settings.apiBase;
    const stripe = new StripeSdk(settings.secretKey, {
      maxNetworkRetries: 2,
      ...(base
        ? {
            host: base.hostname,
            port: base.port || (base.protocol === 'https:' ? '443' : '80'),
            protocol: base.protocol === 'https:' ? 'https' : 'http',
          }
        : {}),
    });
    return new StripeProvider(settings, stripe, StripeSdk);
  }

  async createCheckout(request: CheckoutRequest, idempotencyKey: string): Promise<Checkout> {
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.amount,
              product_data: { name: request.description },
            },
          },
        ],
        client_reference_id: request.orderId,
        metadata: { orderId: request.orderId },
        payment_intent_data: { metadata: { orderId: request.orderId } },
        success_url: request.returnUrl,
        cancel_url: request.returnUrl,
        // Stripe's shortest allowed lifetime is 30 minutes (cardCheckout.ts asks for that).
        expires_at: Math.ceil(request.expiresAt / 1000),
      },
      { idempotencyKey },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
    return { redirectUrl: session.url, checkoutRef: session.id, expiresAt: session.expires_at * 1000 };
  }

  verifyWebhook(rawBody: string, header: (name: string) => string | undefined): Result<ProviderEvent, WebhookRefusal> {
    const signature = header('stripe-signature');
    if (!signature) return fail('bad_signature', 'The Stripe-Signature header is missing.');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch (err: unknown) {
      return fail('bad_signature', err instanceof Error ? err.message : String(err));
    }
    const meaning = meaningOf(event);
    return meaning ? ok(meaning) : fail('malformed', `Stripe event ${event.id} (${event.type}) does not carry a Dabba order.`);
  }

  async expireCheckout(checkoutRef: string, idempotencyKey: string): Promise<CheckoutClosing> {
    try {
      const session = await this.stripe.checkout.sessions.expire(checkoutRef, {}, { idempotencyKey });
      return closingOf(session);
    } catch (err: unknown) {
      // Stripe refuses to expire a session that is not open (paid, or expired already): read what it is.
      if (!(err instanceof this.sdk.errors.StripeInvalidRequestError)) throw err;
      return closingOf(await this.stripe.checkout.sessions.retrieve(checkoutRef));
    }
  }

  async refund(paymentRef: string, amount: Money, idempotencyKey: string): Promise<{ readonly refundRef: string }> {
    const refund = await this.stripe.refunds.create({ payment_intent: paymentRef, amount }, { idempotencyKey });
    return { refundRef: refund.id };
  }
}
