import type { Config } from '../config';
import type { Logger } from '../log';
import type { PaymentProvider } from './paymentProvider';
import { StripeProvider } from './stripeProvider';

/** The card payment provider the configuration names, or null (cash only), said once in the log at start. */
export function openPayments(config: Pick<Config, 'stripe'>, log: Logger): PaymentProvider | null {
  const payments = config.stripe ? new StripeProvider(config.stripe) : null;
  log.info(payments ? 'card payments: Stripe' : 'card payments: off (no STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET); cash only');
  return payments;
}
