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
  /** The secret before the last rotation; also signed with until `previousSecretUntil`. */
  readonly previousSecret: string | null;
}

const eventsSchema = z.array(webhookEventFilterSchema);

interface WebhookRow {
  id: string;
  url: string;
  events: string;
  secret: string;
  created_at: number;
  previous_secret: string | null;
  previous_secret_until: number | null;
}

const toTarget = (r: WebhookRow): WebhookTarget => ({
  id: WebhookIdSchema.parse(r.id),
  url: r.url,
  events: eventsSchema.parse(JSON.parse(r.events)),
  secret: r.secret,
  createdAt: r.created_at,
  previousSecret: r.previous_secret,
  previousSecretUntil: r.previous_secret_until,
});

const withoutSecret = ({ secret: _secret, previousSecret: _previous, ...webhook }: WebhookTarget): Webhook => webhook;

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

  /**
   * Makes `secret` the webhook's secret and keeps the one it replaces signing too until `previousUntil`
   * (one previous secret at most: rotating again drops the older one). False when there is no such webhook.
   */
  async rotateSecret(id: WebhookId, secret: string, previousUntil: number): Promise<boolean> {
    const result = await this.db
      .updateTable('webhooks')
      .set((eb) => ({ previous_secret: eb.ref('secret'), previous_secret_until: previousUntil, secret }))
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
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
