import type { WebhookId, WebhookSecretRotated } from '../../shared/api/webhooks';
import type { Webhooks } from '../storage/webhooks';
import { newWebhookSecret } from './signature';

/**
 * How long deliveries stay signed with the replaced secret too after a rotation: a day for whoever runs the
 * receiver to put the new secret in, while it keeps verifying with the old one.
 */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

/** Gives the webhook a new secret, returned this once; null when there is no such webhook. */
export async function rotateWebhookSecret(webhooks: Webhooks, id: WebhookId, now: number): Promise<WebhookSecretRotated | null> {
  const secret = newWebhookSecret();
  return (await webhooks.rotateSecret(id, secret, now + ROTATION_GRACE_MS)) ? { id, secret } : null;
}
