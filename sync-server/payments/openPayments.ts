import type { Clock } from '../clock';
import type { Config } from '../config';
import type { LeaderDuties } from '../dispatch/leadership/leaderDuties';
import type { Logger } from '../log';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import { CheckoutExpiry } from './checkoutExpiry';
import type { PaymentProvider } from './paymentProvider';
import { StripeProvider } from './stripeProvider';

export interface PaymentsDeps {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly clock: Clock;
  readonly log: Logger;
  /** The sweep of lapsed checkouts runs on the dispatch leader only, with its term. */
  readonly duties: LeaderDuties;
}

/**
 * The card payment provider the configuration names, or null (cash only), said once in the log at start;
 * with a provider, the leader's sweep that gives up checkouts whose lapse the provider never reported.
 */
export async function openPayments(config: Pick<Config, 'stripe' | 'checkoutSweepMs'>, d: PaymentsDeps): Promise<PaymentProvider | null> {
  const payments = config.stripe ? await StripeProvider.open(config.stripe) : null;
  d.log.info(payments ? 'card payments: Stripe' : 'card payments: off (no STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET); cash only');
  if (payments)
    d.duties.add(() => {
      const sweep = new CheckoutExpiry({ ...d, provider: payments, sweepEveryMs: config.checkoutSweepMs });
      sweep.start();
      return sweep;
    });
  return payments;
}
