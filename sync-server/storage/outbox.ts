import { sql, type Kysely } from 'kysely';
import { EventIdSchema, OrderIdSchema, OutletIdSchema, type EventId, type OrderId, type OutletId } from '../../shared/ids';
import type { Db } from './db';
import { statementOn } from './sql/handle';
import type { Database } from './sql/schema';

/** One committed order event as the outbox keeps it until it is sent out. */
export interface OutboxEntry {
  /** Commit order, never reused. */
  readonly seq: number;
  readonly eventId: EventId;
  readonly orderId: OrderId;
  readonly outletId: OutletId | null;
  /** `order.<event type>`. */
  readonly type: string;
  readonly occurredAt: number;
  readonly committedAt: number;
  /** JSON of the event's data. */
  readonly data: string;
}

export type NewOutboxEntry = Omit<OutboxEntry, 'seq'>;

interface OutboxRow {
  seq: number;
  event_id: string;
  order_id: string;
  outlet_id: string | null;
  type: string;
  occurred_at: number;
  committed_at: number;
  data: string;
}

const INSERT_ONE = `insert into outbox (event_id, order_id, outlet_id, type, occurred_at, committed_at, data)
  values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing`;

const COLUMNS = ['seq', 'event_id', 'order_id', 'outlet_id', 'type', 'occurred_at', 'committed_at', 'data'] as const;

export const toOutboxEntry = (r: OutboxRow): OutboxEntry => ({
  seq: r.seq,
  eventId: EventIdSchema.parse(r.event_id),
  orderId: OrderIdSchema.parse(r.order_id),
  outletId: r.outlet_id === null ? null : OutletIdSchema.parse(r.outlet_id),
  type: r.type,
  occurredAt: r.occurred_at,
  committedAt: r.committed_at,
  data: r.data,
});

/**
 * The outbox: every order event the server committed, written in the commit's own transaction (see
 * outbox/outboxRows.ts), and what has been done with each: fanned out to the webhooks, appended to the Redis
 * Stream. Nothing here sends anything.
 */
export class Outbox {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Records the events of one commit; an event id already recorded is left as it is (at most one row each).
   * Written as SQL rather than built: it runs in the transaction of every order update, and the query
   * builder's parsing of its rows was the largest allocation of an append (bench:sync profile).
   */
  async add(entries: readonly NewOutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const rows = entries.map(
      (e) => sql`(${e.eventId}, ${e.orderId}, ${e.outletId}, ${e.type}, ${e.occurredAt}, ${e.committedAt}, ${e.data})`,
    );
    await sql`insert into outbox (event_id, order_id, outlet_id, type, occurred_at, committed_at, data)
      values ${sql.join(rows)} on conflict (event_id) do nothing`.execute(this.db);
  }

  /** The same rows as `add`, as statements on SQLite's handle inside a transaction the caller holds. */
  static addOnHandle(raw: Db, entries: readonly NewOutboxEntry[]): void {
    const insert = statementOn(raw, INSERT_ONE);
    for (const e of entries) insert.run([e.eventId, e.orderId, e.outletId, e.type, e.occurredAt, e.committedAt, e.data]);
  }

  /** The oldest entries not yet fanned out to the webhooks, in commit order. */
  async unfanned(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db.selectFrom('outbox').select(COLUMNS).where('fanned_at', 'is', null).orderBy('seq').limit(limit).execute();
    return rows.map(toOutboxEntry);
  }

  /**
   * Marks the oldest `limit` entries not yet fanned out as fanned out, without reading them: what a pass
   * does when no webhook is registered to want any. Returns how many it marked.
   */
  async markFanned(limit: number, now: number): Promise<number> {
    const oldest = this.db.selectFrom('outbox').select('seq').where('fanned_at', 'is', null).orderBy('seq').limit(limit);
    const result = await this.db.updateTable('outbox').set({ fanned_at: now }).where('seq', 'in', oldest).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The oldest entries not yet appended to the Redis Stream, in commit order. */
  async unstreamed(limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db.selectFrom('outbox').select(COLUMNS).where('streamed_at', 'is', null).orderBy('seq').limit(limit).execute();
    return rows.map(toOutboxEntry);
  }

  async markStreamed(seqs: readonly number[], now: number): Promise<void> {
    if (seqs.length === 0) return;
    await this.db.updateTable('outbox').set({ streamed_at: now }).where('seq', 'in', seqs).execute();
  }

  async byEventId(eventId: EventId): Promise<OutboxEntry | null> {
    const row = await this.db.selectFrom('outbox').select(COLUMNS).where('event_id', '=', eventId).executeTakeFirst();
    return row ? toOutboxEntry(row) : null;
  }

  /**
   * Retention: entries committed before `before` that were fanned out and that no delivery refers to any
   * more (deliveries go first, see WebhookDeliveries.deleteFinishedBefore). Whether the Redis Stream had
   * them is not asked: the stream is trimmed by length anyway. Returns how many went.
   */
  async deleteSentBefore(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('outbox')
      .where('committed_at', '<', before)
      .where('fanned_at', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('webhook_deliveries as d').select('d.seq').whereRef('d.event_id', '=', 'outbox.event_id'))),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
