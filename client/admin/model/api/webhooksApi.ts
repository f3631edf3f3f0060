import { z } from 'zod';
import {
  webhookCreatedSchema,
  webhookDeliveriesSchema,
  webhookListSchema,
  webhookSecretRotatedSchema,
  type ListedWebhook,
  type NewWebhook,
  type WebhookCreated,
  type WebhookDelivery,
  type WebhookId,
  type WebhookSecretRotated,
} from '../../../../shared/api/webhooks';
import type { EventId } from '../../../../shared/ids';
import { deleteRequest, getJson, postJson, readAnswer, type Answer } from '../../../common/api/http';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const base = (id: WebhookId): string => `/api/admin/webhooks/${encodeURIComponent(id)}`;
/** 204 and 202 answers have no body: read as null. */
const nothing = z.null();

/** `GET /api/admin/webhooks`: every webhook, oldest first, without secrets. */
export async function fetchWebhooks(token: string): Promise<Answer<readonly ListedWebhook[]>> {
  const answer = readAnswer(await getJson('/api/admin/webhooks', bearer(token)), webhookListSchema, 'The webhooks could not be read.');
  return answer.ok ? { ok: true, value: answer.value.webhooks } : answer;
}

/** `POST /api/admin/webhooks`: its id and secret (shown this once), or the server's refusal (`private_address`…). */
export async function registerWebhook(token: string, body: NewWebhook): Promise<Answer<WebhookCreated>> {
  return readAnswer(await postJson('/api/admin/webhooks', body, bearer(token)), webhookCreatedSchema, 'The new webhook could not be read.');
}

/** `POST /api/admin/webhooks/<id>/rotate-secret`: the new secret, shown this once. */
export async function rotateWebhookSecret(token: string, id: WebhookId): Promise<Answer<WebhookSecretRotated>> {
  const result = await postJson(`${base(id)}/rotate-secret`, {}, bearer(token));
  return readAnswer(result, webhookSecretRotatedSchema, 'The new secret could not be read.');
}

/** `DELETE /api/admin/webhooks/<id>`: the webhook and its deliveries go. */
export async function deleteWebhook(token: string, id: WebhookId): Promise<Answer<null>> {
  return readAnswer(await deleteRequest(base(id), bearer(token)), nothing, 'The server’s answer could not be read.');
}

/** `GET /api/admin/webhooks/<id>/deliveries`: newest event first. */
export async function fetchDeliveries(token: string, id: WebhookId): Promise<Answer<readonly WebhookDelivery[]>> {
  const answer = readAnswer(
    await getJson(`${base(id)}/deliveries`, bearer(token)),
    webhookDeliveriesSchema,
    'The deliveries could not be read.',
  );
  return answer.ok ? { ok: true, value: answer.value.deliveries } : answer;
}

/** `POST /api/admin/webhooks/<id>/deliveries/<eventId>/replay`: sent again from a first attempt. */
export async function replayDelivery(token: string, id: WebhookId, eventId: EventId): Promise<Answer<null>> {
  const result = await postJson(`${base(id)}/deliveries/${encodeURIComponent(eventId)}/replay`, {}, bearer(token));
  return readAnswer(result, nothing, 'The server’s answer could not be read.');
}
