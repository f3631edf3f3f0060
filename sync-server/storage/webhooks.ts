import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  WebhookIdSchema,
  webhookEventFilterSchema,
  type Webhook,
  type WebhookEventFilter,
  type WebhookId,
} from '../../shared/api/webhooks';
import type { Database } from './sql/schema';

/** A webhook with what signing and matching need: only the delivery worker reads these. */
export interface WebhookTarget extends Webhook {
  readonly secret: string;
}

const eventsSchema = z.array(webhookEventFilterSchema);

interface WebhookRow {
  id: string;
  url: string;
  events: string;
  secret: string;
  created_at: number;
}

const toTarget = (r: WebhookRow): WebhookTarget => ({
  id: WebhookIdSchema.parse(r.id),
  url: r.url,
  events: eventsSchema.parse(JSON.parse(r.events)),
  secret: r.secret,
  createdAt: r.created_at,
});

const withoutSecret = ({ secret: _secret, ...webhook }: WebhookTarget): Webhook => webhook;

/** The webhooks admins registered. Secrets are stored as they are: they are HMAC keys, needed to sign. */
export class Webhooks {
  constructor(private readonly db: Kysely<Database>) {}

  async add(webhook: {
    id: WebhookId;
    url: string;
    events: readonly WebhookEventFilter[];
    secret: string;
    createdAt: number;
  }): Promise<void> {
    await this.db
      .insertInto('webhooks')
      .values({
        id: webhook.id,
        url: webhook.url,
        events: JSON.stringify(webhook.events),
        secret: webhook.secret,
        created_at: webhook.createdAt,
      })
      .execute();
  }

  /** Every webhook, oldest first, without secrets. */
  async list(): Promise<Webhook[]> {
    return (await this.targets()).map(withoutSecret);
  }

  /** Every webhook with its secret, oldest first. */
  async targets(): Promise<WebhookTarget[]> {
    const rows = await this.db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toTarget);
  }

  async exists(id: WebhookId): Promise<boolean> {
    return (await this.db.selectFrom('webhooks').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** Removes the webhook and its deliveries, sent or not; false when there was none. */
  async remove(id: WebhookId): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }
}
