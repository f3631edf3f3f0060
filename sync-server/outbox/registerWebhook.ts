import { WebhookIdSchema, type NewWebhook, type WebhookCreated } from '../../shared/api/webhooks';
import { randomId } from '../../shared/ids';
import { ok, type Result } from '../../shared/result';
import type { Webhooks } from '../storage/webhooks';
import { checkWebhookHost, type AddressRefusal, type ResolveHost } from './privateAddress';
import { newWebhookSecret } from './signature';

export interface RegisterDeps {
  readonly webhooks: Webhooks;
  readonly allowPrivate: boolean;
  readonly resolveHost: ResolveHost;
}

/**
 * Registers a webhook (its URL and event names already parsed, shared/api/webhooks.ts) after checking that
 * its host is public; the secret is made here and returned this once. It receives the events committed
 * from now on, not earlier ones.
 */
export async function registerWebhook(deps: RegisterDeps, body: NewWebhook, now: number): Promise<Result<WebhookCreated, AddressRefusal>> {
  const host = await checkWebhookHost(body.url, deps.allowPrivate, deps.resolveHost);
  if (!host.ok) return host;
  const id = WebhookIdSchema.parse(randomId());
  const secret = newWebhookSecret();
  await deps.webhooks.add({ id, url: body.url, events: [...new Set(body.events)], secret, createdAt: now });
  return ok({ id, secret });
}
