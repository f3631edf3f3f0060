import type { OrderId } from '../../shared/ids';
import type { Money } from '../../shared/money';
import type { Result } from '../../shared/result';

/** What a checkout is for: the server's price of one order, never a figure the browser sent. */
export interface CheckoutRequest {
  readonly orderId: OrderId;
  readonly amount: Money;
  /** ISO 4217, as the order's header has it (e.g. INR). */
  readonly currency: string;
  /** One line the customer sees on the provider's page (outlet and order number). */
  readonly description: string;
  /** Where the provider sends the browser back, paid or not: the tracking link. It proves nothing; the webhook does. */
  readonly returnUrl: string;
  /** When the checkout lapses (epoch ms); part of the request so a retry with the same key asks for the same thing. */
  readonly expiresAt: number;
}

/** An open checkout: where to send the customer, the provider's id of it, and when it lapses (epoch ms). */
export interface Checkout {
  readonly redirectUrl: string;
  readonly checkoutRef: string;
  readonly expiresAt: number;
}

/**
 * A provider's notification, verified and read into what an order cares about. `eventId` is the provider's
 * id of the notification (the same on every redelivery); `ignored` is anything that concerns no order.
 */
export type ProviderEvent =
  | {
      readonly kind: 'paid';
      readonly eventId: string;
      readonly orderId: OrderId;
      readonly checkoutRef: string;
      readonly paymentRef: string;
      readonly amount: Money;
      readonly currency: string;
    }
  | { readonly kind: 'failed'; readonly eventId: string; readonly orderId: OrderId; readonly checkoutRef: string; readonly reason: string }
  | { readonly kind: 'expired'; readonly eventId: string; readonly orderId: OrderId; readonly checkoutRef: string }
  | { readonly kind: 'ignored'; readonly eventId: string; readonly type: string };

/**
 * What became of a checkout the server asked the provider to close: `expired`, so no payment can come any
 * more (including one already closed unpaid); or `completed`, the customer paid (or a delayed method is
 * under way) and the provider's notification is still to come.
 */
export type CheckoutClosing = 'expired' | 'completed';

/** Why a notification is not believed: its signature does not verify, or it is not the provider's shape. */
export type WebhookRefusal = 'bad_signature' | 'malformed';

/**
 * The one place the server meets a payment provider (Stripe now; UPI/Razorpay would be another adapter).
 * Every call that moves or promises money carries an idempotency key, so a retry never does it twice.
 */
export interface PaymentProvider {
  /** How the provider is named in order events and in its webhook path (`/api/payments/<name>/webhook`). */
  readonly name: string;
  createCheckout(request: CheckoutRequest, idempotencyKey: string): Promise<Checkout>;
  /** Checks the notification's signature over the exact bytes received; `header` reads the request's headers. */
  verifyWebhook(rawBody: string, header: (name: string) => string | undefined): Result<ProviderEvent, WebhookRefusal>;
  /** Closes an open checkout so it can no longer be paid; tells what the checkout is now. Rejects when the provider cannot be asked. */
  expireCheckout(checkoutRef: string, idempotencyKey: string): Promise<CheckoutClosing>;
  /** Gives back `amount` of the payment `paymentRef`; resolves with the provider's refund id. */
  refund(paymentRef: string, amount: Money, idempotencyKey: string): Promise<{ readonly refundRef: string }>;
}
