import { z } from 'zod';

/** The environment variables of card payments (README, Configuration); config.ts spreads them into its schema. */
export const paymentEnvSchema = z.object({
  STRIPE_SECRET_KEY: z.string().trim().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().trim().min(1).optional(),
  /** Where the Stripe SDK sends its API calls instead of api.stripe.com: a loopback fake in tests. */
  DABBA_STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /** How often the leader looks for card orders whose checkout lapsed without the provider saying so. */
  DABBA_CHECKOUT_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
});

export interface StripeSettings {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** null: Stripe itself. */
  readonly apiBase: URL | null;
}

/** Card payments are offered only with both keys: without the webhook secret no payment could ever be confirmed. */
export function stripeSettingsOf(e: z.infer<typeof paymentEnvSchema>): StripeSettings | null {
  if (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET) return null;
  return {
    secretKey: e.STRIPE_SECRET_KEY,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    apiBase: e.DABBA_STRIPE_API_BASE ? new URL(e.DABBA_STRIPE_API_BASE) : null,
  };
}
