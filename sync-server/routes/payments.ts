import { Hono } from 'hono';
import type { PaymentConfig } from '../../shared/api/orders';
import type { DocRegistry } from '../sync/docRegistry';
import { badRequest, notFound } from '../errors';
import type { Logger } from '../log';
import { applyProviderEvent } from '../payments/providerEvents';
import type { PaymentProvider } from '../payments/paymentProvider';

export interface PaymentRouteDeps {
  readonly registry: DocRegistry;
  readonly payments: PaymentProvider | null;
  readonly log: Logger;
}

/**
 * `GET /config`: whether card is offered. `POST /<provider>/webhook`: the provider's notifications, read as
 * the exact bytes received (the signature covers them) and believed only once the provider's SDK has
 * verified the signature. A refusal is logged and answered 400, so the provider shows it as failed.
 */
export function paymentRoutes(deps: PaymentRouteDeps): Hono {
  const { payments, log } = deps;
  return new Hono()
    .get('/config', (c) => {
      c.header('Cache-Control', 'no-store');
      const answer: PaymentConfig = payments
        ? { methods: ['cash', 'card'], cardProvider: payments.name }
        : { methods: ['cash'], cardProvider: null };
      return c.json(answer);
    })
    .post('/:provider/webhook', async (c) => {
      if (!payments || c.req.param('provider') !== payments.name) throw notFound('That payment provider');
      const raw = await c.req.text();
      const verified = payments.verifyWebhook(raw, (name) => c.req.header(name));
      if (!verified.ok) {
        log.error('payment webhook refused', { provider: payments.name, code: verified.error.code, reason: verified.error.message });
        throw badRequest(
          verified.error.code,
          verified.error.code === 'bad_signature' ? 'The signature does not verify.' : 'Not a notification about an order.',
        );
      }
      const outcome = await applyProviderEvent(deps.registry, payments, verified.value, log);
      log.info('payment webhook', { provider: payments.name, eventId: verified.value.eventId, kind: verified.value.kind, outcome });
      return c.json({ received: true, outcome });
    });
}
