import type { Kysely } from 'kysely';
import { WebhookIdSchema, type DeliveryStatus, type WebhookDelivery, type WebhookId } from '../../shared/api/webhooks';
import { EventIdSchema, OrderIdSchema, type EventId } from '../../shared/ids';
import { toOutboxEntry, type OutboxEntry } from './outbox';
import type { Database } from './sql/schema';

/** A delivery whose attempt is due, with what sending it needs. */
export interface DueDelivery {
  readonly webhookId: WebhookId;
  readonly url: string;
  readonly secret: string;
  /** The secret before the last rotation while it still signs (until `previousSecretUntil`), else null. */
  readonly previousSecret: string | null;
  readonly previousSecretUntil: number | null;
  readonly attempts: number;
  readonly entry: OutboxEntry;
}

/** How an attempt ended when it did not deliver. `retryAt` null: dead-lettered. */
export interface FailedAttempt {
  readonly status: number | null;
  readonly error: string;
  readonly retryAt: number | null;
}

/**
 * Each event's delivery to each webhook that wants it. Invariant: a pending delivery is sent only when no
 * earlier event (lower seq) of the same order is pending to the same webhook, so one endpoint sees an
 * order's events in commit order; a dead-lettered one no longer holds the later ones back.
 */
export class WebhookDeliveries {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Queues each entry for the webhooks `targets` names and marks it fanned out, in one transaction, so an
   * entry is fanned out once (a repeat after a crash finds the deliveries there and adds nothing).
   */
  async fanOut(entries: readonly OutboxEntry[], targets: (entry: OutboxEntry) => readonly WebhookId[], now: number): Promise<number> {
    if (entries.length === 0) return 0;
    const rows = entries.flatMap((e) =>
      targets(e).map((webhookId) => ({
        webhook_id: webhookId,
        event_id: e.eventId,
        order_id: e.orderId,
        seq: e.seq,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })),
    );
    await this.db.transaction().execute(async (trx) => {
      if (rows.length > 0)
        await trx
          .insertInto('webhook_deliveries')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .execute();
      await trx
        .updateTable('outbox')
        .set({ fanned_at: now })
        .where(
          'seq',
          'in',
          entries.map((e) => e.seq),
        )
        .execute();
    });
    return rows.length;
  }

  /** Pending deliveries due by `now` that no earlier event of their order holds back, oldest event first. */
  async due(now: number, limit: number): Promise<DueDelivery[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .innerJoin('outbox', 'outbox.event_id', 'd.event_id')
      .select(['d.webhook_id', 'd.attempts', 'w.url', 'w.secret', 'w.previous_secret', 'w.previous_secret_until'])
      .select(['outbox.seq', 'outbox.event_id', 'outbox.order_id', 'outbox.outlet_id', 'outbox.type'])
      .select(['outbox.occurred_at', 'outbox.committed_at', 'outbox.data'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries as e')
              .select('e.seq')
              .whereRef('e.webhook_id', '=', 'd.webhook_id')
              .whereRef('e.order_id', '=', 'd.order_id')
              .where('e.status', '=', 'pending')
              .whereRef('e.seq', '<', 'd.seq'),
          ),
        ),
      )
      .orderBy('d.seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      webhookId: WebhookIdSchema.parse(r.webhook_id),
      url: r.url,
      secret: r.secret,
      previousSecret: r.previous_secret,
      previousSecretUntil: r.previous_secret_until,
      attempts: r.attempts,
      entry: toOutboxEntry(r),
    }));
  }

  async delivered(webhookId: WebhookId, eventId: EventId, status: number, now: number): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: 'delivered',
        attempts: eb('attempts', '+', 1),
        next_attempt_at: null,
        last_status: status,
        last_error: null,
        delivered_at: now,
        updated_at: now,
      }))
      .where('webhook_id', '=', webhookId)
      .where('event_id', '=', eventId)
      .where('status', '=', 'pending')
      .execute();
  }

  async failed(webhookId: WebhookId, eventId: EventId, attempt: FailedAttempt, now: number): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: attempt.retryAt === null ? 'dead' : 'pending',
        attempts: eb('attempts', '+', 1),
        next_attempt_at: attempt.retryAt,
        last_status: attempt.status,
        last_error: attempt.error.slice(0, 500),
        updated_at: now,
      }))
      .where('webhook_id', '=', webhookId)
      .where('event_id', '=', eventId)
      .where('status', '=', 'pending')
      .execute();
  }

  /** Sends a dead or delivered event again, from its first attempt; false when the webhook never had it. */
  async replay(webhookId: WebhookId, eventId: EventId, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, delivered_at: null, updated_at: now })
      .where('webhook_id', '=', webhookId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Per webhook, how many deliveries are retrying after a failed attempt and how many are dead-lettered. */
  async troubleCounts(): Promise<Map<WebhookId, { failing: number; dead: number }>> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select(['webhook_id', 'status'])
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where((eb) => eb.or([eb('status', '=', 'dead'), eb.and([eb('status', '=', 'pending'), eb('attempts', '>', 0)])]))
      .groupBy(['webhook_id', 'status'])
      .execute();
    const counts = new Map<WebhookId, { failing: number; dead: number }>();
    for (const r of rows) {
      const id = WebhookIdSchema.parse(r.webhook_id);
      const entry = counts.get(id) ?? { failing: 0, dead: 0 };
      counts.set(id, r.status === 'dead' ? { ...entry, dead: Number(r.n) } : { ...entry, failing: Number(r.n) });
    }
    return counts;
  }

  /** A webhook's deliveries, newest event first. */
  async list(webhookId: WebhookId, status: DeliveryStatus | undefined, limit: number): Promise<WebhookDelivery[]> {
    let query = this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('outbox', 'outbox.event_id', 'd.event_id')
      .select(['d.event_id', 'd.order_id', 'd.status', 'd.attempts', 'd.last_status', 'd.last_error'])
      .select(['d.next_attempt_at', 'd.delivered_at', 'd.created_at', 'outbox.type'])
      .where('d.webhook_id', '=', webhookId);
    if (status) query = query.where('d.status', '=', status);
    const rows = await query.orderBy('d.seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      eventId: EventIdSchema.parse(r.event_id),
      type: r.type,
      orderId: OrderIdSchema.parse(r.order_id),
      status: r.status,
      attempts: r.attempts,
      lastStatus: r.last_status,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
    }));
  }

  /** Retention: delivered and dead-lettered deliveries last changed before `before`. Returns how many went. */
  async deleteFinishedBefore(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('webhook_deliveries')
      .where('status', '<>', 'pending')
      .where('updated_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
